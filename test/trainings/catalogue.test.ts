// The catalogue and its sessions: the trainings the source names (seeded), filters and paging by
// Dutch title, sessions by start with the public seeing only those with a free seat, the seats
// taken and the waitlist, and the editors' writes with their rules, audit rows and events.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { employees, enrolments, trainingSessions, trainings } from "../../db/schema/trainings.js";
import { seedDatabase } from "../../db/seed/index.js";
import { TRAININGS } from "../../db/seed/trainings.js";
import type { CatalogueListQuery, CatalogueSessionsQuery, CreateTrainingInput, CreateTrainingSessionInput, TrainingFilter, TrainingSessionFilter } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, globalId, loadFundingFixture, MISSING_UUID, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: FundingFixture;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ["Unia", "Governance & Integrity", "VVSG"], boards: ["OCMW Gent"] });
});

const LIST = graphql(`
  query CatalogueList($first: Int, $after: String, $filter: TrainingFilter) {
    trainings(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title(locale: NL) titleEn: title(locale: EN) topic format digitalSkills language audience provider { id name(locale: NL) } action { number } } }
    }
  }
`);
const SEEDED = graphql(`
  query CatalogueSeeded {
    trainings(first: 100) {
      edges { node { title(locale: NL) provider { name(locale: NL) } action { number } sessions { totalCount edges { node { isExample online province startsAt endsAt capacity freePlaces } } } } }
    }
  }
`);
const SESSIONS = graphql(`
  query CatalogueSessions($first: Int, $after: String, $filter: TrainingSessionFilter) {
    trainingSessions(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id startsAt capacity seatsTaken freePlaces waitlistLength online province training { id } viewerCanUpdate } }
    }
  }
`);
const TRAINING_SESSIONS = graphql(`
  query CatalogueTrainingSessions($id: ID!, $first: Int, $after: String) {
    training(id: $id) { id viewerCanUpdate sessions(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }
  }
`);
const CREATE = graphql(`
  mutation CatalogueCreate($input: CreateTrainingInput!) {
    createTraining(input: $input) { training { id title(locale: NL) titleTranslations { nl fr en } description(locale: NL) topic format digitalSkills language audience provider { id } action { id } } }
  }
`);
const UPDATE = graphql(`
  mutation CatalogueUpdate($input: UpdateTrainingInput!) {
    updateTraining(input: $input) { training { id title(locale: NL) description(locale: NL) topic format digitalSkills language audience provider { id } action { id } } }
  }
`);
const CREATE_SESSION = graphql(`
  mutation CatalogueCreateSession($input: CreateTrainingSessionInput!) {
    createTrainingSession(input: $input) { session { id startsAt endsAt online province place capacity seatsTaken freePlaces waitlistLength isExample hostBoard { id } expertOrganisation { id } training { id } } }
  }
`);
const UPDATE_SESSION = graphql(`
  mutation CatalogueUpdateSession($input: UpdateTrainingSessionInput!) {
    updateTrainingSession(input: $input) { session { id startsAt endsAt online province capacity seatsTaken freePlaces waitlistLength } }
  }
`);

const CONSULTANT: Actor = { role: "CONSULTANT", sub: "consultant-1" };
const HOUR = 3_600_000;
/** A DateTime as the API takes it. */
const at = (iso: string) => new Date(iso).toISOString();

const list = async (filter: TrainingFilter, as?: Actor) => (await api.ok(LIST, { first: 100, filter }, as ? { as } : {})).trainings.edges.map((e) => e.node);
const sessions = async (filter: TrainingSessionFilter, as?: Actor) => (await api.ok(SESSIONS, { first: 100, filter }, as ? { as } : {})).trainingSessions.edges.map((e) => e.node);

async function createTraining(input: Partial<CreateTrainingInput> = {}) {
  const data = await api.ok(CREATE, { input: { title: { nl: "Omgaan met agressie" }, topic: "agressie", format: "OPEN", ...input } }, { as: CONSULTANT });
  return data.createTraining.training;
}

async function createSession(trainingId: string, input: Partial<CreateTrainingSessionInput> = {}) {
  const data = await api.ok(
    CREATE_SESSION,
    { input: { trainingId, startsAt: at("2027-05-03T08:00:00Z"), endsAt: at("2027-05-03T11:00:00Z"), online: true, capacity: 2, ...input } },
    { as: CONSULTANT },
  );
  return data.createTrainingSession.session;
}

/** Puts employees of OCMW Gent on a session with the given statuses, straight into the tables. */
async function occupy(sessionGlobalId: string, statuses: (typeof enrolments.$inferInsert)["status"][]) {
  const { db } = api.database;
  const sessionId = rowId(sessionGlobalId);
  const rows = [];
  for (const [i, status] of statuses.entries()) {
    const [employee] = await db
      .insert(employees)
      .values({ boardId: rowId(fx.boards["OCMW Gent"]!), displayName: `Deelnemer ${i}` })
      .returning();
    const [row] = await db
      .insert(enrolments)
      .values({ sessionId, employeeId: employee!.id, status, queuedAt: new Date(Date.UTC(2026, 0, 1) + i * 1000) })
      .returning();
    rows.push(row!);
  }
  return rows;
}

describe("the seeded catalogue", () => {
  it("holds the trainings the source names, with their providers, action 5 and one example session each", async () => {
    const { trainings: all } = await api.ok(SEEDED);
    const byTitle = new Map(all.edges.map((e) => [e.node.title, e.node]));
    expect(byTitle.size).toBe(TRAININGS.length);
    for (const title of [
      "Het herkennen van signalen door leidinggevenden rond burnout",
      "Zelfzorg rond burnout en werken aan veerkracht",
      "Leidinggeven voor ploegbazen",
      "Mentoropleiding voor zorgberoepen",
      "Mentoropleiding voor technisch uitvoerende beroepen",
      "Verdiepingsmodules rond de diverse thema's van mentorschap",
      "Non-discriminatie in samenwerking met Unia in het kader van de E-Div-tool",
      "Dilemma-training in samenwerking met Governance & Integrity",
      "Opleiding tot jobcoach",
    ]) {
      expect(byTitle.has(title), title).toBe(true);
    }
    expect(byTitle.get("Non-discriminatie in samenwerking met Unia in het kader van de E-Div-tool")?.provider?.name).toBe("Unia");
    expect(byTitle.get("Dilemma-training in samenwerking met Governance & Integrity")?.provider?.name).toBe("Governance & Integrity");
    expect(all.edges.filter((e) => e.node.provider)).toHaveLength(2);
    for (const { node } of all.edges) {
      expect(node.action?.number, node.title).toBe(5);
      expect(node.sessions.totalCount, node.title).toBe(1);
      const session = node.sessions.edges[0]!.node;
      expect(session).toMatchObject({ isExample: true, online: true, province: null, capacity: 20, freePlaces: 20 });
      expect(new Date(session.startsAt as string).getUTCFullYear()).toBe(2027);
      expect(new Date(session.startsAt as string) < new Date(session.endsAt as string)).toBe(true);
    }
  });

  it("speaks English where asked", async () => {
    const found = await list({ search: "Job coach" });
    expect(found.map((t) => [t.title, t.titleEn])).toEqual([["Opleiding tot jobcoach", "Job coach training"]]);
  });

  it("is seeded once: a second run adds nothing", async () => {
    const again = await seedDatabase(api.database, "sources");
    expect(again.trainings ?? 0).toBe(0);
    expect(await api.database.db.$count(trainings)).toBe(TRAININGS.length);
    expect(await api.database.db.$count(trainingSessions)).toBe(TRAININGS.length);
  });
});

describe("the trainings list", () => {
  it("filters by a search in any language, format, topic, action, provider and digital skills", async () => {
    const titles = (rows: { title: string }[]) => rows.map((t) => t.title);
    // Dutch and English; LIKE wildcards are searched for as text.
    expect(titles(await list({ search: "ploegbazen" }))).toEqual(["Leidinggeven voor ploegbazen"]);
    expect(titles(await list({ search: "BURNOUT signals" }))).toEqual(["Het herkennen van signalen door leidinggevenden rond burnout"]);
    expect(await list({ search: "%" })).toHaveLength(0);
    expect(await list({ search: "_" })).toHaveLength(0);
    const french = await createTraining({ title: { nl: "Omgaan met agressie", fr: "Gérer l'agression" }, format: "E_LEARNING", digitalSkills: true, topic: "Agressie" });
    expect(titles(await list({ search: "gérer" }))).toEqual(["Omgaan met agressie"]);

    expect(titles(await list({ format: "E_LEARNING" }))).toEqual(["Omgaan met agressie"]);
    expect(await list({ format: "OPEN" })).toHaveLength(TRAININGS.length);
    expect(titles(await list({ digitalSkills: true }))).toEqual(["Omgaan met agressie"]);
    expect(await list({ digitalSkills: false })).toHaveLength(TRAININGS.length);
    expect(await list({ topic: "mentorschap" })).toHaveLength(3);
    expect(titles(await list({ topic: "agressie" }))).toEqual(["Omgaan met agressie"]);
    expect(titles(await list({ providerId: fx.orgs.Unia! }))).toEqual(["Non-discriminatie in samenwerking met Unia in het kader van de E-Div-tool"]);
    expect(await list({ actionId: fx.actions[5]! })).toHaveLength(TRAININGS.length);
    expect(await list({ actionId: fx.actions[6]! })).toHaveLength(0);
    expect(french.id).toBeTruthy();
    // Filters combine.
    expect(await list({ topic: "burn-out", search: "veerkracht" })).toHaveLength(1);
    expect(errorOf(await api.exec(LIST, { filter: { providerId: fx.boards["OCMW Gent"]! } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.providerId" });
    expect(errorOf(await api.exec(LIST, { filter: { search: "x".repeat(101) } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.search" });
  });

  it("pages by Dutch title, at most 100 a page, with the total", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result: CatalogueListQuery = await api.ok(LIST, { first: 4, after });
      const connection = result.trainings;
      expect(connection.totalCount).toBe(TRAININGS.length);
      seen.push(...connection.edges.map((e) => e.node.title));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor ?? null;
    }
    expect(seen).toHaveLength(TRAININGS.length);
    expect(seen).toEqual(TRAININGS.map((t) => t.title.nl).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(errorOf(await api.exec(LIST, { first: 101 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(LIST, { after: "bm9wZQ" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("sessions", () => {
  it("counts seats taken (registered and attended), free places and the waitlist", async () => {
    const training = await createTraining();
    const session = await createSession(training.id, { capacity: 3 });
    expect(session).toMatchObject({ seatsTaken: 0, freePlaces: 3, waitlistLength: 0, isExample: false });
    await occupy(session.id, ["REGISTERED", "ATTENDED", "NO_SHOW", "CANCELLED", "WAITLISTED", "WAITLISTED"]);
    const [row] = await sessions({ trainingId: training.id }, CONSULTANT);
    expect(row).toMatchObject({ seatsTaken: 2, freePlaces: 1, waitlistLength: 2 });
  });

  it("never reports fewer than 0 free places", async () => {
    const training = await createTraining();
    const session = await createSession(training.id, { capacity: 1 });
    // More seats held than the capacity (a row written around the rules): still 0 free, not -1.
    await occupy(session.id, ["REGISTERED", "ATTENDED"]);
    const [row] = await sessions({ trainingId: training.id }, CONSULTANT);
    expect(row).toMatchObject({ seatsTaken: 2, freePlaces: 0 });
  });

  it("shows the public only sessions with a free place; editors see every one", async () => {
    const training = await createTraining();
    const full = await createSession(training.id, { capacity: 1, startsAt: at("2027-05-03T08:00:00Z"), endsAt: at("2027-05-03T10:00:00Z") });
    const open = await createSession(training.id, { capacity: 1, startsAt: at("2027-05-04T08:00:00Z"), endsAt: at("2027-05-04T10:00:00Z") });
    await occupy(full.id, ["REGISTERED", "WAITLISTED"]);
    await occupy(open.id, ["CANCELLED"]);

    const ids = (rows: { id: string }[]) => rows.map((s) => s.id);
    for (const as of [undefined, { role: "BOARD_MEMBER", board: rowId(fx.boards["OCMW Gent"]!) } as Actor, { role: "EXPERT", sub: "e-1", org: rowId(fx.orgs.Unia!) } as Actor]) {
      expect(ids(await sessions({ trainingId: training.id }, as))).toEqual([open.id]);
      const { training: t } = await api.ok(TRAINING_SESSIONS, { id: training.id }, as ? { as } : {});
      expect(t?.sessions.totalCount).toBe(1);
      expect(t?.sessions.edges.map((e) => e.node.id)).toEqual([open.id]);
      expect(t?.viewerCanUpdate).toBe(false);
    }
    for (const as of [CONSULTANT, { role: "ADMIN", sub: "admin-1" } as Actor]) {
      const rows = await sessions({ trainingId: training.id }, as);
      expect(ids(rows)).toEqual([full.id, open.id]);
      expect(rows[0]).toMatchObject({ freePlaces: 0, seatsTaken: 1, waitlistLength: 1, viewerCanUpdate: true });
      const { training: t } = await api.ok(TRAINING_SESSIONS, { id: training.id }, { as });
      expect(t?.sessions.totalCount).toBe(2);
      // An editor asks for the free ones only.
      expect(ids(await sessions({ trainingId: training.id, withFreePlaces: true }, as))).toEqual([open.id]);
    }
  });

  it("filters by training, start, province and online, ordered by start then id, and pages", async () => {
    const training = await createTraining();
    const other = await createTraining({ title: { nl: "Andere" } });
    const a = await createSession(training.id, { startsAt: at("2027-06-01T08:00:00Z"), endsAt: at("2027-06-01T10:00:00Z"), online: false, province: "LIMBURG" });
    const b = await createSession(training.id, { startsAt: at("2027-06-02T08:00:00Z"), endsAt: at("2027-06-02T10:00:00Z") });
    const c = await createSession(training.id, { startsAt: at("2027-06-02T08:00:00Z"), endsAt: at("2027-06-02T09:00:00Z"), online: false, province: "ANTWERP" });
    const d = await createSession(other.id, { startsAt: at("2027-06-03T08:00:00Z"), endsAt: at("2027-06-03T10:00:00Z") });
    const ids = (rows: { id: string }[]) => rows.map((s) => s.id);
    const sameStart = [b.id, c.id].sort((x, y) => (rowId(x) < rowId(y) ? -1 : 1));
    expect(ids(await sessions({ trainingId: training.id }))).toEqual([a.id, ...sameStart]);
    expect(ids(await sessions({ from: at("2027-06-02T08:00:00Z"), until: at("2027-06-03T08:00:00Z") }))).toEqual(sameStart);
    expect(ids(await sessions({ province: "LIMBURG" }))).toEqual([a.id]);
    expect(ids(await sessions({ online: false }))).toEqual([a.id, c.id]);
    expect(ids(await sessions({ from: at("2027-06-01T00:00:00Z"), online: true }))).toEqual([b.id, d.id]);

    // Paging one at a time meets every session once, in order, the same start included.
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: CatalogueSessionsQuery = await api.ok(SESSIONS, { first: 1, after, filter: { from: at("2027-06-01T00:00:00Z") } });
      expect(page.trainingSessions.totalCount).toBe(4);
      seen.push(...ids(page.trainingSessions.edges.map((e) => e.node)));
      if (!page.trainingSessions.pageInfo.hasNextPage) break;
      after = page.trainingSessions.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual([a.id, ...sameStart, d.id]);

    // Training.sessions pages the same way.
    const first = await api.ok(TRAINING_SESSIONS, { id: training.id, first: 2 });
    expect(first.training?.sessions.edges.map((e) => e.node.id)).toEqual([a.id, sameStart[0]]);
    const second = await api.ok(TRAINING_SESSIONS, { id: training.id, first: 2, after: first.training?.sessions.pageInfo.endCursor });
    expect(second.training?.sessions.edges.map((e) => e.node.id)).toEqual([sameStart[1]]);
    expect(second.training?.sessions.pageInfo.hasNextPage).toBe(false);
    expect(errorOf(await api.exec(TRAINING_SESSIONS, { id: training.id, first: 101 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(SESSIONS, { after: "bm9wZQ" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });
});

describe("forged cursors", () => {
  // What the fuzz test found: a cursor whose key is not an instant failed the statement.
  const cursor = (key: string) => Buffer.from(JSON.stringify([key, MISSING_UUID])).toString("base64url");
  const NESTED = graphql(
    `query CatalogueForgedNested($after: String) { trainings(first: 3) { edges { node { sessions(first: 5, after: $after) { totalCount edges { node { id } } } } } } }`,
  );
  const TOP = graphql(`query CatalogueForgedTop($after: String) { trainingSessions(first: 5, after: $after) { totalCount edges { node { id } } } }`);

  it.each(["9999-99-99", "not a date", "2027-01-01T09:00:00.000000"])("answers a session cursor with key %s without an internal error", async (key) => {
    for (const as of ["ADMIN", undefined] as const) {
      for (const result of [await api.exec(NESTED, { after: cursor(key) }, { as }), await api.exec(TOP, { after: cursor(key) }, { as })]) {
        const code = errorOf(result).code;
        expect(code === undefined || code === "BAD_USER_INPUT", `${key} as ${as ?? "anonymous"}: ${code}`).toBe(true);
      }
    }
  });
});

describe("writing trainings", () => {
  it("creates a training with its provider, action and language, audited, with a training.changed event", async () => {
    const created = await createTraining({
      title: { nl: "  Omgaan met agressie ", en: "Dealing with aggression", fr: "" },
      description: { nl: "Eerste lijn.\nTweede lijn." },
      providerId: fx.orgs.Unia!,
      actionId: fx.actions[6]!,
      audience: "onthaalmedewerkers",
      language: "FR",
    });
    expect(created).toMatchObject({
      title: "Omgaan met agressie",
      titleTranslations: { nl: "Omgaan met agressie", en: "Dealing with aggression", fr: null },
      description: "Eerste lijn.\nTweede lijn.",
      digitalSkills: false,
      language: "FR",
      audience: "onthaalmedewerkers",
      provider: { id: fx.orgs.Unia },
      action: { id: fx.actions[6] },
    });
    const id = rowId(created.id);
    const [row] = await api.database.db.select().from(trainings).where(eq(trainings.id, id));
    expect(row?.language).toBe("fr");
    const audit = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.operation, "createTraining")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorRole: "CONSULTANT", entityType: "Training" });
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, id)).orderBy(domainEvents.position);
    expect(events.map((e) => [e.name, e.payload])).toEqual([["training.changed", { trainingId: created.id, sessionId: null, operation: "CREATED" }]]);
  });

  it("refuses bad input naming the field", async () => {
    const bad = async (input: Partial<CreateTrainingInput>) =>
      errorOf(await api.exec(CREATE, { input: { title: { nl: "Titel" }, topic: "t", format: "OPEN", ...input } }, { as: CONSULTANT }));
    expect(await bad({ title: { nl: "  " } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    expect(await bad({ title: { nl: "a\nb" } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    expect(await bad({ topic: " " })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.topic" });
    expect(await bad({ providerId: fx.boards["OCMW Gent"]! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.providerId" });
    expect(await bad({ providerId: globalId("Organisation", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.providerId" });
    expect(await bad({ actionId: globalId("Action", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    expect(await bad({ actionId: fx.orgs.Unia! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    expect(await api.database.db.$count(trainings)).toBe(TRAININGS.length);
  });

  it("updates only the fields given; an explicit null clears an optional one and is refused for a required one", async () => {
    const created = await createTraining({ description: { nl: "Uitleg" }, providerId: fx.orgs.Unia!, actionId: fx.actions[5]!, audience: "iedereen" });
    const update = (input: Record<string, unknown>) => api.exec(UPDATE, { input: { id: created.id, ...input } }, { as: CONSULTANT });
    const changed = await update({ topic: "veiligheid", digitalSkills: true, language: "EN" });
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.updateTraining.training).toMatchObject({
      title: "Omgaan met agressie",
      description: "Uitleg",
      topic: "veiligheid",
      digitalSkills: true,
      language: "EN",
      provider: { id: fx.orgs.Unia },
    });
    const cleared = await update({ description: null, providerId: null, actionId: null, audience: null });
    expect(cleared.data?.updateTraining.training).toMatchObject({ description: null, provider: null, action: null, audience: null, topic: "veiligheid" });
    expect(errorOf(await update({ topic: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.topic" });
    expect(errorOf(await update({ title: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
    expect(errorOf(await update({ providerId: fx.boards["OCMW Gent"]! }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.providerId" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: globalId("Training", MISSING_UUID), topic: "x" } }, { as: CONSULTANT }))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.id",
    });
    const events = await api.database.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.entityId, rowId(created.id)));
    expect(events.map((e) => (e.payload as { operation: string }).operation)).toEqual(["CREATED", "UPDATED", "UPDATED"]);
    const audit = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, rowId(created.id)), eq(auditLog.operation, "updateTraining")));
    expect(audit).toHaveLength(2);
  });

  it("is for consultants and admins only", async () => {
    const input = { title: { nl: "Titel" }, topic: "t", format: "OPEN" as const };
    expect(errorOf(await api.exec(CREATE, { input }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(CREATE, { input }, { as: { role: "BOARD_MEMBER", board: rowId(fx.boards["OCMW Gent"]!) } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(CREATE, { input }, { as: { role: "EXPERT", sub: "e-1", org: rowId(fx.orgs.Unia!) } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(CREATE, { input }, { as: { role: "PARTNER", sub: "p-1", org: rowId(fx.orgs.VVSG!) } }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await api.exec(CREATE, { input }, { as: { role: "ADMIN", sub: "admin-1" } })).errors).toBeUndefined();
    const created = await createTraining();
    expect(errorOf(await api.exec(UPDATE, { input: { id: created.id, topic: "x" } }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: created.id, topic: "x" } }, { as: { role: "BOARD_MEMBER", board: rowId(fx.boards["OCMW Gent"]!) } }))).toMatchObject({
      code: "FORBIDDEN",
    });
    const session = await createSession(created.id);
    const sessionInput = { trainingId: created.id, startsAt: at("2027-05-03T08:00:00Z"), endsAt: at("2027-05-03T09:00:00Z"), online: true, capacity: 5 };
    expect(errorOf(await api.exec(CREATE_SESSION, { input: sessionInput }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(CREATE_SESSION, { input: sessionInput }, { as: { role: "EXPERT", sub: "e-1", org: rowId(fx.orgs.Unia!) } }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(errorOf(await api.exec(UPDATE_SESSION, { input: { id: session.id, capacity: 9 } }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(UPDATE_SESSION, { input: { id: session.id, capacity: 9 } }, { as: { role: "PARTNER", sub: "p-1", org: rowId(fx.orgs.VVSG!) } }))).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("writing sessions", () => {
  it("creates a session with its host board and expert organisation, audited, with an event", async () => {
    const training = await createTraining();
    const session = await createSession(training.id, {
      online: false,
      province: "EAST_FLANDERS",
      place: "Gent",
      capacity: 12,
      hostBoardId: fx.boards["OCMW Gent"]!,
      expertOrganisationId: fx.orgs.Unia!,
      expertSubject: "expert-7",
    });
    expect(session).toMatchObject({
      online: false,
      province: "EAST_FLANDERS",
      place: "Gent",
      capacity: 12,
      freePlaces: 12,
      isExample: false,
      hostBoard: { id: fx.boards["OCMW Gent"] },
      expertOrganisation: { id: fx.orgs.Unia },
      training: { id: training.id },
    });
    const sessionRow = rowId(session.id);
    const audit = await api.database.db.select().from(auditLog).where(eq(auditLog.entityId, sessionRow)).orderBy(auditLog.createdAt, auditLog.id);
    expect(audit.map((a) => a.operation)).toEqual(["createTrainingSession"]);
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "training.changed")).orderBy(domainEvents.position);
    expect(events.map((e) => e.payload)).toContainEqual({ trainingId: training.id, sessionId: session.id, operation: "CREATED" });
  });

  it("refuses bad times, capacities, places and references, naming the field", async () => {
    const training = await createTraining();
    const bad = async (input: Partial<CreateTrainingSessionInput>) =>
      errorOf(
        await api.exec(
          CREATE_SESSION,
          { input: { trainingId: training.id, startsAt: at("2027-05-03T08:00:00Z"), endsAt: at("2027-05-03T11:00:00Z"), online: true, capacity: 2, ...input } },
          { as: CONSULTANT },
        ),
      );
    expect(await bad({ endsAt: at("2027-05-03T08:00:00Z") })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.endsAt" });
    expect(await bad({ endsAt: at("2027-05-03T07:00:00Z") })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.endsAt" });
    expect(await bad({ capacity: 0 })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.capacity" });
    expect(await bad({ capacity: 10_001 })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.capacity" });
    expect(await bad({ capacity: 10_000 })).toMatchObject({ code: undefined });
    expect(await bad({ online: false })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.province" });
    expect(await bad({ online: false, province: "LIMBURG" })).toMatchObject({ code: undefined });
    expect(await bad({ trainingId: globalId("Training", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.trainingId" });
    expect(await bad({ trainingId: fx.orgs.Unia! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.trainingId" });
    expect(await bad({ hostBoardId: fx.orgs.Unia! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.hostBoardId" });
    expect(await bad({ hostBoardId: globalId("Board", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.hostBoardId" });
    expect(await bad({ expertOrganisationId: globalId("Organisation", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.expertOrganisationId" });
  });

  it("changes only what is given, keeping the rules on the result", async () => {
    const training = await createTraining();
    const session = await createSession(training.id, { online: false, province: "LIMBURG" });
    const update = (input: Record<string, unknown>) => api.exec(UPDATE_SESSION, { input: { id: session.id, ...input } }, { as: CONSULTANT });
    expect(errorOf(await update({ startsAt: at("2027-05-03T12:00:00Z") }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.startsAt" });
    expect(errorOf(await update({ endsAt: at("2027-05-03T07:00:00Z") }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.endsAt" });
    expect(errorOf(await update({ province: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.province" });
    expect(errorOf(await update({ capacity: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.capacity" });
    expect(errorOf(await update({ capacity: 10_001 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.capacity" });
    const online = await update({ online: true, province: null });
    expect(online.errors).toBeUndefined();
    expect(online.data?.updateTrainingSession.session).toMatchObject({ online: true, province: null, capacity: 2 });
    expect(errorOf(await update({ online: false }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.online" });
    const audit = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, rowId(session.id)), eq(auditLog.operation, "updateTrainingSession")));
    expect(audit).toHaveLength(1);
  });

  it("never lowers the capacity below the seats taken", async () => {
    const training = await createTraining();
    const session = await createSession(training.id, { capacity: 4 });
    await occupy(session.id, ["REGISTERED", "ATTENDED", "WAITLISTED", "CANCELLED", "NO_SHOW"]);
    const update = (capacity: number) => api.exec(UPDATE_SESSION, { input: { id: session.id, capacity } }, { as: CONSULTANT });
    expect(errorOf(await update(1))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.capacity" });
    const lowered = await update(2);
    expect(lowered.errors).toBeUndefined();
    expect(lowered.data?.updateTrainingSession.session).toMatchObject({ capacity: 2, seatsTaken: 2, freePlaces: 0, waitlistLength: 1 });
  });

  it("gives added seats to the first waiting people in the same change", async () => {
    const training = await createTraining();
    const session = await createSession(training.id, { capacity: 1 });
    const [, first, second, third] = await occupy(session.id, ["REGISTERED", "WAITLISTED", "WAITLISTED", "WAITLISTED"]);
    const raised = await api.ok(UPDATE_SESSION, { input: { id: session.id, capacity: 3 } }, { as: CONSULTANT });
    expect(raised.updateTrainingSession.session).toMatchObject({ capacity: 3, seatsTaken: 3, freePlaces: 0, waitlistLength: 1 });
    const statuses = await api.database.db
      .select({ id: enrolments.id, status: enrolments.status })
      .from(enrolments)
      .where(eq(enrolments.sessionId, rowId(session.id)));
    const statusOf = new Map(statuses.map((s) => [s.id, s.status]));
    expect([statusOf.get(first!.id), statusOf.get(second!.id), statusOf.get(third!.id)]).toEqual(["REGISTERED", "REGISTERED", "WAITLISTED"]);
  });
});

describe("statement budget", () => {
  const DEEP = graphql(`
    query CatalogueDeep {
      trainings(first: 100) {
        totalCount
        edges { node { title provider { name } action { number } sessions { totalCount edges { node { seatsTaken freePlaces waitlistLength hostBoard { name } training { title } } } } } }
      }
    }
  `);

  it("costs the same statements for 10 trainings of one session as for 30 of up to four sessions with enrolments", async () => {
    const read = async (as?: Actor) => {
      const result = await api.exec(DEEP, {}, as ? { as } : {});
      expect(result.errors).toBeUndefined();
      return { statements: result.statements, trainings: result.data!.trainings.edges.map((e) => e.node) };
    };
    // The small catalogue already uses every kind of reference once: a host board among them.
    const hosted = await createTraining({ title: { nl: "Gastvrij" } });
    await createSession(hosted.id, { hostBoardId: fx.boards["OCMW Gent"]! });
    const small = { editor: await read(CONSULTANT), public: await read() };
    expect(small.editor.trainings).toHaveLength(TRAININGS.length + 1);

    for (let i = 0; i < 20; i++) {
      const training = await createTraining({
        title: { nl: `Training ${String(i).padStart(2, "0")}` },
        providerId: i % 2 ? fx.orgs.Unia! : null,
        actionId: fx.actions[(i % 9) + 1]!,
      });
      for (let s = 0; s < (i % 4) + 1; s++) {
        const session = await createSession(training.id, {
          capacity: 2,
          startsAt: new Date(Date.UTC(2027, 4, 1 + s, 8)).toISOString(),
          endsAt: new Date(Date.UTC(2027, 4, 1 + s, 8) + HOUR).toISOString(),
          hostBoardId: s % 2 ? fx.boards["OCMW Gent"]! : null,
        });
        if (s % 2 === 0) await occupy(session.id, s === 0 ? ["REGISTERED", "REGISTERED", "WAITLISTED"] : ["ATTENDED"]);
      }
    }
    const large = { editor: await read(CONSULTANT), public: await read() };
    expect(large.editor.trainings).toHaveLength(TRAININGS.length + 21);
    expect(large.editor.trainings.flatMap((t) => t.sessions.edges).length).toBeGreaterThan(large.public.trainings.flatMap((t) => t.sessions.edges).length);
    expect(large.editor.trainings.flatMap((t) => t.sessions.edges).some((e) => e.node.waitlistLength === 1 && e.node.freePlaces === 0)).toBe(true);
    expect(large.editor.statements).toBe(small.editor.statements);
    expect(large.public.statements).toBe(small.public.statements);
  });
});

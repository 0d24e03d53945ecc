// The knowledge platform's learning tools (action 4) and LokaalWerkt's professions: the editors'
// writes with their rules, audit rows and events; the public seeing only what is published today
// (Brussels) and editors everything; filters and paging by Dutch title; the metrics of result
// commitments 2 (learning tools published within the period) and 5 (professions listed on the
// period's last day), at their edges; a fixed number of statements whatever the data's size.
import { and, eq, ne } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { fundingAgreements } from "../../db/schema/funding.js";
import { learningTools, professions } from "../../db/schema/programme.js";
import { seedAddendum } from "../../db/seed/funding.js";
import { todayInBrussels } from "../../schema/funding/lifecycle.js";
import { hasSource, measureBreakdown, measureMetric } from "../../schema/shared/metrics.js";
import type { CreateLearningToolInput, CreateProfessionInput, LearningToolFilter, PlatformToolsQuery, ProfessionFilter } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, globalId, loadFundingFixture, MISSING_UUID, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: FundingFixture;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());
beforeEach(async () => {
  await api.reseed();
  // These tests count every tool and profession: start from none, whatever the seed holds.
  await api.database.db.delete(learningTools);
  await api.database.db.delete(professions);
  fx = await loadFundingFixture(api, { orgs: ["VVSG", "Unia"], boards: ["OCMW Gent"] });
});

const CONSULTANT: Actor = { role: "CONSULTANT", sub: "consultant-1" };
const BOARD_MEMBER = (): Actor => ({ role: "BOARD_MEMBER", sub: "member-1", board: rowId(fx.boards["OCMW Gent"]!) });

/** The ISO day `n` days after `day`. */
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const TOOLS = graphql(`
  query PlatformTools($first: Int, $after: String, $filter: LearningToolFilter) {
    learningTools(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title(locale: NL) kind link published publishedFrom publishedUntil viewerCanUpdate provider { id } action { id } } }
    }
  }
`);
const CREATE_TOOL = graphql(`
  mutation PlatformCreateTool($input: CreateLearningToolInput!) {
    createLearningTool(input: $input) {
      tool { id title(locale: NL) titleEn: title(locale: EN) titleTranslations { nl fr en } description(locale: NL) kind link provider { id } action { id } publishedFrom publishedUntil published viewerCanUpdate }
    }
  }
`);
const UPDATE_TOOL = graphql(`
  mutation PlatformUpdateTool($input: UpdateLearningToolInput!) {
    updateLearningTool(input: $input) { tool { id title(locale: NL) description(locale: NL) kind link provider { id } action { id } publishedFrom publishedUntil published } }
  }
`);
const PROFESSIONS = graphql(`
  query PlatformProfessions($first: Int, $after: String, $filter: ProfessionFilter) {
    professions(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title(locale: NL) category shortageOccupation published publishedFrom publishedUntil viewerCanUpdate } }
    }
  }
`);
const CREATE_PROFESSION = graphql(`
  mutation PlatformCreateProfession($input: CreateProfessionInput!) {
    createProfession(input: $input) { profession { id title(locale: NL) titleTranslations { nl fr en } description(locale: NL) category shortageOccupation publishedFrom publishedUntil published } }
  }
`);
const UPDATE_PROFESSION = graphql(`
  mutation PlatformUpdateProfession($input: UpdateProfessionInput!) {
    updateProfession(input: $input) { profession { id title(locale: NL) category shortageOccupation publishedFrom publishedUntil published } }
  }
`);
const NODE = graphql(`
  query PlatformNode($id: ID!) {
    node(id: $id) { id ... on LearningTool { title(locale: NL) published } ... on Profession { title(locale: NL) published } }
  }
`);

async function createTool(input: Partial<CreateLearningToolInput> = {}) {
  const data = await api.ok(CREATE_TOOL, { input: { title: { nl: "E-Div-tool" }, kind: "INSTRUMENT", link: "https://www.e-div.be", ...input } }, { as: CONSULTANT });
  return data.createLearningTool.tool;
}
async function createProfession(input: Partial<CreateProfessionInput> = {}) {
  const data = await api.ok(CREATE_PROFESSION, { input: { title: { nl: "Verpleegkundige" }, category: "CARE", ...input } }, { as: CONSULTANT });
  return data.createProfession.profession;
}
const tools = async (filter: LearningToolFilter, as?: Actor) => (await api.ok(TOOLS, { first: 100, filter }, as ? { as } : {})).learningTools.edges.map((e) => e.node);
const listed = async (filter: ProfessionFilter, as?: Actor) => (await api.ok(PROFESSIONS, { first: 100, filter }, as ? { as } : {})).professions.edges.map((e) => e.node);

describe("learning tools", () => {
  it("are created by editors with their translations, provider and action, audited, with an event", async () => {
    const today = todayInBrussels();
    const tool = await createTool({
      title: { nl: "  Leerplatform Mediawijs ", en: "Mediawijs learning platform" },
      description: { nl: "Digitale vaardigheden\nvoor iedereen" },
      kind: "OFFER",
      link: "https://www.mediawijs.be/leren",
      providerId: fx.orgs.VVSG!,
      actionId: fx.actions[4]!,
      publishedFrom: today,
    });
    expect(tool).toMatchObject({
      title: "Leerplatform Mediawijs",
      titleEn: "Mediawijs learning platform",
      titleTranslations: { nl: "Leerplatform Mediawijs", fr: null, en: "Mediawijs learning platform" },
      description: "Digitale vaardigheden\nvoor iedereen",
      kind: "OFFER",
      link: "https://www.mediawijs.be/leren",
      provider: { id: fx.orgs.VVSG },
      action: { id: fx.actions[4] },
      publishedFrom: today,
      publishedUntil: null,
      published: true,
      viewerCanUpdate: true,
    });
    const audit = await api.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, rowId(tool.id)));
    expect(audit.map((a) => [a.operation, a.actorId, a.before])).toEqual([["createLearningTool", "consultant-1", null]]);
    expect(audit[0]!.after).toMatchObject({ link: "https://www.mediawijs.be/leren", kind: "OFFER", publishedFrom: today });
    const events = await api.database.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.entityId, rowId(tool.id)));
    expect(events.map((e) => [e.name, e.payload])).toEqual([["platform.changed", { type: "LearningTool", id: tool.id, operation: "CREATED" }]]);
  });

  it("refuses a blank title, a link that is not http(s), unknown references and a publication that ends before it starts, naming the field", async () => {
    const bad = async (input: Partial<CreateLearningToolInput>) =>
      errorOf(await api.exec(CREATE_TOOL, { input: { title: { nl: "Tool" }, kind: "MEASURE", link: "https://example.org", ...input } }, { as: CONSULTANT }));
    expect(await bad({ title: { nl: "  \u200b " } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    expect(await bad({ title: { nl: "Tool\u202Eexe" } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    for (const link of ["ftp://example.org/x", "javascript:alert(1)", "www.example.org", "https://exa mple.org", ""]) {
      expect(await bad({ link }), link).toMatchObject({ code: "BAD_USER_INPUT", field: "input.link" });
    }
    expect(await bad({ providerId: fx.boards["OCMW Gent"]! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.providerId" });
    expect(await bad({ providerId: globalId("Organisation", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.providerId" });
    expect(await bad({ actionId: fx.orgs.VVSG! })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    expect(await bad({ actionId: globalId("Action", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    expect(await bad({ publishedUntil: "2025-01-01" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.publishedUntil" });
    expect(await bad({ publishedFrom: "2025-01-02", publishedUntil: "2025-01-01" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.publishedUntil" });
    expect(await bad({ publishedFrom: "2025-01-02", publishedUntil: "2025-01-02" })).toMatchObject({ code: undefined });
    expect(await api.database.db.$count(learningTools)).toBe(1);
    expect(await api.database.db.$count(auditLog, eq(auditLog.entityType, "LearningTool"))).toBe(1);
  });

  it("keeps titles unique ignoring case, on create and on update", async () => {
    await createTool({ title: { nl: "Werkplekleren" } });
    const other = await createTool({ title: { nl: "Intervisie" } });
    const twice = await api.exec(CREATE_TOOL, { input: { title: { nl: "WERKPLEKLEREN" }, kind: "OFFER", link: "https://example.org" } }, { as: CONSULTANT });
    expect(errorOf(twice)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    const renamed = await api.exec(UPDATE_TOOL, { input: { id: other.id, title: { nl: "werkplekleren" } } }, { as: CONSULTANT });
    expect(errorOf(renamed)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    // Its own title in another case is no clash.
    expect((await api.ok(UPDATE_TOOL, { input: { id: other.id, title: { nl: "INTERVISIE" } } }, { as: CONSULTANT })).updateLearningTool.tool.title).toBe("INTERVISIE");
    expect(await api.database.db.$count(learningTools)).toBe(2);
  });

  it("changes only what is given, clears an optional field on an explicit null, and keeps the publication's rules", async () => {
    const tool = await createTool({
      description: { nl: "Uitleg" },
      providerId: fx.orgs.VVSG!,
      actionId: fx.actions[4]!,
      publishedFrom: "2025-01-01",
      publishedUntil: "2025-12-31",
    });
    const update = (input: Record<string, unknown>) => api.exec(UPDATE_TOOL, { input: { id: tool.id, ...input } }, { as: CONSULTANT });
    const kind = await update({ kind: "MEASURE" });
    expect(kind.data?.updateLearningTool.tool).toMatchObject({
      kind: "MEASURE",
      title: "E-Div-tool",
      description: "Uitleg",
      link: "https://www.e-div.be",
      provider: { id: fx.orgs.VVSG },
      action: { id: fx.actions[4] },
      publishedFrom: "2025-01-01",
      publishedUntil: "2025-12-31",
    });
    const cleared = await update({ description: null, providerId: null, actionId: null });
    expect(cleared.data?.updateLearningTool.tool).toMatchObject({ description: null, provider: null, action: null, kind: "MEASURE" });
    expect(errorOf(await update({ title: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
    expect(errorOf(await update({ link: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.link" });
    expect(errorOf(await update({ link: "mailto:x@example.org" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.link" });
    expect(errorOf(await update({ publishedFrom: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.publishedFrom" });
    expect(errorOf(await update({ publishedFrom: "2026-01-01" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.publishedFrom" });
    expect(errorOf(await update({ publishedUntil: "2024-12-31" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.publishedUntil" });
    expect(errorOf(await update({ providerId: fx.actions[1]! }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.providerId" });
    expect(errorOf(await api.exec(UPDATE_TOOL, { input: { id: globalId("LearningTool", MISSING_UUID), kind: "OFFER" } }, { as: CONSULTANT }))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.id",
    });
    // Unpublished again: both days cleared at once.
    const unpublished = await update({ publishedFrom: null, publishedUntil: null });
    expect(unpublished.data?.updateLearningTool.tool).toMatchObject({ publishedFrom: null, publishedUntil: null, published: false });

    const audit = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, rowId(tool.id)), eq(auditLog.operation, "updateLearningTool")));
    expect(audit).toHaveLength(3);
    expect(audit.map((a) => (a.before as { kind: string }).kind)).toContain("INSTRUMENT");
    const events = await api.database.db
      .select()
      .from(domainEvents)
      .where(eq(domainEvents.entityId, rowId(tool.id)));
    expect(events.map((e) => e.payload)).toEqual([
      { type: "LearningTool", id: tool.id, operation: "CREATED" },
      { type: "LearningTool", id: tool.id, operation: "UPDATED" },
      { type: "LearningTool", id: tool.id, operation: "UPDATED" },
      { type: "LearningTool", id: tool.id, operation: "UPDATED" },
    ]);
  });

  it("shows the public only the tools published today; editors see every tool and may ask for another day", async () => {
    const today = todayInBrussels();
    const made = {
      fromToday: await createTool({ title: { nl: "A vanaf vandaag" }, publishedFrom: today }),
      untilToday: await createTool({ title: { nl: "B tot vandaag" }, publishedFrom: addDays(today, -30), publishedUntil: today }),
      open: await createTool({ title: { nl: "C lopend" }, publishedFrom: "2024-01-01" }),
      tomorrow: await createTool({ title: { nl: "D vanaf morgen" }, publishedFrom: addDays(today, 1) }),
      ended: await createTool({ title: { nl: "E tot gisteren" }, publishedFrom: "2024-01-01", publishedUntil: addDays(today, -1) }),
      never: await createTool({ title: { nl: "F nooit" } }),
    };
    const titles = (rows: { title: string }[]) => rows.map((r) => r.title);
    const published = ["A vanaf vandaag", "B tot vandaag", "C lopend"];
    for (const as of [undefined, BOARD_MEMBER(), { role: "PARTNER", sub: "p-1", org: rowId(fx.orgs.VVSG!) } as Actor]) {
      const seen = await tools({}, as);
      expect(titles(seen), JSON.stringify(as)).toEqual(published);
      expect(seen.every((t) => t.published && !t.viewerCanUpdate)).toBe(true);
      // Another day is the editors' view: the public still sees today's.
      expect(titles(await tools({ publishedOn: addDays(today, 1) }, as))).toEqual(published);
      expect((await api.ok(TOOLS, { first: 1 }, as ? { as } : {})).learningTools.totalCount).toBe(3);
    }
    const all = await tools({}, CONSULTANT);
    expect(titles(all)).toEqual(["A vanaf vandaag", "B tot vandaag", "C lopend", "D vanaf morgen", "E tot gisteren", "F nooit"]);
    expect(all.map((t) => t.published)).toEqual([true, true, true, false, false, false]);
    expect(all.every((t) => t.viewerCanUpdate)).toBe(true);
    expect(titles(await tools({ publishedOn: addDays(today, 1) }, CONSULTANT))).toEqual(["A vanaf vandaag", "C lopend", "D vanaf morgen"]);
    expect(titles(await tools({ publishedOn: addDays(today, -1) }, { role: "ADMIN", sub: "admin" }))).toEqual(["B tot vandaag", "C lopend", "E tot gisteren"]);

    // node(id) follows the same visibility.
    for (const [key, tool] of Object.entries(made)) {
      const visible = published.includes(tool.title);
      expect((await api.ok(NODE, { id: tool.id })).node, key).toEqual(visible ? { id: tool.id, title: tool.title, published: true } : null);
      expect((await api.ok(NODE, { id: tool.id }, { as: BOARD_MEMBER() })).node === null, key).toBe(!visible);
      expect((await api.ok(NODE, { id: tool.id }, { as: CONSULTANT })).node, key).toMatchObject({ id: tool.id });
    }
  });

  it("gives every reader, editors too, the same published tools and professions through the public reads", async () => {
    const today = todayInBrussels();
    await createTool({ title: { nl: "A vanaf vandaag" }, publishedFrom: today, kind: "OFFER" });
    await createTool({ title: { nl: "B lopend" }, publishedFrom: "2024-01-01" });
    await createTool({ title: { nl: "C vanaf morgen" }, publishedFrom: addDays(today, 1) });
    await createTool({ title: { nl: "D nooit" } });
    await createProfession({ title: { nl: "Verpleegkundige" }, publishedFrom: today });
    await createProfession({ title: { nl: "Ingenieur" }, category: "STEM" });
    const PUBLISHED = graphql(`
      query PlatformPublished($kind: LearningToolKind) {
        publishedLearningTools(first: 100, filter: { kind: $kind }) { totalCount edges { node { title(locale: NL) published } } }
        publishedProfessions(first: 100) { totalCount edges { node { title(locale: NL) } } }
      }
    `);
    const answers = [];
    for (const as of [undefined, BOARD_MEMBER(), CONSULTANT, { role: "ADMIN", sub: "admin" } as Actor]) {
      answers.push(await api.ok(PUBLISHED, {}, as ? { as } : {}));
    }
    expect(answers[0]!.publishedLearningTools.edges.map((e) => e.node.title)).toEqual(["A vanaf vandaag", "B lopend"]);
    expect(answers[0]!.publishedLearningTools.totalCount).toBe(2);
    expect(answers[0]!.publishedProfessions.edges.map((e) => e.node.title)).toEqual(["Verpleegkundige"]);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    // The editors' own list still shows them everything.
    expect(await tools({}, CONSULTANT)).toHaveLength(4);
    expect((await api.ok(PUBLISHED, { kind: "OFFER" }, { as: CONSULTANT })).publishedLearningTools.edges.map((e) => e.node.title)).toEqual(["A vanaf vandaag"]);
  });

  it("judges today in Brussels, not in UTC", async () => {
    await createTool({ title: { nl: "Vanaf 1 juli" }, publishedFrom: "2026-07-01" });
    await createProfession({ title: { nl: "Tot 30 juni" }, publishedFrom: "2026-01-01", publishedUntil: "2026-06-30" });
    const publicView = async () => [(await tools({})).map((t) => t.title), (await listed({})).map((p) => p.title)];
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // 30 June 23:30 in Brussels (21:30 UTC): still 30 June.
      vi.setSystemTime(new Date("2026-06-30T21:30:00Z"));
      expect(await publicView()).toEqual([[], ["Tot 30 juni"]]);
      // 1 July 00:30 in Brussels, while UTC still says 30 June.
      vi.setSystemTime(new Date("2026-06-30T22:30:00Z"));
      expect(await publicView()).toEqual([["Vanaf 1 juli"], []]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("filters by a search in any language, kind and provider, and pages by Dutch title", async () => {
    const from = "2024-01-01";
    await createTool({ title: { nl: "Zelfzorg", fr: "Prendre soin de soi" }, kind: "OFFER", providerId: fx.orgs.Unia!, publishedFrom: from });
    await createTool({ title: { nl: "Korting 50% op e-learning", en: "Discount on e-learning" }, kind: "MEASURE", publishedFrom: from });
    await createTool({ title: { nl: "Aanbod_leren" }, kind: "OFFER", providerId: fx.orgs.VVSG!, publishedFrom: from });
    const titles = async (filter: LearningToolFilter) => (await tools(filter)).map((t) => t.title);
    expect(await titles({ search: "SOIN" })).toEqual(["Zelfzorg"]);
    expect(await titles({ search: "discount" })).toEqual(["Korting 50% op e-learning"]);
    expect(await titles({ search: "50%" })).toEqual(["Korting 50% op e-learning"]);
    expect(await titles({ search: "%" })).toEqual(["Korting 50% op e-learning"]);
    expect(await titles({ search: "_" })).toEqual(["Aanbod_leren"]);
    expect(await titles({ kind: "OFFER" })).toEqual(["Aanbod_leren", "Zelfzorg"]);
    expect(await titles({ providerId: fx.orgs.Unia! })).toEqual(["Zelfzorg"]);
    expect(await titles({ kind: "OFFER", providerId: fx.orgs.VVSG! })).toEqual(["Aanbod_leren"]);
    expect(errorOf(await api.exec(TOOLS, { filter: { providerId: fx.boards["OCMW Gent"]! } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.providerId" });
    expect(errorOf(await api.exec(TOOLS, { filter: { search: "x".repeat(101) } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.search" });
    expect(errorOf(await api.exec(TOOLS, { first: 101 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });

    // Same Dutch titles but for case cannot exist, so ties are only by id; page two at a time.
    for (let i = 0; i < 5; i++) await createTool({ title: { nl: `Tool ${i}` }, publishedFrom: from });
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: PlatformToolsQuery = await api.ok(TOOLS, { first: 3, after });
      const connection = result.learningTools;
      expect(connection.totalCount).toBe(8);
      seen.push(...connection.edges.map((e) => e.node.title));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(["Aanbod_leren", "Korting 50% op e-learning", "Tool 0", "Tool 1", "Tool 2", "Tool 3", "Tool 4", "Zelfzorg"]);
  });

  it("is written by consultants and admins only", async () => {
    const input = { title: { nl: "Titel" }, kind: "OFFER" as const, link: "https://example.org" };
    expect(errorOf(await api.exec(CREATE_TOOL, { input }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(CREATE_TOOL, { input }, { as: BOARD_MEMBER() }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(CREATE_TOOL, { input }, { as: { role: "EXPERT", sub: "e-1", org: rowId(fx.orgs.Unia!) } }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(CREATE_TOOL, { input }, { as: { role: "PARTNER", sub: "p-1", org: rowId(fx.orgs.VVSG!) } }))).toMatchObject({ code: "FORBIDDEN" });
    const created = await api.ok(CREATE_TOOL, { input }, { as: { role: "ADMIN", sub: "admin-1" } });
    const id = created.createLearningTool.tool.id;
    expect(errorOf(await api.exec(UPDATE_TOOL, { input: { id, kind: "MEASURE" } }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(UPDATE_TOOL, { input: { id, kind: "MEASURE" } }, { as: BOARD_MEMBER() }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await api.database.db.$count(learningTools)).toBe(1);
  });
});

describe("LokaalWerkt's professions", () => {
  it("are created and changed by editors with their rules, audited, with events", async () => {
    const today = todayInBrussels();
    const nurse = await createProfession({ title: { nl: "Verpleegkundige", fr: "Infirmier" }, shortageOccupation: true, publishedFrom: today });
    expect(nurse).toMatchObject({ title: "Verpleegkundige", category: "CARE", shortageOccupation: true, publishedFrom: today, published: true });
    const engineer = await createProfession({ title: { nl: "Ingenieur" }, category: "STEM" });
    expect(engineer).toMatchObject({ shortageOccupation: false, published: false, publishedFrom: null });

    const bad = async (input: Partial<CreateProfessionInput>) =>
      errorOf(await api.exec(CREATE_PROFESSION, { input: { title: { nl: "X" }, category: "OTHER", ...input } }, { as: CONSULTANT }));
    expect(await bad({ title: { nl: "verpleegKUNDIGE" } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    expect(await bad({ title: { nl: "" } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    expect(await bad({ publishedUntil: today })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.publishedUntil" });
    expect(await bad({ publishedFrom: today, publishedUntil: addDays(today, -1) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.publishedUntil" });

    const update = (input: Record<string, unknown>) => api.exec(UPDATE_PROFESSION, { input: { id: engineer.id, ...input } }, { as: CONSULTANT });
    expect(errorOf(await update({ title: { nl: "VERPLEEGKUNDIGE" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    expect(errorOf(await update({ shortageOccupation: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.shortageOccupation" });
    expect(errorOf(await update({ category: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.category" });
    expect(errorOf(await update({ publishedUntil: today }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.publishedUntil" });
    const changed = await update({ shortageOccupation: true, publishedFrom: addDays(today, -10), publishedUntil: today });
    expect(changed.data?.updateProfession.profession).toMatchObject({ title: "Ingenieur", category: "STEM", shortageOccupation: true, published: true, publishedUntil: today });
    expect(errorOf(await api.exec(UPDATE_PROFESSION, { input: { id: engineer.id, category: "CARE" } }, { as: BOARD_MEMBER() }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(CREATE_PROFESSION, { input: { title: { nl: "Y" }, category: "OTHER" } }))).toMatchObject({ code: "UNAUTHENTICATED" });

    const audit = await api.database.db.select().from(auditLog).where(eq(auditLog.entityType, "Profession")).orderBy(auditLog.createdAt, auditLog.id);
    expect(audit.map((a) => a.operation).sort()).toEqual(["createProfession", "createProfession", "updateProfession"]);
    const update_ = audit.find((a) => a.operation === "updateProfession")!;
    expect(update_.before).toMatchObject({ shortageOccupation: false, publishedFrom: null });
    expect(update_.after).toMatchObject({ shortageOccupation: true, publishedUntil: today });
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "platform.changed")).orderBy(domainEvents.position);
    expect(events.map((e) => e.payload)).toEqual([
      { type: "Profession", id: nurse.id, operation: "CREATED" },
      { type: "Profession", id: engineer.id, operation: "CREATED" },
      { type: "Profession", id: engineer.id, operation: "UPDATED" },
    ]);
  });

  it("shows the public those listed today and editors every one, with filters", async () => {
    const today = todayInBrussels();
    await createProfession({ title: { nl: "Verpleegkundige", en: "Nurse" }, shortageOccupation: true, publishedFrom: "2024-01-01" });
    await createProfession({ title: { nl: "Elektricien" }, category: "STEM", shortageOccupation: true, publishedFrom: addDays(today, -5), publishedUntil: today });
    await createProfession({ title: { nl: "Boekhouder" }, category: "OTHER", publishedFrom: "2024-01-01", publishedUntil: addDays(today, -1) });
    await createProfession({ title: { nl: "Kinderbegeleider" }, publishedFrom: addDays(today, 1) });
    const hidden = await createProfession({ title: { nl: "Archivaris" }, category: "OTHER" });
    const titles = (rows: { title: string }[]) => rows.map((r) => r.title);
    expect(titles(await listed({}))).toEqual(["Elektricien", "Verpleegkundige"]);
    expect(titles(await listed({ listedOn: addDays(today, -1) }, BOARD_MEMBER()))).toEqual(["Elektricien", "Verpleegkundige"]);
    expect(titles(await listed({}, CONSULTANT))).toEqual(["Archivaris", "Boekhouder", "Elektricien", "Kinderbegeleider", "Verpleegkundige"]);
    expect(titles(await listed({ listedOn: addDays(today, -1) }, CONSULTANT))).toEqual(["Boekhouder", "Elektricien", "Verpleegkundige"]);
    expect(titles(await listed({ listedOn: addDays(today, 1) }, CONSULTANT))).toEqual(["Kinderbegeleider", "Verpleegkundige"]);
    expect(titles(await listed({ category: "CARE" }))).toEqual(["Verpleegkundige"]);
    expect(titles(await listed({ category: "CARE" }, CONSULTANT))).toEqual(["Kinderbegeleider", "Verpleegkundige"]);
    expect(titles(await listed({ shortageOccupation: false }, CONSULTANT))).toEqual(["Archivaris", "Boekhouder", "Kinderbegeleider"]);
    expect(titles(await listed({ shortageOccupation: true }))).toEqual(["Elektricien", "Verpleegkundige"]);
    expect(titles(await listed({ search: "NURSE" }))).toEqual(["Verpleegkundige"]);
    expect((await api.ok(NODE, { id: hidden.id })).node).toBeNull();
    expect((await api.ok(NODE, { id: hidden.id }, { as: CONSULTANT })).node).toEqual({ id: hidden.id, title: "Archivaris", published: false });
    expect(errorOf(await api.exec(PROFESSIONS, { filter: { listedOn: "2024-02-30" } }, { as: CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

describe("the metrics funding measures", () => {
  const COMMITMENTS = graphql(`
    query PlatformCommitments {
      fundingAgreements {
        edges { node { id commitments(kind: RESULT) { number met target { __typename ... on MeasuredTarget { measures { metric { key hasSource } targetValue currentValue met breakdown { label value } } } } } } }
      }
    }
  `);
  const measureOf = async (number: number) => {
    const data = await api.ok(COMMITMENTS, {}, { as: CONSULTANT });
    const c = data.fundingAgreements.edges[0]!.node.commitments.find((x) => x.number === number)!;
    if (c.target.__typename !== "MeasuredTarget") throw new Error(`commitment ${number} is not measured`);
    return { met: c.met, measure: c.target.measures[0]! };
  };
  const insertTools = (rows: { publishedFrom: string | null; publishedUntil?: string | null }[], prefix: string) =>
    api.database.db.insert(learningTools).values(rows.map((r, i) => ({ title: { nl: `${prefix} ${i}` }, kind: "OFFER" as const, link: "https://example.org", ...r })));
  const insertProfessions = (
    rows: { publishedFrom: string | null; publishedUntil?: string | null; category?: "CARE" | "STEM" | "OTHER"; shortageOccupation?: boolean }[],
    prefix: string,
  ) => api.database.db.insert(professions).values(rows.map((r, i) => ({ title: { nl: `${prefix} ${i}` }, category: "OTHER" as const, ...r })));

  // The seeded addendum runs from 1 July 2023 to 30 June 2025.
  it("result commitment 2 counts the tools published at some point of the period, its first and last day included", async () => {
    expect(hasSource("learningTools.published")).toBe(true);
    await insertTools(
      [
        { publishedFrom: "2025-06-30" }, // from the last day
        { publishedFrom: "2022-01-01", publishedUntil: "2023-07-01" }, // until the first day
        { publishedFrom: "2024-01-01", publishedUntil: "2024-01-01" }, // one day within
        { publishedFrom: "2020-01-01" }, // before and still
      ],
      "Binnen",
    );
    await insertTools(
      [
        { publishedFrom: "2025-07-01" }, // the day after
        { publishedFrom: "2022-01-01", publishedUntil: "2023-06-30" }, // ended the day before
        { publishedFrom: null }, // never published
      ],
      "Buiten",
    );
    expect(await measureOf(2)).toMatchObject({ met: false, measure: { metric: { key: "learningTools.published", hasSource: true }, targetValue: 5, currentValue: 4, met: false } });
    await insertTools([{ publishedFrom: "2023-07-01", publishedUntil: "2023-07-01" }], "Eerste dag");
    expect(await measureOf(2)).toMatchObject({ met: true, measure: { currentValue: 5, met: true } });
  });

  it("result commitment 5 counts the professions listed on the period's last day, per category and shortage occupation", async () => {
    expect(hasSource("lokaalwerkt.professionsListed")).toBe(true);
    await insertProfessions(
      [
        ...Array.from({ length: 20 }, () => ({ publishedFrom: "2023-09-01", category: "CARE" as const, shortageOccupation: true })),
        { publishedFrom: "2025-06-30", category: "STEM" }, // listed on the last day itself
        { publishedFrom: "2024-01-01", publishedUntil: "2025-06-30", category: "STEM", shortageOccupation: true }, // until the last day
        { publishedFrom: "2019-01-01" },
      ],
      "Op de site",
    );
    await insertProfessions(
      [
        { publishedFrom: "2023-07-01", publishedUntil: "2025-06-29", category: "CARE" }, // taken off the day before the end
        { publishedFrom: "2025-07-01", category: "STEM" }, // the day after
        { publishedFrom: null, category: "CARE" },
      ],
      "Niet op de site",
    );
    const before = await measureOf(5);
    expect(before).toMatchObject({ met: false, measure: { metric: { key: "lokaalwerkt.professionsListed" }, targetValue: 25, currentValue: 23, met: false } });
    expect(before.measure.breakdown).toEqual([
      { label: "CARE", value: 20 },
      { label: "STEM", value: 2 },
      { label: "OTHER", value: 1 },
      { label: "SHORTAGE", value: 21 },
    ]);
    await insertProfessions(
      [
        { publishedFrom: "2025-06-01", category: "OTHER" },
        { publishedFrom: "2025-06-30", publishedUntil: "2025-06-30", category: "OTHER" },
      ],
      "Laat",
    );
    const after = await measureOf(5);
    expect(after).toMatchObject({ met: true, measure: { currentValue: 25, met: true } });
    expect(after.measure.breakdown).toEqual([
      { label: "CARE", value: 20 },
      { label: "STEM", value: 2 },
      { label: "OTHER", value: 3 },
      { label: "SHORTAGE", value: 21 },
    ]);
    // Zeros are parts too.
    expect(await measureBreakdown(api.database.db, "lokaalwerkt.professionsListed", { start: "2010-01-01", end: "2010-12-31" })).toEqual([
      { label: "CARE", value: 0 },
      { label: "STEM", value: 0 },
      { label: "OTHER", value: 0 },
      { label: "SHORTAGE", value: 0 },
    ]);
  });

  it("counts 0 for a board's scope, and measures scopes asked together as it does one by one, in the statements one agreement costs", async () => {
    await insertTools([{ publishedFrom: "2023-08-01", publishedUntil: "2023-12-31" }, { publishedFrom: "2025-03-01" }], "Tool");
    await insertProfessions(
      [
        { publishedFrom: "2023-08-01", publishedUntil: "2023-12-31" },
        { publishedFrom: "2025-03-01", category: "CARE" },
      ],
      "Beroep",
    );
    const db = api.database.db;
    const scopes = [
      { start: "2023-07-01", end: "2025-06-30" },
      { start: "2023-01-01", end: "2023-12-31" },
      { start: "2025-01-01", end: "2025-12-31" },
      { start: "2023-07-01", end: "2025-06-30", boardId: rowId(fx.boards["OCMW Gent"]!) },
    ];
    for (const [key, expected] of [
      ["learningTools.published", [2, 1, 1, 0]],
      ["lokaalwerkt.professionsListed", [1, 1, 1, 0]],
    ] as const) {
      const together = await Promise.all(scopes.map((scope) => measureMetric(db, key, scope)));
      const alone = [];
      for (const scope of scopes) alone.push(await measureMetric(db, key, scope));
      expect(together, key).toEqual(expected);
      expect(alone, key).toEqual(together);
    }
    expect(await measureBreakdown(db, "lokaalwerkt.professionsListed", scopes[3]!)).toEqual([
      { label: "CARE", value: 0 },
      { label: "STEM", value: 0 },
      { label: "OTHER", value: 0 },
      { label: "SHORTAGE", value: 0 },
    ]);

    const read = async () => {
      const result = await api.exec(COMMITMENTS, {}, { as: CONSULTANT });
      expect(result.errors).toBeUndefined();
      const values = result.data!.fundingAgreements.edges.map((e) =>
        e.node.commitments.filter((c) => c.number === 2 || c.number === 5).map((c) => (c.target.__typename === "MeasuredTarget" ? c.target.measures[0]!.currentValue : null)),
      );
      return { statements: result.statements, values };
    };
    const one = await read();
    expect(one.values).toEqual([[2, 1]]);
    const firstId = (await api.ok(COMMITMENTS, {}, { as: CONSULTANT })).fundingAgreements.edges[0]!.node.id;
    await api.database.db.transaction((tx) => seedAddendum(tx));
    await api.database.db
      .update(fundingAgreements)
      .set({ periodStart: "2024-01-01", periodEnd: "2025-12-31" })
      .where(ne(fundingAgreements.id, rowId(firstId)));
    const two = await read();
    expect(two.values).toHaveLength(2);
    expect(two.values).toContainEqual([2, 1]);
    expect(two.values).toContainEqual([1, 1]);
    expect(two.statements).toBe(one.statements);
  });
});

describe("statements", () => {
  const TOOLS_DEEP = graphql(`
    query PlatformToolsDeep {
      learningTools(first: 100) { totalCount edges { node { title published viewerCanUpdate provider { name } action { number title } } } }
    }
  `);
  const PROFESSIONS_DEEP = graphql(`
    query PlatformProfessionsDeep {
      professions(first: 100) { totalCount edges { node { title titleTranslations { nl } category shortageOccupation published viewerCanUpdate } } }
    }
  `);

  const PUBLISHED_DEEP = graphql(`
    query PlatformPublishedDeep {
      publishedLearningTools(first: 100) { totalCount edges { node { title provider { name } action { number title } } } }
      publishedProfessions(first: 100) { totalCount edges { node { title titleTranslations { nl } category } } }
    }
  `);

  it("costs the same statements for 2 tools and professions as for 40, for the public and editors", async () => {
    /** The published reads, per size: the public's view for every reader. */
    const published: { statements: number; listed: number[] }[] = [];
    const read = async () => {
      const counts = [];
      for (const as of [undefined, CONSULTANT]) {
        const tools_ = await api.exec(TOOLS_DEEP, {}, as ? { as } : {});
        const professions_ = await api.exec(PROFESSIONS_DEEP, {}, as ? { as } : {});
        expect(tools_.errors).toBeUndefined();
        expect(professions_.errors).toBeUndefined();
        counts.push({ tools: tools_.statements, professions: professions_.statements, listed: [tools_.data!.learningTools.totalCount, professions_.data!.professions.totalCount] });
      }
      const published_ = await api.exec(PUBLISHED_DEEP, {}, { as: CONSULTANT });
      expect(published_.errors).toBeUndefined();
      published.push({ statements: published_.statements, listed: [published_.data!.publishedLearningTools.totalCount, published_.data!.publishedProfessions.totalCount] });
      return counts;
    };
    const orgs = [fx.orgs.VVSG!, fx.orgs.Unia!];
    const add = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        await createTool({
          title: { nl: `Tool ${String(i).padStart(2, "0")}` },
          providerId: orgs[i % 2]!,
          actionId: fx.actions[(i % 9) + 1]!,
          publishedFrom: i % 3 ? "2024-01-01" : null,
        });
        await createProfession({ title: { nl: `Beroep ${String(i).padStart(2, "0")}` }, category: i % 2 ? "STEM" : "CARE", publishedFrom: i % 3 ? "2024-01-01" : null });
      }
    };
    await add(0, 2);
    const small = await read();
    expect(small.map((c) => c.listed)).toEqual([
      [1, 1],
      [2, 2],
    ]);
    await add(2, 40);
    const large = await read();
    expect(large.map((c) => c.listed)).toEqual([
      [26, 26],
      [40, 40],
    ]);
    expect(large.map(({ tools, professions }) => ({ tools, professions }))).toEqual(small.map(({ tools, professions }) => ({ tools, professions })));
    expect(Math.max(...large.map((c) => c.tools))).toBeLessThanOrEqual(4);
    expect(Math.max(...large.map((c) => c.professions))).toBeLessThanOrEqual(2);
    // The published reads list what the public sees, in the same statements at both sizes.
    expect(published.map((p) => p.listed)).toEqual([
      [1, 1],
      [26, 26],
    ]);
    expect(published[1]!.statements).toBe(published[0]!.statements);
    expect(published[0]!.statements).toBeLessThanOrEqual(6);
  });
});

// Mentors register themselves (issue 13): without an account, validated, limited per address,
// per network address and per project (counters in PostgreSQL), a PENDING registration confirmed
// by the mentor's signed link (mutation or GET page) and then confirmed or declined by the project;
// only the project's organisation and admins see who registered; a mentor withdraws and is
// forgotten, in the row, the audit log and the events.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { asc, eq, inArray } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { mentoringProjects, mentorRegistrations } from "../../db/schema/mentoring.js";
import { organisations } from "../../db/schema/organisations.js";
import { rateLimitCounters } from "../../db/schema/rate-limits.js";
import { startLocalServer } from "../../functions/http.js";
import { serveDownload } from "../../schema/downloads.js";
import { linkSecret, publicUrl, signLinkToken, verifyLinkToken } from "../../schema/mentoring/mentor-links.js";
import { MENTOR_REGISTRATION_LIMITS } from "../../schema/mentoring/registrations.service.js";
import { toGlobalId } from "../../schema/shared/relay.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { onPostgres } from "../helpers/db.js";
import { decodeQuotedPrintable, mailFiles as listMailFiles, type Mail, readMails } from "../helpers/mail.js";

let api: TestApi;
let ownOrg: string;
let otherOrg: string;
let boardId: string;
let project: string;
let closedProject: string;
let otherProject: string;

const ADMIN: Actor = { role: "ADMIN", sub: "admin-1" };
const CONSULTANT: Actor = { role: "CONSULTANT", sub: "consultant-1" };
const partnerOf = (org: string): Actor => ({ role: "PARTNER", sub: "partner-1", org });
const expertOf = (org: string): Actor => ({ role: "EXPERT", sub: "expert-1", org });

beforeAll(async () => {
  api = await createTestApi();
  // The API's server starts on its first operation, and only a started server stops.
  await api.execRaw("{ __typename }");
  return () => api.close();
});

beforeEach(async () => {
  await api.reseed();
  const db = api.database.db;
  const orgs = await db.select({ id: organisations.id }).from(organisations).orderBy(asc(organisations.id)).limit(2);
  ownOrg = orgs[0]!.id;
  otherOrg = orgs[1]!.id;
  boardId = (await db.select({ id: boards.id }).from(boards).limit(1))[0]!.id;
  const rows = await db
    .insert(mentoringProjects)
    .values([
      { name: "Mentorproject Één", organisationId: ownOrg },
      { name: "Gesloten mentorproject", organisationId: ownOrg, acceptsMentors: false },
      { name: "Ander mentorproject", organisationId: otherOrg },
    ])
    .returning({ id: mentoringProjects.id });
  [project, closedProject, otherProject] = rows.map((r) => toGlobalId("MentoringProject", r.id)) as [string, string, string];
});

const REGISTER = graphql(`
  mutation MentorRegRegister($input: RegisterAsMentorInput!) {
    registerAsMentor(input: $input) { status confirmBefore project { id name } }
  }
`);
const CONFIRM = graphql(`
  mutation MentorRegConfirm($token: String!) {
    confirmMentorEmail(token: $token) { status confirmBefore project { id } }
  }
`);
const WITHDRAW = graphql(`
  mutation MentorRegWithdraw($token: String!) {
    withdrawMentorRegistration(token: $token) { status project { id } }
  }
`);
const DECIDE = graphql(`
  mutation MentorRegDecide($input: DecideMentorRegistrationInput!) {
    decideMentorRegistration(input: $input) { registration { id status decidedAt declineReason emailConfirmedAt } }
  }
`);
const LIST = graphql(`
  query MentorRegList($id: ID!, $status: MentorRegistrationStatus, $first: Int, $after: String) {
    node(id: $id) {
      ... on MentoringProject {
        confirmedMentorCount
        registrations(first: $first, after: $after, status: $status) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id status name email phone motivation languages regions sectors emailConfirmedAt decidedAt declineReason withdrawnAt registeredAt project { id } } }
        }
      }
    }
  }
`);
const NODE = graphql(`
  query MentorRegNode($id: ID!) {
    node(id: $id) { ... on MentorRegistration { id status email } }
  }
`);
const COUNTS = graphql(`
  query MentorRegCounts {
    mentoringProjects(first: 100) { edges { node { id confirmedMentorCount } } }
  }
`);

const mailDir = () => join(api.dataDir, "mail");
const mailFiles = () => listMailFiles(mailDir());
/** The mails sent since `before` (a count of files), oldest first, with their links' tokens. */
const mailsSince = (before: number): Mail[] => readMails(mailDir(), before);

let counter = 0;
function mentor(overrides: Partial<Parameters<typeof registerInput>[0]> = {}) {
  counter++;
  return registerInput({ projectId: project, name: `Mentor ${counter}`, email: `mentor${counter}@example.be`, ...overrides });
}
function registerInput(input: {
  projectId: string;
  name: string;
  email: string;
  phone?: string | null;
  motivation?: string | null;
  languages?: string[];
  regions?: ("ANTWERP" | "BRUSSELS" | "LIMBURG")[];
  sectors?: string[];
}) {
  return input;
}

/** Registers and returns the registration's row id and the tokens of its mail. */
async function registered(input = mentor(), clientAddress = "192.0.2.1") {
  const before = mailFiles().length;
  await api.ok(REGISTER, { input }, { clientAddress });
  const [mail] = mailsSince(before);
  if (!mail) throw new Error("no mail");
  const [row] = await api.database.db.select().from(mentorRegistrations).where(eq(mentorRegistrations.email, input.email.toLowerCase()));
  if (!row) throw new Error("no row");
  return { id: row.id, globalId: toGlobalId("MentorRegistration", row.id), ...mail };
}

describe("the journey", () => {
  it("a mentor registers, gets a mail with both links, confirms the address, the project confirms, the count is public", async () => {
    const input = mentor({
      name: "Zoë Janssens",
      email: "Zoe.Janssens@Example.BE",
      phone: "+32 470 12 34 56",
      motivation: "Ik werk 20 jaar in de zorg.\nGraag help ik jongeren.",
      languages: ["NL", "fr"],
      regions: ["ANTWERP", "BRUSSELS"],
      sectors: ["Zorg", "ict"],
    });
    const before = mailFiles().length;
    const receipt = await api.ok(REGISTER, { input }, { clientAddress: "192.0.2.10" });
    expect(receipt.registerAsMentor.status).toBe("PENDING");
    expect(receipt.registerAsMentor.project).toEqual({ id: project, name: "Mentorproject Één" });
    const confirmBefore = new Date(receipt.registerAsMentor.confirmBefore as string).getTime();
    expect(Math.abs(confirmBefore - (Date.now() + 72 * 3600_000))).toBeLessThan(60_000);

    const mails = mailsSince(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toBe("zoe.janssens@example.be");
    expect(mail.subject).toBe("Bevestig je aanmelding als mentor – Mentorproject Één");
    expect(mail.confirm).toMatch(/^confirm\./);
    expect(mail.withdraw).toMatch(/^withdraw\./);

    // What the project sees: everything the mentor gave, lower-cased where it is a tag or an address.
    const listed = await api.ok(LIST, { id: project }, { as: partnerOf(ownOrg) });
    const node = listed.node as { confirmedMentorCount: number; registrations: { totalCount: number; edges: { node: Record<string, unknown> }[] } };
    expect(node.registrations.totalCount).toBe(1);
    expect(node.registrations.edges[0]!.node).toMatchObject({
      status: "PENDING",
      name: "Zoë Janssens",
      email: "zoe.janssens@example.be",
      phone: "+32 470 12 34 56",
      motivation: "Ik werk 20 jaar in de zorg.\nGraag help ik jongeren.",
      languages: ["nl", "fr"],
      regions: ["ANTWERP", "BRUSSELS"],
      sectors: ["zorg", "ict"],
      emailConfirmedAt: null,
      decidedAt: null,
      withdrawnAt: null,
      project: { id: project },
    });
    const registrationId = node.registrations.edges[0]!.node.id as string;

    // The project cannot confirm a mentor whose address is unconfirmed.
    expect(errorOf(await api.exec(DECIDE, { input: { id: registrationId, decision: "CONFIRM" } }, { as: partnerOf(ownOrg) }))).toMatchObject({
      code: "CONFLICT",
      field: "input.decision",
    });

    const confirmed = await api.ok(CONFIRM, { token: mail.confirm });
    expect(confirmed.confirmMentorEmail).toMatchObject({ status: "PENDING", project: { id: project } });
    const decided = await api.ok(DECIDE, { input: { id: registrationId, decision: "CONFIRM" } }, { as: expertOf(ownOrg) });
    expect(decided.decideMentorRegistration.registration).toMatchObject({ id: registrationId, status: "CONFIRMED", declineReason: null });
    expect(decided.decideMentorRegistration.registration.decidedAt).toBeTruthy();
    expect(decided.decideMentorRegistration.registration.emailConfirmedAt).toBeTruthy();

    // The count is public: anyone sees 1 for this project, 0 for the others.
    const counts = await api.ok(COUNTS);
    const byId = new Map(counts.mentoringProjects.edges.map((e) => [e.node.id, e.node.confirmedMentorCount]));
    expect(byId.get(project)).toBe(1);
    expect(byId.get(otherProject)).toBe(0);

    // A second mentor confirms through the page the link opens, and the project declines, with a reason.
    const second = await registered();
    const page = await serveDownload(api.app, { path: `/mentoring/confirm/${second.confirm}`, acceptLanguage: "nl" });
    expect(page.status).toBe(200);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["content-disposition"]).toMatch(/^inline/);
    expect(page.body).toContain("E-mailadres bevestigd");
    const [row] = await api.database.db.select().from(mentorRegistrations).where(eq(mentorRegistrations.id, second.id));
    expect(row?.emailConfirmedAt).toBeInstanceOf(Date);
    expect(errorOf(await api.exec(DECIDE, { input: { id: second.globalId, decision: "DECLINE" } }, { as: partnerOf(ownOrg) }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.reason",
    });
    const declined = await api.ok(DECIDE, { input: { id: second.globalId, decision: "DECLINE", reason: "Wij zoeken nu mentoren in Limburg." } }, { as: ADMIN });
    expect(declined.decideMentorRegistration.registration).toMatchObject({ status: "DECLINED", declineReason: "Wij zoeken nu mentoren in Limburg." });
    // Only PENDING registrations are decided.
    expect(errorOf(await api.exec(DECIDE, { input: { id: second.globalId, decision: "DECLINE", reason: "Nog eens" } }, { as: ADMIN }))).toMatchObject({
      code: "CONFLICT",
      field: "input.id",
    });
    const counted = await api.ok(COUNTS);
    expect(counted.mentoringProjects.edges.find((e) => e.node.id === project)?.node.confirmedMentorCount).toBe(1);
  });

  it("pages registrations newest first, filters by status, and counts confirmed mentors in one statement for a page of projects", async () => {
    const a = await registered();
    const b = await registered();
    await registered();
    await api.ok(CONFIRM, { token: a.confirm });
    await api.ok(DECIDE, { input: { id: a.globalId, decision: "CONFIRM" } }, { as: ADMIN });
    const page1 = (await api.ok(LIST, { id: project, first: 2 }, { as: ADMIN })).node as {
      registrations: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: { id: string; status: string } }[] };
    };
    expect(page1.registrations.totalCount).toBe(3);
    expect(page1.registrations.pageInfo.hasNextPage).toBe(true);
    const page2 = (await api.ok(LIST, { id: project, first: 2, after: page1.registrations.pageInfo.endCursor }, { as: ADMIN })).node as typeof page1;
    const order = [...page1.registrations.edges, ...page2.registrations.edges].map((e) => e.node.id);
    expect(order).toHaveLength(3);
    expect(order.at(-2)).toBe(b.globalId);
    expect(order.at(-1)).toBe(a.globalId);
    const pending = (await api.ok(LIST, { id: project, status: "PENDING" }, { as: ADMIN })).node as typeof page1;
    expect(pending.registrations.totalCount).toBe(2);
    expect(pending.registrations.edges.every((e) => e.node.status === "PENDING")).toBe(true);

    // The public count over every project costs the same statements with more projects and registrations.
    const small = await api.exec(COUNTS);
    const db = api.database.db;
    const more = await db
      .insert(mentoringProjects)
      .values([{ name: "Extra een" }, { name: "Extra twee" }, { name: "Extra drie" }])
      .returning({ id: mentoringProjects.id });
    await db
      .insert(mentorRegistrations)
      .values(more.map((p) => ({ projectId: p.id, status: "CONFIRMED" as const, name: "X", email: `x-${p.id}@example.be`, emailConfirmedAt: new Date(), decidedAt: new Date() })));
    const large = await api.exec(COUNTS);
    expect(large.data?.mentoringProjects.edges.length).toBeGreaterThan(small.data?.mentoringProjects.edges.length ?? 0);
    expect(large.data?.mentoringProjects.edges.filter((e) => e.node.confirmedMentorCount === 1)).toHaveLength(4);
    expect(large.statements).toBe(small.statements);
  });
});

describe("when the mail service fails", () => {
  it("keeps the registration, logs no address, and mails the links when the mentor registers again", async () => {
    const sent: string[] = [];
    let failing = true;
    const local = await createTestApi({
      services: {
        mailer: {
          async send(message) {
            if (failing) throw new Error(`SES refused ${message.to}`);
            sent.push(message.text);
          },
        },
        storage: api.services.storage,
      },
    });
    try {
      const [created] = await local.database.db.insert(mentoringProjects).values({ name: "Project zonder post" }).returning({ id: mentoringProjects.id });
      const input = mentor({ projectId: toGlobalId("MentoringProject", created!.id), email: "lost.mail@example.be" });
      expect((await local.ok(REGISTER, { input })).registerAsMentor.status).toBe("PENDING");
      expect(await local.database.db.select().from(mentorRegistrations)).toHaveLength(1);
      failing = false;
      await local.ok(REGISTER, { input });
      expect(sent).toHaveLength(1);
      expect(sent[0]).toContain("/mentoring/confirm/confirm.");
      expect(await local.database.db.select().from(mentorRegistrations)).toHaveLength(1);
      expect(JSON.stringify(local.logs)).not.toContain("lost.mail");
    } finally {
      await local.close();
    }
  });
});

describe("validation", () => {
  it.each([
    ["an empty name", { name: "  " }, "input.name"],
    ["a name over 200 characters", { name: "a".repeat(201) }, "input.name"],
    ["no e-mail address", { email: "not-an-address" }, "input.email"],
    ["a motivation over 2,000 characters", { motivation: "m".repeat(2001) }, "input.motivation"],
    ["a language that is no ISO 639-1 code", { languages: ["nl", "dutch"] }, "input.languages.1"],
    ["an unknown two-letter language", { languages: ["qq"] }, "input.languages.0"],
    ["a sector that is no tag", { sectors: ["ict; drop"] }, "input.sectors.0"],
    ["a phone that is no number", { phone: "call me" }, "input.phone"],
  ])("refuses %s (BAD_USER_INPUT naming the field)", async (_what, overrides, field) => {
    const result = await api.exec(REGISTER, { input: mentor(overrides as never) });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await api.database.db.select().from(mentorRegistrations)).toHaveLength(0);
  });

  it("refuses a project that does not exist (NOT_FOUND), an id of another type (BAD_USER_INPUT) and a project that takes no mentors (CONFLICT)", async () => {
    const mailsBefore = mailFiles().length;
    const missing = toGlobalId("MentoringProject", "00000000-0000-4000-8000-000000000000");
    expect(errorOf(await api.exec(REGISTER, { input: mentor({ projectId: missing }) }))).toMatchObject({ code: "NOT_FOUND", field: "input.projectId" });
    expect(errorOf(await api.exec(REGISTER, { input: mentor({ projectId: toGlobalId("Board", boardId) }) }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.projectId",
    });
    expect(errorOf(await api.exec(REGISTER, { input: mentor({ projectId: closedProject }) }))).toMatchObject({ code: "CONFLICT", field: "input.projectId" });
    expect(mailFiles()).toHaveLength(mailsBefore);
  });
});

describe("one live registration per address and project", () => {
  it("answers a second registration with the same receipt, keeps the first row, and mails the links again only while unconfirmed", async () => {
    const first = await registered(mentor({ email: "twice@example.be", name: "Eerste" }));
    const before = mailFiles().length;
    const again = await api.ok(REGISTER, { input: mentor({ email: "TWICE@example.be", name: "Iemand anders" }) });
    expect(again.registerAsMentor).toMatchObject({ status: "PENDING", project: { id: project } });
    expect(again.registerAsMentor.confirmBefore).toBeTruthy();
    const rows = await api.database.db.select().from(mentorRegistrations);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.id, name: "Eerste" });
    // The links again, to the address on record (its owner only), for the same registration.
    const resent = mailsSince(before);
    expect(resent).toHaveLength(1);
    expect(resent[0]!.to).toBe("twice@example.be");
    expect(resent[0]!.confirm.split(".")[1]).toBe(first.id);

    // Once the address is confirmed, a second registration sends nothing.
    await api.ok(CONFIRM, { token: first.confirm });
    const afterConfirm = mailFiles().length;
    expect((await api.ok(REGISTER, { input: mentor({ email: "twice@example.be" }) })).registerAsMentor.status).toBe("PENDING");
    expect(mailFiles()).toHaveLength(afterConfirm);

    // Another project is another registration; after withdrawing, the address may register again.
    await api.ok(REGISTER, { input: mentor({ email: "twice@example.be", projectId: otherProject }) });
    await api.ok(WITHDRAW, { token: first.withdraw });
    await api.ok(REGISTER, { input: mentor({ email: "twice@example.be" }) });
    expect(await api.database.db.select().from(mentorRegistrations)).toHaveLength(3);
  });
});

describe("signed links", () => {
  it("refuses a tampered, expired or wrong-purpose token with BAD_USER_INPUT field token; confirming twice changes nothing", async () => {
    const r = await registered();
    const sig = r.confirm.split(".")[3]!;
    const tampered = r.confirm.replace(/\.[^.]+$/, `.${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`);
    const otherId = r.confirm.replace(r.id, "00000000-0000-4000-8000-000000000000");
    const expired = signLinkToken("confirm", r.id, new Date(Date.now() - 1000));
    for (const [token, reason] of [
      [tampered, "is not a valid link"],
      [otherId, "is not a valid link"],
      ["garbage", "is not a valid link"],
      [expired, "has expired"],
      [r.withdraw, "is not a link to confirm"],
    ] as const) {
      const result = await api.exec(CONFIRM, { token });
      expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "token" });
      expect(result.errors?.[0]?.extensions?.reason).toBe(reason);
    }
    expect(errorOf(await api.exec(WITHDRAW, { token: r.confirm }))).toMatchObject({ code: "BAD_USER_INPUT", field: "token" });
    const [untouched] = await api.database.db.select().from(mentorRegistrations).where(eq(mentorRegistrations.id, r.id));
    expect(untouched?.emailConfirmedAt).toBeNull();

    await api.ok(CONFIRM, { token: r.confirm });
    const [once] = await api.database.db.select().from(mentorRegistrations).where(eq(mentorRegistrations.id, r.id));
    await api.ok(CONFIRM, { token: r.confirm });
    const [twice] = await api.database.db.select().from(mentorRegistrations).where(eq(mentorRegistrations.id, r.id));
    expect(twice?.emailConfirmedAt?.getTime()).toBe(once?.emailConfirmedAt?.getTime());
  });

  it("the links open over the local HTTP server: confirm at once, withdraw after the button", async () => {
    // An API of its own: the local server starts the GraphQL server, which this file's has done already.
    const local = await createTestApi();
    const server = await startLocalServer(local.app, { port: 0, ping: async () => {}, storage: local.services.storage });
    try {
      const [created] = await local.database.db.insert(mentoringProjects).values({ name: "Lokaal project" }).returning({ id: mentoringProjects.id });
      await local.ok(REGISTER, { input: mentor({ projectId: toGlobalId("MentoringProject", created!.id) }) });
      const [file] = readdirSync(join(local.dataDir, "mail"));
      const text = decodeQuotedPrintable(readFileSync(join(local.dataDir, "mail", file!), "utf8"));
      const link = (purpose: string) => new RegExp(`http://localhost:4000(/mentoring/${purpose}/\\S+)`).exec(text)?.[1] ?? "";
      const base = server.url.replace(/\/graphql$/, "");
      const confirmed = await fetch(`${base}${link("confirm")}`, { headers: { "accept-language": "en" } });
      expect(confirmed.status).toBe(200);
      expect(confirmed.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await confirmed.text()).toContain("E-mail address confirmed");
      const asked = await fetch(`${base}${link("withdraw")}`);
      expect(await asked.text()).toContain("Ja, trek mijn aanmelding in");
      const [pending] = await local.database.db.select().from(mentorRegistrations);
      expect(pending).toMatchObject({ status: "PENDING" });
      expect(pending?.emailConfirmedAt).toBeInstanceOf(Date);
      expect(await (await fetch(`${base}${link("withdraw")}/yes`)).text()).toContain("Aanmelding ingetrokken");
      const [gone] = await local.database.db.select().from(mentorRegistrations);
      expect(gone).toMatchObject({ status: "WITHDRAWN", email: null });
    } finally {
      await server.close();
      await local.close();
    }
  });

  it("refuses to sign links in production without MENTOR_LINK_SECRET, and a secret too short to be one", () => {
    expect(() => linkSecret({ STAGE: "production" })).toThrow(/MENTOR_LINK_SECRET/);
    expect(() => linkSecret({ MENTOR_LINK_SECRET: "short" })).toThrow(/32/);
    expect(linkSecret({ STAGE: "production", MENTOR_LINK_SECRET: "s".repeat(32) })).toBe("s".repeat(32));
    // A token signed under another secret is no link of this stage.
    const foreign = signLinkToken("confirm", "00000000-0000-4000-8000-000000000000", new Date(Date.now() + 60_000), "x".repeat(32));
    expect(() => verifyLinkToken(foreign, "confirm")).toThrow(/is not a valid link/);
    expect(publicUrl({ PUBLIC_URL: "https://api.talent.example.be/" })).toBe("https://api.talent.example.be");
  });

  it("a bad link opens a page saying it does not work", async () => {
    const page = await serveDownload(api.app, { path: `/mentoring/confirm/confirm.00000000-0000-4000-8000-000000000000.9999999999.AAAA`, acceptLanguage: "en" });
    expect(page.status).toBe(200);
    expect(page.body).toContain("This link does not work");
  });
});

describe("withdrawing", () => {
  it("forgets the mentor: nothing personal left in the row, the audit log, the events or the logs; a later confirm link fails", async () => {
    const input = mentor({ name: "Vergeet Mij", email: "forget.me@example.be", phone: "+32 9 123 45 67", motivation: "Geheime motivatie", languages: ["nl"], sectors: ["bouw"] });
    const r = await registered(input);
    await api.ok(CONFIRM, { token: r.confirm });
    await api.ok(DECIDE, { input: { id: r.globalId, decision: "DECLINE", reason: "Vergeet Mij past niet" } }, { as: ADMIN });

    // The withdrawal link first shows a page with a button: opening it alone changes nothing.
    const ask = await serveDownload(api.app, { path: `/mentoring/withdraw/${r.withdraw}` });
    expect(ask.body).toContain("Aanmelding intrekken?");
    expect(ask.body).toContain(`/mentoring/withdraw/${r.withdraw}/yes`);
    expect((await api.database.db.select().from(mentorRegistrations).where(eq(mentorRegistrations.id, r.id)))[0]?.status).toBe("DECLINED");
    const done = await serveDownload(api.app, { path: `/mentoring/withdraw/${r.withdraw}/yes` });
    expect(done.body).toContain("Aanmelding ingetrokken");
    // Again by mutation: already withdrawn, the same answer.
    expect((await api.ok(WITHDRAW, { token: r.withdraw })).withdrawMentorRegistration.status).toBe("WITHDRAWN");

    const [row] = await api.database.db.select().from(mentorRegistrations).where(eq(mentorRegistrations.id, r.id));
    expect(row).toMatchObject({ status: "WITHDRAWN", name: null, email: null, phone: null, motivation: null, declineReason: null });
    expect(row?.withdrawnAt).toBeInstanceOf(Date);

    const personal = ["Vergeet", "forget.me", "123 45 67", "Geheime"];
    const audits = await api.database.db.select().from(auditLog).where(eq(auditLog.entityId, r.id)).orderBy(auditLog.createdAt, auditLog.id);
    expect(audits.map((a) => a.operation)).toEqual(["registerAsMentor", "confirmMentorEmail", "decideMentorRegistration", "withdrawMentorRegistration"]);
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, r.id)).orderBy(domainEvents.position);
    expect(events.map((e) => (e.payload as { status: string }).status)).toEqual(["PENDING", "PENDING", "DECLINED", "WITHDRAWN"]);
    const counters = await api.database.db.select().from(rateLimitCounters);
    const stored = JSON.stringify([audits, events, counters, api.logs]);
    for (const word of personal) expect(stored).not.toContain(word);
    expect(stored).not.toContain("192.0.2.1");

    // The confirm link of a forgotten registration no longer works.
    expect(errorOf(await api.exec(CONFIRM, { token: r.confirm }))).toMatchObject({ code: "CONFLICT", field: "token" });
    expect((await api.ok(LIST, { id: project, status: "WITHDRAWN" }, { as: ADMIN })).node).toMatchObject({
      registrations: { totalCount: 1, edges: [{ node: { name: null, email: null, phone: null, motivation: null, status: "WITHDRAWN" } }] },
    });
  });
});

describe("who sees and decides registrations", () => {
  const cases: [string, () => Actor | undefined, "ok" | "FORBIDDEN" | "UNAUTHENTICATED"][] = [
    ["an admin", () => ADMIN, "ok"],
    ["a PARTNER of the project's organisation", () => partnerOf(ownOrg), "ok"],
    ["an EXPERT of the project's organisation", () => expertOf(ownOrg), "ok"],
    ["a PARTNER of another organisation", () => partnerOf(otherOrg), "FORBIDDEN"],
    ["an EXPERT of another organisation", () => expertOf(otherOrg), "FORBIDDEN"],
    ["a consultant", () => CONSULTANT, "FORBIDDEN"],
    ["a board member", () => ({ role: "BOARD_MEMBER", sub: "member-1", board: boardId }), "FORBIDDEN"],
    ["anyone anonymous", () => undefined, "UNAUTHENTICATED"],
  ];

  it.each(cases)("%s: registrations, node(id) and decisions", async (_who, actorOf, expected) => {
    const r = await registered(mentor({ email: "seen@example.be" }));
    await api.ok(CONFIRM, { token: r.confirm });
    const as = actorOf();
    const options = as ? { as } : {};
    const list = await api.exec(LIST, { id: project }, options);
    const node = await api.exec(NODE, { id: r.globalId }, options);
    const decide = await api.exec(DECIDE, { input: { id: r.globalId, decision: "CONFIRM" } }, options);
    if (expected === "ok") {
      expect(list.errors).toBeUndefined();
      expect(JSON.stringify(list.data)).toContain("seen@example.be");
      expect(node.data?.node).toMatchObject({ id: r.globalId, email: "seen@example.be" });
      expect(decide.data?.decideMentorRegistration.registration.status).toBe("CONFIRMED");
    } else {
      expect(errorOf(list).code).toBe(expected);
      expect(JSON.stringify(list.data ?? null)).not.toContain("seen@example.be");
      expect(node.errors).toBeUndefined();
      expect(node.data?.node).toBeNull();
      expect(errorOf(decide).code).toBe(expected);
      const [row] = await api.database.db.select().from(mentorRegistrations).where(eq(mentorRegistrations.id, r.id));
      expect(row?.status).toBe("PENDING");
    }
  });

  it.runIf(onPostgres)("of two decisions at once, one passes and the other finds the registration decided", async () => {
    const r = await registered();
    await api.ok(CONFIRM, { token: r.confirm });
    const results = await Promise.all([
      api.exec(DECIDE, { input: { id: r.globalId, decision: "CONFIRM" } }, { as: ADMIN }),
      api.exec(DECIDE, { input: { id: r.globalId, decision: "DECLINE", reason: "Vol" } }, { as: partnerOf(ownOrg) }),
    ]);
    expect(results.filter((x) => !x.errors)).toHaveLength(1);
    expect(results.map((x) => errorOf(x).code).filter(Boolean)).toEqual(["CONFLICT"]);
  });
});

describe("limits", () => {
  it("per e-mail address: the sixth registration in an hour is RATE_LIMITED with retryAfterSeconds", async () => {
    const { limit } = MENTOR_REGISTRATION_LIMITS.email;
    for (let i = 0; i < limit; i++) await api.ok(REGISTER, { input: mentor({ email: "busy@example.be" }) }, { clientAddress: `198.51.100.${i}` });
    const refused = await api.exec(REGISTER, { input: mentor({ email: "busy@example.be", projectId: otherProject }) }, { clientAddress: "198.51.100.99" });
    expect(errorOf(refused).code).toBe("RATE_LIMITED");
    const retry = refused.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(3600);
    // The counters hold hashes, never the address.
    const keys = (await api.database.db.select().from(rateLimitCounters)).map((c) => c.key);
    expect(keys.some((k) => k.startsWith("mentor.register:email:"))).toBe(true);
    expect(JSON.stringify(keys)).not.toMatch(/busy|198\.51/);
  });

  it("per network address: the 21st registration from one address is refused, another address still passes", async () => {
    const { limit } = MENTOR_REGISTRATION_LIMITS.network;
    for (let i = 0; i < limit; i++) await api.ok(REGISTER, { input: mentor() }, { clientAddress: "203.0.113.7" });
    expect(errorOf(await api.exec(REGISTER, { input: mentor() }, { clientAddress: "203.0.113.7" })).code).toBe("RATE_LIMITED");
    await api.ok(REGISTER, { input: mentor() }, { clientAddress: "203.0.113.8" });
    expect(await api.database.db.select().from(mentorRegistrations)).toHaveLength(limit + 1);
  });

  it("per project: the 51st registration in a day is refused, another project still takes one", async () => {
    const { limit } = MENTOR_REGISTRATION_LIMITS.project;
    // No network address (none known): only the limits per address and per project apply.
    for (let i = 0; i < limit; i++) await api.ok(REGISTER, { input: mentor() });
    expect(errorOf(await api.exec(REGISTER, { input: mentor() })).code).toBe("RATE_LIMITED");
    await api.ok(REGISTER, { input: mentor({ projectId: otherProject }) });
    const rows = await api.database.db.select().from(mentorRegistrations);
    expect(rows).toHaveLength(limit + 1);
  });

  it.runIf(onPostgres)("holds across connections: of 30 registrations from one network address at once, exactly 20 pass", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => api.exec(REGISTER, { input: mentor() }, { clientAddress: "203.0.113.50" })));
    expect(results.filter((r) => !r.errors)).toHaveLength(MENTOR_REGISTRATION_LIMITS.network.limit);
    expect(results.filter((r) => errorOf(r).code === "RATE_LIMITED")).toHaveLength(30 - MENTOR_REGISTRATION_LIMITS.network.limit);
    const ids = (await api.database.db.select({ id: mentoringProjects.id }).from(mentoringProjects)).map((p) => p.id);
    expect(await api.database.db.select().from(mentorRegistrations).where(inArray(mentorRegistrations.projectId, ids))).toHaveLength(20);
  });
});

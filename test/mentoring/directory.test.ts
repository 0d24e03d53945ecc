// The directory of mentoring projects through the API: its public list with each filter, its
// search in any case, its pages; adding a project (consultants and admins) and changing one
// (consultants, admins and the project's own organisation), each rule of their input, the audit
// row and the public event with ids only, and each role's answer.
import { randomUUID } from "node:crypto";
import type { ResultOf } from "@graphql-typed-document-node/core";
import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { mentoringProjects } from "../../db/schema/mentoring.js";
import { toGlobalId } from "../../schema/shared/relay.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { ADMIN, CONSULTANT, expertOf, memberOf, partnerOf } from "../helpers/campaigns.js";
import { organisationRowId } from "../helpers/funding.js";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  return () => api.close();
});

beforeEach(() => api.reseed());

const organisationId = (name: string) => organisationRowId(api, name);

const LIST = graphql(`
  query MentoringDirectoryList($first: Int, $after: String, $filter: MentoringProjectFilter) {
    mentoringProjects(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name regions acceptsMentors } }
    }
  }
`);

const CREATE = graphql(`
  mutation MentoringDirectoryCreate($input: CreateMentoringProjectInput!) {
    createMentoringProject(input: $input) {
      project {
        id name organisation { name(locale: NL) } charter { title(locale: NL) } description(locale: NL) regions targetGroups languages sectors format capacity
        contactEmail contactPhone website acceptsMentors example viewerCanManage
      }
    }
  }
`);

const UPDATE = graphql(`
  mutation MentoringDirectoryUpdate($input: UpdateMentoringProjectInput!) {
    updateMentoringProject(input: $input) { project { id name capacity website acceptsMentors languages viewerCanManage } }
  }
`);

const CHARTER_ID = graphql(`
  query MentoringDirectoryCharterId {
    charters { id }
  }
`);

const names = (data: { mentoringProjects: { edges: { node: { name: string } }[] } }) => data.mentoringProjects.edges.map((e) => e.node.name);

describe("the directory's list", () => {
  it("filters by region, target group, language, sector and whether it takes mentors, and counts what matches", async () => {
    const brussels = await api.ok(LIST, { filter: { region: "BRUSSELS" } });
    expect(names(brussels).sort()).toEqual(["Example: Brussels Tech Mentoring", "Exemple : Mentorat emploi Bruxelles"]);
    expect(brussels.mentoringProjects.totalCount).toBe(2);
    expect(names(await api.ok(LIST, { filter: { targetGroup: "NEWCOMERS" } })).sort()).toEqual([
      "Exemple : Mentorat emploi Bruxelles",
      "Voorbeeld: Mentoring voor nieuwkomers Gent",
      "Voorbeeld: Vrouwen aan het werk Limburg",
    ]);
    expect(names(await api.ok(LIST, { filter: { language: "ar" } }))).toEqual(["Voorbeeld: Mentoring voor nieuwkomers Gent"]);
    expect(names(await api.ok(LIST, { filter: { sector: "ict", region: "FLEMISH_BRABANT" } })).sort()).toEqual([
      "Example: Brussels Tech Mentoring",
      "Voorbeeld: Digitale mentoring Vlaanderen",
    ]);
    expect(names(await api.ok(LIST, { filter: { acceptsMentors: false } })).sort()).toEqual(["Discover Your Talent", "Rising You(th)", "Voorbeeld: Vrouwen aan het werk Limburg"]);
  });

  it("searches name and description in any case, and takes a wildcard literally", async () => {
    expect(names(await api.ok(LIST, { filter: { search: "NIEUWKOMERS" } }))).toEqual(["Voorbeeld: Mentoring voor nieuwkomers Gent"]);
    expect(names(await api.ok(LIST, { filter: { search: "handicap" } }))).toEqual(["Exemple : Mentorat inclusif Hainaut"]);
    expect(names(await api.ok(LIST, { filter: { search: "you(th)" } }))).toEqual(["Rising You(th)"]);
    expect((await api.ok(LIST, { filter: { search: "%" } })).mentoringProjects.totalCount).toBe(0);
  });

  it("refuses a language that is not ISO 639-1 and a sector that is not a lower-case tag", async () => {
    expect(errorOf(await api.exec(LIST, { filter: { language: "NL" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.language" });
    expect(errorOf(await api.exec(LIST, { filter: { sector: "I C T" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.sector" });
  });

  it("pages by name through every project once, at most 100 a page", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const data: ResultOf<typeof LIST> = await api.ok(LIST, { first: 3, after });
      expect(data.mentoringProjects.edges.length).toBeLessThanOrEqual(3);
      seen.push(...names(data));
      if (!data.mentoringProjects.pageInfo.hasNextPage) break;
      after = data.mentoringProjects.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
    expect(names(await api.ok(LIST, { first: 100 }))).toEqual(seen);
    expect(errorOf(await api.exec(LIST, { first: 101 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

const fullInput = (name: string, organisation: string | null, charter: string | null = null) => ({
  name,
  organisationId: organisation ? toGlobalId("Organisation", organisation) : null,
  charterId: charter,
  description: { nl: "Mentoring voor jongeren." },
  regions: ["ANTWERP" as const, "ANTWERP" as const],
  targetGroups: ["YOUNG_PEOPLE" as const],
  languages: ["nl", "en"],
  sectors: ["ict"],
  format: "ONE_TO_ONE" as const,
  capacity: 10,
  contactEmail: " Mentoring@Example.org ",
  contactPhone: "+32 3 123 45 67",
  website: "https://example.org/mentoring",
});

describe("createMentoringProject", () => {
  it("adds a project for a consultant, with its organisation and charter, audited, with a public event of ids only", async () => {
    const randstad = await organisationId("Randstad");
    const { charters } = await api.ok(CHARTER_ID);
    const { createMentoringProject } = await api.ok(CREATE, { input: fullInput("Mentoring Randstad", randstad, charters[0]!.id) }, { as: CONSULTANT });
    const project = createMentoringProject.project;
    expect(project).toMatchObject({
      name: "Mentoring Randstad",
      organisation: { name: "Randstad" },
      charter: { title: "Decent Work for All" },
      regions: ["ANTWERP"],
      languages: ["nl", "en"],
      capacity: 10,
      contactEmail: "mentoring@example.org",
      acceptsMentors: true,
      example: false,
      viewerCanManage: true,
    });
    const [row] = await api.database.db.select().from(mentoringProjects).where(eq(mentoringProjects.name, "Mentoring Randstad"));
    const audits = await api.database.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id)).orderBy(auditLog.createdAt, auditLog.id);
    expect(audits.map((a) => [a.operation, a.actorRole])).toEqual([["createMentoringProject", "CONSULTANT"]]);
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, row!.id)).orderBy(domainEvents.position);
    expect(events.map((e) => [e.name, e.payload])).toEqual([["mentoring.project.changed", { projectId: row!.id, operation: "CREATED" }]]);
  });

  it("is for consultants and admins only", async () => {
    const org = await organisationId("Randstad");
    const cases: [Actor | undefined, string | null][] = [
      [ADMIN, null],
      [memberOf(randomUUID()), "FORBIDDEN"],
      [expertOf(org), "FORBIDDEN"],
      [partnerOf(org), "FORBIDDEN"],
      [undefined, "UNAUTHENTICATED"],
    ];
    for (const [i, [as, code]] of cases.entries()) {
      const result = await api.exec(CREATE, { input: fullInput(`Project ${i}`, org) }, as ? { as } : {});
      expect(errorOf(result).code ?? null, JSON.stringify(as)).toBe(code);
    }
  });

  it("checks every field", async () => {
    const bad = async (input: Partial<ReturnType<typeof fullInput>> & Record<string, unknown>, field: string, code = "BAD_USER_INPUT") =>
      expect(errorOf(await api.exec(CREATE, { input: { ...fullInput("Valid", null), ...input } as never }, { as: CONSULTANT }))).toMatchObject({ code, field });
    await bad({ name: "  " }, "input.name");
    await bad({ name: "x".repeat(201) }, "input.name");
    await bad({ name: "voorbeeld: JOBMENTOR antwerpen" }, "input.name");
    await bad({ contactEmail: "not-an-address" }, "input.contactEmail");
    await bad({ website: "ftp://example.org" }, "input.website");
    await bad({ capacity: -1 }, "input.capacity");
    await bad({ languages: ["NL"] }, "input.languages.0");
    await bad({ sectors: ["Retail"] }, "input.sectors.0");
    await bad({ contactPhone: "call me" }, "input.contactPhone");
    await bad({ organisationId: toGlobalId("Organisation", randomUUID()) }, "input.organisationId", "NOT_FOUND");
    await bad({ charterId: toGlobalId("Charter", randomUUID()) }, "input.charterId", "NOT_FOUND");
    await bad({ organisationId: "nonsense" }, "input.organisationId");
    expect((await api.ok(CREATE, { input: { ...fullInput("x".repeat(200), null), capacity: 0 } }, { as: CONSULTANT })).createMentoringProject.project.capacity).toBe(0);
  });
});

describe("updateMentoringProject", () => {
  async function projectOf(organisation: string | null, name: string): Promise<string> {
    return (await api.ok(CREATE, { input: fullInput(name, organisation) }, { as: CONSULTANT })).createMentoringProject.project.id;
  }

  it("is for consultants, admins and a PARTNER or EXPERT of the project's own organisation", async () => {
    const randstad = await organisationId("Randstad");
    const securex = await organisationId("Securex");
    const id = await projectOf(randstad, "Randstad mentoring");
    const cases: [Actor | undefined, string | null][] = [
      [CONSULTANT, null],
      [ADMIN, null],
      [partnerOf(randstad), null],
      [expertOf(randstad), null],
      [partnerOf(securex), "FORBIDDEN"],
      [expertOf(securex), "FORBIDDEN"],
      [memberOf(randomUUID()), "FORBIDDEN"],
      [undefined, "UNAUTHENTICATED"],
    ];
    for (const [i, [as, code]] of cases.entries()) {
      const result = await api.exec(UPDATE, { input: { id, capacity: i } }, as ? { as } : {});
      expect(errorOf(result).code ?? null, JSON.stringify(as)).toBe(code);
      if (!code) expect(result.data?.updateMentoringProject.project).toMatchObject({ capacity: i, viewerCanManage: true });
    }
    // A project of no organisation is the editors' only.
    const orphan = await projectOf(null, "Nobody's project");
    expect(errorOf(await api.exec(UPDATE, { input: { id: orphan, capacity: 1 } }, { as: partnerOf(randstad) })).code).toBe("FORBIDDEN");
  });

  it("shows viewerCanManage as the rule says", async () => {
    const randstad = await organisationId("Randstad");
    await projectOf(randstad, "Visible");
    const VIEW = graphql(`
      query MentoringDirectoryViewerCan($filter: MentoringProjectFilter) {
        mentoringProjects(filter: $filter) { edges { node { name viewerCanManage } } }
      }
    `);
    const view = async (as?: Actor) => (await api.ok(VIEW, { filter: { search: "Visible" } }, as ? { as } : {})).mentoringProjects.edges.map((e) => e.node.viewerCanManage);
    expect(await view(partnerOf(randstad))).toEqual([true]);
    expect(await view(partnerOf(await organisationId("Securex")))).toEqual([false]);
    expect(await view()).toEqual([false]);
    expect(await view(CONSULTANT)).toEqual([true]);
  });

  it("changes only what is given, clears with null, refuses null where a value is needed and a name taken in any case", async () => {
    const randstad = await organisationId("Randstad");
    const id = await projectOf(randstad, "Patch me");
    const { updateMentoringProject } = await api.ok(UPDATE, { input: { id, capacity: null, website: null, acceptsMentors: false } }, { as: partnerOf(randstad) });
    expect(updateMentoringProject.project).toMatchObject({ name: "Patch me", capacity: null, website: null, acceptsMentors: false, languages: ["nl", "en"] });
    expect(errorOf(await api.exec(UPDATE, { input: { id, name: null } }, { as: CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.name" });
    expect(errorOf(await api.exec(UPDATE, { input: { id, languages: null } }, { as: CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.languages" });
    expect(errorOf(await api.exec(UPDATE, { input: { id, name: "RISING YOU(TH)" } }, { as: CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.name" });
    expect(errorOf(await api.exec(UPDATE, { input: { id, capacity: -5 } }, { as: CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.capacity" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: toGlobalId("MentoringProject", randomUUID()), capacity: 1 } }, { as: CONSULTANT }))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.id",
    });
    const [row] = await api.database.db.select().from(mentoringProjects).where(eq(mentoringProjects.name, "Patch me"));
    const audits = await api.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, row!.id), eq(auditLog.operation, "updateMentoringProject")));
    expect(audits.map((a) => a.actorRole)).toEqual(["PARTNER"]);
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, row!.id)).orderBy(domainEvents.position);
    expect(events.map((e) => (e.payload as { operation: string }).operation)).toEqual(["CREATED", "UPDATED"]);
  });
});

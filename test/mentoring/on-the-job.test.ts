// On-the-job training initiatives through the API: the public list searched in title, description,
// job profile and company name in any case, filtered by region, sector and company; adding one
// with its partners in one transaction (consultants, admins and a PARTNER of the company), its
// input rules, the audit row and the public event of ids only, and each role's answer.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { onTheJobTrainingPartners, onTheJobTrainings } from "../../db/schema/mentoring.js";
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
  query OnTheJobList($first: Int, $after: String, $filter: OnTheJobTrainingFilter) {
    onTheJobTrainings(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title(locale: NL) jobProfile company { name(locale: NL) } } }
    }
  }
`);

const CREATE = graphql(`
  mutation OnTheJobCreate($input: CreateOnTheJobTrainingInput!) {
    createOnTheJobTraining(input: $input) {
      training {
        id title(locale: EN) description(locale: NL) company { name(locale: NL) } partners { organisation { name(locale: NL) } role }
        jobProfile places regions languages sectors startsOn contactEmail website example
      }
    }
  }
`);

const companies = (data: { onTheJobTrainings: { edges: { node: { company: { name: string } } }[] } }) => data.onTheJobTrainings.edges.map((e) => e.node.company.name);

describe("the list of on-the-job trainings", () => {
  it("searches title, job profile and company name in any case", async () => {
    expect(companies(await api.ok(LIST, { filter: { search: "SECUREX" } }))).toEqual(["Securex"]);
    expect(companies(await api.ok(LIST, { filter: { search: "payrollmedew" } }))).toEqual(["Securex"]);
    expect(companies(await api.ok(LIST, { filter: { search: "ict-support" } }))).toEqual(["Accenture"]);
    expect((await api.ok(LIST, { filter: { search: "_" } })).onTheJobTrainings.totalCount).toBe(0);
  });

  it("filters by region, sector and company", async () => {
    expect(companies(await api.ok(LIST, { filter: { region: "BRUSSELS" } }))).toEqual(["Accenture"]);
    expect(companies(await api.ok(LIST, { filter: { sector: "finance" } }))).toEqual(["Securex"]);
    const randstad = await organisationId("Randstad");
    const byCompany = await api.ok(LIST, { filter: { companyId: toGlobalId("Organisation", randstad) } });
    expect(companies(byCompany)).toEqual(["Randstad"]);
    expect(byCompany.onTheJobTrainings.totalCount).toBe(1);
    expect(errorOf(await api.exec(LIST, { filter: { companyId: "nonsense" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.companyId" });
  });

  it("pages by title", async () => {
    const first = await api.ok(LIST, { first: 2 });
    expect(first.onTheJobTrainings.edges).toHaveLength(2);
    expect(first.onTheJobTrainings.pageInfo.hasNextPage).toBe(true);
    const rest = await api.ok(LIST, { first: 2, after: first.onTheJobTrainings.pageInfo.endCursor });
    expect(rest.onTheJobTrainings.pageInfo.hasNextPage).toBe(false);
    const all = [...first.onTheJobTrainings.edges, ...rest.onTheJobTrainings.edges].map((e) => e.node.title);
    expect(all).toHaveLength(3);
    expect(new Set(all).size).toBe(3);
  });
});

describe("createOnTheJobTraining", () => {
  const input = (company: string, partners: { organisationId: string; role: "SOCIAL" | "PUBLIC" }[] = []) => ({
    title: { nl: "Opleiding magazijnier", en: "Warehouse training" },
    description: { nl: "Zes weken leren op de werkvloer." },
    companyId: toGlobalId("Organisation", company),
    partners: partners.map((p) => ({ ...p, organisationId: toGlobalId("Organisation", p.organisationId) })),
    jobProfile: "Magazijnier",
    places: 8,
    regions: ["ANTWERP" as const],
    languages: ["nl"],
    sectors: ["logistics"],
    startsOn: "2027-02-01",
    contactEmail: "training@example.org",
    website: "https://example.org/training",
  });

  it("adds a company's training with its partners for a PARTNER of the company, audited, with a public event of ids only", async () => {
    const [randstad, vdab, youthStart] = [await organisationId("Randstad"), await organisationId("VDAB"), await organisationId("YouthStart")];
    const { createOnTheJobTraining } = await api.ok(
      CREATE,
      {
        input: input(randstad, [
          { organisationId: youthStart, role: "SOCIAL" },
          { organisationId: vdab, role: "PUBLIC" },
        ]),
      },
      { as: partnerOf(randstad) },
    );
    expect(createOnTheJobTraining.training).toMatchObject({
      title: "Warehouse training",
      company: { name: "Randstad" },
      partners: [
        { organisation: { name: "YouthStart" }, role: "SOCIAL" },
        { organisation: { name: "VDAB" }, role: "PUBLIC" },
      ],
      jobProfile: "Magazijnier",
      places: 8,
      startsOn: "2027-02-01",
      example: false,
    });
    const [row] = await api.database.db.select().from(onTheJobTrainings).where(eq(onTheJobTrainings.jobProfile, "Magazijnier"));
    expect((await api.database.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id))).map((a) => [a.operation, a.actorRole])).toEqual([
      ["createOnTheJobTraining", "PARTNER"],
    ]);
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.entityId, row!.id)).orderBy(domainEvents.position);
    expect(events.map((e) => e.payload)).toEqual([{ trainingId: row!.id, companyId: randstad, operation: "CREATED" }]);
  });

  it("is for consultants, admins and a PARTNER of the company", async () => {
    const randstad = await organisationId("Randstad");
    const securex = await organisationId("Securex");
    const cases: [Actor | undefined, string | null][] = [
      [CONSULTANT, null],
      [ADMIN, null],
      [partnerOf(randstad), null],
      [partnerOf(securex), "FORBIDDEN"],
      [expertOf(randstad), "FORBIDDEN"],
      [memberOf(randomUUID()), "FORBIDDEN"],
      [undefined, "UNAUTHENTICATED"],
    ];
    for (const [as, code] of cases) {
      const result = await api.exec(CREATE, { input: input(randstad) }, as ? { as } : {});
      expect(errorOf(result).code ?? null, JSON.stringify(as)).toBe(code);
    }
    expect(await api.database.db.select().from(onTheJobTrainings).where(eq(onTheJobTrainings.jobProfile, "Magazijnier"))).toHaveLength(3);
  });

  it("checks its input and writes nothing when a partner is not there", async () => {
    const randstad = await organisationId("Randstad");
    const vdab = await organisationId("VDAB");
    const bad = async (over: Record<string, unknown>, field: string, code = "BAD_USER_INPUT") =>
      expect(errorOf(await api.exec(CREATE, { input: { ...input(randstad), ...over } as never }, { as: CONSULTANT }))).toMatchObject({ code, field });
    await bad({ places: -1 }, "input.places");
    await bad({ jobProfile: " " }, "input.jobProfile");
    await bad({ title: { nl: "" } }, "input.title.nl");
    await bad({ languages: ["english"] }, "input.languages.0");
    await bad({ contactEmail: "training@" }, "input.contactEmail");
    await bad({ website: "javascript:alert(1)" }, "input.website");
    await bad({ companyId: toGlobalId("Organisation", randomUUID()) }, "input.companyId", "NOT_FOUND");
    await bad(
      {
        partners: [
          { organisationId: toGlobalId("Organisation", vdab), role: "PUBLIC" },
          { organisationId: toGlobalId("Organisation", randomUUID()), role: "SOCIAL" },
        ],
      },
      "input.partners.1.organisationId",
      "NOT_FOUND",
    );
    await bad(
      {
        partners: [
          { organisationId: toGlobalId("Organisation", vdab), role: "PUBLIC" },
          { organisationId: toGlobalId("Organisation", vdab), role: "SOCIAL" },
        ],
      },
      "input.partners.1.organisationId",
    );
    await bad({ partners: [{ organisationId: toGlobalId("Organisation", randstad), role: "SOCIAL" }] }, "input.partners.0.organisationId");
    expect(await api.database.db.select().from(onTheJobTrainings).where(eq(onTheJobTrainings.jobProfile, "Magazijnier"))).toHaveLength(0);
    expect((await api.database.db.select().from(onTheJobTrainingPartners)).length).toBe(6);
  });
});

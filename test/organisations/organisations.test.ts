// Organisations through the API: translatable names in the request's language, the input
// rules of createOrganisation and updateOrganisation, who may write, the audit row every write
// leaves, and the list with its filters, order and pages.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CreateOrganisationInput, OrganisationFilter, OrganisationKind, OrganisationsListQuery } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

graphql(`
  fragment OrganisationFields on Organisation {
    id
    name
    nameTranslations { nl fr en }
    description
    descriptionTranslations { nl fr en }
    kind
    website
    createdAt
    updatedAt
  }
`);
const CREATE = graphql(`
  mutation OrganisationsCreate($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) { organisation { ...OrganisationFields } }
  }
`);
const UPDATE = graphql(`
  mutation OrganisationsUpdate($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) { organisation { ...OrganisationFields } }
  }
`);
const READ = graphql(`
  query OrganisationsRead($id: ID!) { organisation(id: $id) { ...OrganisationFields } }
`);
const LIST = graphql(`
  query OrganisationsList($first: Int, $after: String, $filter: OrganisationFilter) {
    organisations(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name nameTranslations { nl fr en } kind } }
    }
  }
`);
const AUDIT = graphql(`
  query OrganisationsAudit($id: ID!) {
    auditLog(filter: { entityId: $id }) {
      totalCount
      edges { node { actorRole actorSubject operation entityType entityId before after } }
    }
  }
`);
const AUDIT_COUNT = graphql(`query OrganisationsAuditCount { auditLog { totalCount } }`);

const vvsg = {
  name: { nl: "Vereniging van Vlaamse Steden en Gemeenten", fr: "Association des villes et communes flamandes", en: "Association of Flemish Cities and Municipalities" },
  description: { nl: "Sociale partner aan werkgeverszijde.", en: "Employer-side social partner." },
  kind: "SECTOR_ASSOCIATION",
  website: "https://www.vvsg.be",
} satisfies CreateOrganisationInput;

const PARTNER = { role: "PARTNER" as const, org: "00000000-0000-4000-8000-000000000001" };
const EXPERT = { role: "EXPERT" as const, org: "00000000-0000-4000-8000-000000000001" };
const BOARD_MEMBER = { role: "BOARD_MEMBER" as const, board: "00000000-0000-4000-8000-000000000002" };

const names = (connection: { edges: readonly { node: { name: string } }[] }): string[] => connection.edges.map((e) => e.node.name);

async function create(input: CreateOrganisationInput) {
  const data = await api.ok(CREATE, { input }, { as: "CONSULTANT" });
  return data.createOrganisation.organisation;
}

async function total(filter?: OrganisationFilter): Promise<number> {
  return (await api.ok(LIST, { filter })).organisations.totalCount;
}

function globalId(type: string, uuid: string): string {
  return Buffer.from(`${type}:${uuid}`).toString("base64url");
}

describe("createOrganisation", () => {
  it("creates an organisation for a consultant and reads it back by its opaque id", async () => {
    const created = await create(vvsg);
    expect(created).toMatchObject({
      name: vvsg.name.nl,
      nameTranslations: vvsg.name,
      description: vvsg.description.nl,
      descriptionTranslations: { ...vvsg.description, fr: null },
      kind: "SECTOR_ASSOCIATION",
      website: "https://www.vvsg.be",
    });
    expect(Buffer.from(created.id, "base64url").toString()).toMatch(/^Organisation:[0-9a-f-]{36}$/);
    expect(new Date(created.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const read = await api.ok(READ, { id: created.id });
    expect(read.organisation).toEqual(created);
    const node = await api.ok(graphql(`query OrganisationsNode($id: ID!) { node(id: $id) { __typename ... on Organisation { nameTranslations { nl } } } }`), { id: created.id });
    expect(node.node).toEqual({ __typename: "Organisation", nameTranslations: { nl: vvsg.name.nl } });
    expect(await total()).toBe(1);
  });

  it("lets an admin create too, and leaves the optional fields empty when not given", async () => {
    const data = await api.ok(CREATE, { input: { name: { nl: "Ligo" }, kind: "NON_PROFIT" } }, { as: "ADMIN" });
    expect(data.createOrganisation.organisation).toMatchObject({
      name: "Ligo",
      nameTranslations: { nl: "Ligo", fr: null, en: null },
      description: null,
      descriptionTranslations: null,
      website: null,
    });
  });

  it("writes an audit row with the actor, the operation and the state after", async () => {
    const created = await create(vvsg);
    const log = await api.ok(AUDIT, { id: created.id }, { as: "ADMIN" });
    expect(log.auditLog.totalCount).toBe(1);
    const entry = log.auditLog.edges[0]!.node;
    expect(entry).toMatchObject({
      actorRole: "CONSULTANT",
      actorSubject: "dev-consultant",
      operation: "createOrganisation",
      entityType: "Organisation",
      entityId: created.id,
      before: null,
    });
    expect(entry.after).toMatchObject({ name: vvsg.name, kind: "SECTOR_ASSOCIATION", website: "https://www.vvsg.be" });
  });

  it("refuses a blank Dutch name, naming the field, and writes nothing", async () => {
    for (const nl of ["", "   "]) {
      const result = await api.exec(CREATE, { input: { ...vvsg, name: { nl, fr: "Nom" } } }, { as: "ADMIN" });
      expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.name.nl" });
      expect(result.errors?.[0]?.message).toContain("must not be empty");
      expect(result.data).toBeNull();
    }
    const blankDescription = await api.exec(CREATE, { input: { ...vvsg, description: { nl: " ", en: "Text" } } }, { as: "ADMIN" });
    expect(errorOf(blankDescription)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.description.nl" });
    expect(await total()).toBe(0);
    expect((await api.ok(AUDIT_COUNT, {}, { as: "ADMIN" })).auditLog.totalCount).toBe(0);
  });

  it.each([["javascript:alert(1)"], ["ftp://x"], ["www.vvsg.be"], ["http://"], ["mailto:info@vvsg.be"]])("refuses the website %s, naming the field", async (website) => {
    const result = await api.exec(CREATE, { input: { ...vvsg, website } }, { as: "ADMIN" });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.website" });
    expect(result.errors?.[0]?.message).toContain("http(s)");
    expect(await total()).toBe(0);
  });

  it("accepts http and https addresses, trimmed", async () => {
    expect((await create({ ...vvsg, website: "  http://example.org/pad?x=1  " })).website).toBe("http://example.org/pad?x=1");
    expect((await create({ ...vvsg, website: "HTTPS://www.unia.be" })).website).toBe("HTTPS://www.unia.be");
  });

  it("trims translations and drops empty optional ones", async () => {
    const created = await create({ ...vvsg, name: { nl: "  Mediawijs ", fr: "  ", en: " Media literacy  " } });
    expect(created.nameTranslations).toEqual({ nl: "Mediawijs", fr: null, en: "Media literacy" });
    // A dropped translation falls back to Dutch rather than showing an empty name.
    const french = await api.ok(graphql(`query OrganisationsName($id: ID!) { organisation(id: $id) { name } }`), { id: created.id }, { acceptLanguage: "fr" });
    expect(french.organisation!.name).toBe("Mediawijs");
    const empty = await create({ ...vvsg, name: { nl: "Ligo", fr: "", en: null } });
    expect(empty.nameTranslations).toEqual({ nl: "Ligo", fr: null, en: null });
  });

  it("refuses an unknown kind before anything runs", async () => {
    // Deliberately not a kind the schema has.
    const result = await api.exec(CREATE, { input: { ...vvsg, kind: "CHARITY" as OrganisationKind } }, { as: "ADMIN" });
    expect(errorOf(result).code).toBe("BAD_USER_INPUT");
    expect(await total()).toBe(0);
  });

  it("needs ADMIN or CONSULTANT: anonymous is UNAUTHENTICATED, other roles FORBIDDEN, and nothing is written", async () => {
    await create(vvsg);
    expect(errorOf(await api.exec(CREATE, { input: { ...vvsg, name: { nl: "Anoniem" } } }))).toMatchObject({ code: "UNAUTHENTICATED" });
    for (const actor of [PARTNER, EXPERT, BOARD_MEMBER]) {
      const result = await api.exec(CREATE, { input: { ...vvsg, name: { nl: `Door ${actor.role}` } } }, { as: actor });
      expect(errorOf(result).code).toBe("FORBIDDEN");
    }
    expect(await total()).toBe(1);
    expect((await api.ok(AUDIT_COUNT, {}, { as: "ADMIN" })).auditLog.totalCount).toBe(1);
  });
});

describe("enterprise numbers", () => {
  const ENTERPRISE = graphql(`
    mutation OrganisationsEnterprise($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id enterpriseNumber } } }
  `);
  const attempt = (enterpriseNumber: string) => api.exec(ENTERPRISE, { input: { name: { nl: "Proximus" }, kind: "COMPANY", enterpriseNumber } }, { as: "CONSULTANT" });

  it("stores a valid number in the sources' form, whatever dots, spaces or BE prefix it came with", async () => {
    for (const given of ["BE 0202239951", "0202.239.951", "0202 239 951"]) {
      await api.reset();
      const result = await attempt(given);
      expect(result.errors).toBeUndefined();
      expect(result.data?.createOrganisation.organisation.enterpriseNumber).toBe("0202.239.951");
    }
  });

  it("refuses wrong check digits, a wrong length or first digit, and a number another organisation has", async () => {
    for (const bad of ["0202.239.952", "202.239.951", "2202.239.951"]) {
      expect(errorOf(await attempt(bad))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.enterpriseNumber" });
    }
    expect((await attempt("0202239951")).errors).toBeUndefined();
    expect(errorOf(await attempt("BE0202.239.951"))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.enterpriseNumber",
      message: expect.stringMatching(/another organisation/),
    });
  });

  it("clears an enterprise number with an explicit null and leaves it when left out", async () => {
    const created = (await api.ok(ENTERPRISE, { input: { name: { nl: "Proximus" }, kind: "COMPANY", enterpriseNumber: "0202239951" } }, { as: "CONSULTANT" })).createOrganisation
      .organisation;
    const kept = await api.ok(UPDATE, { input: { id: created.id, website: "https://www.proximus.be" } }, { as: "CONSULTANT" });
    expect(kept.updateOrganisation.organisation.website).toBe("https://www.proximus.be");
    const read = graphql(`query OrganisationsEnterpriseRead($id: ID!) { organisation(id: $id) { enterpriseNumber } }`);
    expect((await api.ok(read, { id: created.id })).organisation?.enterpriseNumber).toBe("0202.239.951");
    await api.ok(UPDATE, { input: { id: created.id, enterpriseNumber: null } }, { as: "CONSULTANT" });
    expect((await api.ok(read, { id: created.id })).organisation?.enterpriseNumber).toBeNull();
  });
});

describe("languages", () => {
  let regering: { id: string };
  let workitects: { id: string };
  beforeEach(async () => {
    regering = await create({
      name: { nl: "Vlaamse Regering", fr: "Gouvernement flamand", en: "Flemish Government" },
      description: { nl: "Verstrekt de toelage.", fr: "Octroie la subvention." },
      kind: "GOVERNMENT",
    });
    workitects = await create({ name: { nl: "Workitects" }, description: { nl: "Begeleidt trajecten." }, kind: "SERVICE_PROVIDER" });
  });

  const ONE = graphql(`query OrganisationsInViewerLanguage($id: ID!) { organisation(id: $id) { name description } viewer { locale } }`);

  it("answers in Dutch without an Accept-Language header", async () => {
    const data = await api.ok(ONE, { id: regering.id });
    expect(data.organisation).toEqual({ name: "Vlaamse Regering", description: "Verstrekt de toelage." });
    expect(data.viewer.locale).toBe("NL");
  });

  it("follows the Accept-Language header", async () => {
    const fr = await api.ok(ONE, { id: regering.id }, { acceptLanguage: "fr-BE,fr;q=0.9" });
    expect(fr.organisation).toEqual({ name: "Gouvernement flamand", description: "Octroie la subvention." });
    expect(fr.viewer.locale).toBe("FR");
    const en = await api.ok(ONE, { id: regering.id }, { acceptLanguage: "en-GB,en;q=0.8" });
    expect(en.organisation!.name).toBe("Flemish Government");
    expect(en.viewer.locale).toBe("EN");
  });

  it("falls back to Dutch when the translation is missing", async () => {
    const en = await api.ok(ONE, { id: workitects.id }, { acceptLanguage: "en" });
    expect(en.organisation).toEqual({ name: "Workitects", description: "Begeleidt trajecten." });
    expect(en.viewer.locale).toBe("EN");
    // The name has an English translation, the description has not.
    const mixed = await api.ok(ONE, { id: regering.id }, { acceptLanguage: "en" });
    expect(mixed.organisation).toEqual({ name: "Flemish Government", description: "Verstrekt de toelage." });
  });

  it("lets the field's locale argument override the header", async () => {
    const data = await api.ok(
      graphql(`query OrganisationsLocaleArguments($id: ID!) { organisation(id: $id) { name en: name(locale: EN) nl: name(locale: NL) frDescription: description(locale: FR) } }`),
      { id: regering.id },
      { acceptLanguage: "fr-BE,fr;q=0.9" },
    );
    expect(data.organisation).toEqual({ name: "Gouvernement flamand", en: "Flemish Government", nl: "Vlaamse Regering", frDescription: "Octroie la subvention." });
    const fallback = await api.ok(
      graphql(`query OrganisationsNameInFrench($id: ID!) { organisation(id: $id) { name(locale: FR) } }`),
      { id: workitects.id },
      { acceptLanguage: "en" },
    );
    expect(fallback.organisation!.name).toBe("Workitects");
  });

  it("returns every translation in nameTranslations whatever the language asked", async () => {
    const TRANSLATIONS = graphql(`query OrganisationsTranslations($id: ID!) { organisation(id: $id) { nameTranslations { nl fr en } descriptionTranslations { nl fr en } } }`);
    for (const acceptLanguage of [undefined, "fr", "en"]) {
      const data = await api.ok(TRANSLATIONS, { id: regering.id }, { acceptLanguage });
      expect(data.organisation).toEqual({
        nameTranslations: { nl: "Vlaamse Regering", fr: "Gouvernement flamand", en: "Flemish Government" },
        descriptionTranslations: { nl: "Verstrekt de toelage.", fr: "Octroie la subvention.", en: null },
      });
    }
  });

  it("names lists in the request's language too", async () => {
    const list = await api.ok(LIST, {}, { acceptLanguage: "fr" });
    expect(names(list.organisations).sort()).toEqual(["Gouvernement flamand", "Workitects"]);
  });

  it.each([
    ["fr-BE,fr;q=0.9", "FR"],
    ["de-DE,de;q=0.9,en;q=0.5", "EN"],
    ["en;q=0.2,fr;q=0.7", "FR"],
    ["de", "NL"],
    ["fr;q=0", "NL"],
  ])("reports the language of %s in viewer.locale as %s", async (acceptLanguage, locale) => {
    const data = await api.ok(graphql(`query OrganisationsViewer { viewer { locale role } }`), {}, { acceptLanguage });
    expect(data.viewer).toEqual({ locale, role: "ANONYMOUS" });
  });
});

describe("updateOrganisation", () => {
  it("changes only the fields given", async () => {
    const created = await create(vvsg);
    const updated = (await api.ok(UPDATE, { input: { id: created.id, website: "https://vvsg.be/nieuw" } }, { as: "ADMIN" })).updateOrganisation.organisation;
    expect(updated).toMatchObject({
      id: created.id,
      nameTranslations: vvsg.name,
      descriptionTranslations: created.descriptionTranslations,
      kind: "SECTOR_ASSOCIATION",
      website: "https://vvsg.be/nieuw",
      createdAt: created.createdAt,
    });
    expect(new Date(updated.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(created.updatedAt).getTime());

    const kind = (await api.ok(UPDATE, { input: { id: created.id, kind: "SOCIAL_PARTNER" } }, { as: "CONSULTANT" })).updateOrganisation.organisation;
    expect(kind).toMatchObject({ kind: "SOCIAL_PARTNER", website: "https://vvsg.be/nieuw", nameTranslations: vvsg.name });
    expect((await api.ok(READ, { id: created.id })).organisation).toMatchObject({ kind: "SOCIAL_PARTNER", website: "https://vvsg.be/nieuw" });
  });

  it("replaces the name as a whole, with the same rules as on create", async () => {
    const created = await create(vvsg);
    const renamed = (await api.ok(UPDATE, { input: { id: created.id, name: { nl: " VVSG ", fr: "  " } } }, { as: "ADMIN" })).updateOrganisation.organisation;
    expect(renamed.nameTranslations).toEqual({ nl: "VVSG", fr: null, en: null });
    const blank = await api.exec(UPDATE, { input: { id: created.id, name: { nl: " " } } }, { as: "ADMIN" });
    expect(errorOf(blank)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.name.nl" });
    const website = await api.exec(UPDATE, { input: { id: created.id, website: "javascript:alert(1)" } }, { as: "ADMIN" });
    expect(errorOf(website)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.website" });
    expect((await api.ok(READ, { id: created.id })).organisation).toMatchObject({ nameTranslations: { nl: "VVSG", fr: null, en: null }, website: vvsg.website });
  });

  it("refuses null for the name and the kind, and changes nothing", async () => {
    const created = await create(vvsg);
    const name = await api.exec(UPDATE, { input: { id: created.id, name: null } }, { as: "ADMIN" });
    expect(errorOf(name)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.name" });
    expect(name.errors?.[0]?.message).toContain("must not be null");
    const kind = await api.exec(UPDATE, { input: { id: created.id, kind: null } }, { as: "ADMIN" });
    expect(errorOf(kind)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.kind" });
    expect((await api.ok(READ, { id: created.id })).organisation).toEqual(created);
    expect((await api.ok(AUDIT, { id: created.id }, { as: "ADMIN" })).auditLog.totalCount).toBe(1);
  });

  it("clears the description and the website with an explicit null", async () => {
    const created = await create(vvsg);
    const cleared = (await api.ok(UPDATE, { input: { id: created.id, description: null } }, { as: "ADMIN" })).updateOrganisation.organisation;
    expect(cleared).toMatchObject({ description: null, descriptionTranslations: null, website: vvsg.website, nameTranslations: vvsg.name });
    const noSite = (await api.ok(UPDATE, { input: { id: created.id, website: null } }, { as: "ADMIN" })).updateOrganisation.organisation;
    expect(noSite).toMatchObject({ website: null, description: null, nameTranslations: vvsg.name });
  });

  it("answers NOT_FOUND for an unknown organisation and BAD_USER_INPUT for an id of another type", async () => {
    const missing = globalId("Organisation", "00000000-0000-4000-8000-000000000000");
    expect(errorOf(await api.exec(UPDATE, { input: { id: missing, kind: "COMPANY" } }, { as: "ADMIN" }))).toMatchObject({ code: "NOT_FOUND", field: "input.id" });
    const board = globalId("Board", "00000000-0000-4000-8000-000000000000");
    expect(errorOf(await api.exec(UPDATE, { input: { id: board, kind: "COMPANY" } }, { as: "ADMIN" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.id" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: "nonsense", kind: "COMPANY" } }, { as: "ADMIN" })).code).toBe("BAD_USER_INPUT");
    expect((await api.ok(AUDIT_COUNT, {}, { as: "ADMIN" })).auditLog.totalCount).toBe(0);
  });

  it("writes an audit row with the state before and after", async () => {
    const created = await create(vvsg);
    await api.ok(UPDATE, { input: { id: created.id, website: "https://vvsg.be/nieuw", description: null } }, { as: "ADMIN" });
    const log = await api.ok(AUDIT, { id: created.id }, { as: "ADMIN" });
    expect(log.auditLog.totalCount).toBe(2);
    // Newest first: the update, then the creation.
    expect(log.auditLog.edges.map((e) => e.node.operation)).toEqual(["updateOrganisation", "createOrganisation"]);
    const entry = log.auditLog.edges[0]!.node;
    expect(entry).toMatchObject({ actorRole: "ADMIN", actorSubject: "dev-admin", entityType: "Organisation", entityId: created.id });
    expect(entry.before).toMatchObject({ website: "https://www.vvsg.be", description: vvsg.description, name: vvsg.name });
    expect(entry.after).toMatchObject({ website: "https://vvsg.be/nieuw", description: null, name: vvsg.name });
  });

  it("needs ADMIN or CONSULTANT, and a refused update changes nothing", async () => {
    const created = await create(vvsg);
    const input = { id: created.id, website: "https://example.org" };
    expect(errorOf(await api.exec(UPDATE, { input })).code).toBe("UNAUTHENTICATED");
    for (const actor of [PARTNER, EXPERT, BOARD_MEMBER]) {
      expect(errorOf(await api.exec(UPDATE, { input }, { as: actor })).code).toBe("FORBIDDEN");
    }
    expect((await api.ok(READ, { id: created.id })).organisation!.website).toBe(vvsg.website);
    expect((await api.ok(AUDIT, { id: created.id }, { as: "ADMIN" })).auditLog.totalCount).toBe(1);
  });
});

describe("organisations", () => {
  beforeEach(async () => {
    // The English names sort the other way round from the Dutch ones.
    await create({ name: { nl: "Alfa Advies", en: "Zulu Consulting" }, kind: "SERVICE_PROVIDER" });
    await create({ name: { nl: "Bravo Bureau", fr: "Bureau Charlie", en: "Yankee Office" }, kind: "SERVICE_PROVIDER" });
    await create({ name: { nl: "Christelijke Vakbond", fr: "Confédération des syndicats chrétiens", en: "Xray Union" }, kind: "SOCIAL_PARTNER" });
    await create({ name: { nl: "Delta Overheid", en: "Whiskey Government" }, kind: "GOVERNMENT" });
    await create({ name: { nl: "100% Echo_vzw" }, kind: "NON_PROFIT" });
  });

  it("filters by kind and reports the filtered total", async () => {
    const providers = await api.ok(LIST, { filter: { kind: "SERVICE_PROVIDER" } });
    expect(providers.organisations.totalCount).toBe(2);
    expect(names(providers.organisations)).toEqual(["Alfa Advies", "Bravo Bureau"]);
    expect(await total({ kind: "COMPANY" })).toBe(0);
    expect(await total({ kind: "SOCIAL_PARTNER", search: "alfa" })).toBe(0);
  });

  it("searches the name in any language, case-insensitive", async () => {
    const french = await api.ok(LIST, { filter: { search: "syndicats chrétiens" } });
    expect(french.organisations.edges.map((e) => e.node.nameTranslations.nl)).toEqual(["Christelijke Vakbond"]);
    expect(names((await api.ok(LIST, { filter: { search: "WHISKEY" } })).organisations)).toEqual(["Delta Overheid"]);
    expect(names((await api.ok(LIST, { filter: { search: "bureau" } })).organisations)).toEqual(["Bravo Bureau"]);
    expect(names((await api.ok(LIST, { filter: { search: "  advies  " } })).organisations)).toEqual(["Alfa Advies"]);
    expect(await total({ search: "nergens" })).toBe(0);
    // LIKE wildcards in a search are literal text.
    expect(names((await api.ok(LIST, { filter: { search: "%" } })).organisations)).toEqual(["100% Echo_vzw"]);
    expect(names((await api.ok(LIST, { filter: { search: "_" } })).organisations)).toEqual(["100% Echo_vzw"]);
    // As a wildcard "_" would match the space in "Alfa Advies".
    expect(await total({ search: "a_a" })).toBe(0);
  });

  it("refuses a search longer than 100 characters", async () => {
    expect(errorOf(await api.exec(LIST, { filter: { search: "x".repeat(101) } }))).toMatchObject({ code: "BAD_USER_INPUT", field: expect.stringMatching(/(^|\.)filter\.search$/) });
  });

  it("orders by the Dutch name whatever the language asked", async () => {
    const dutchOrder = ["100% Echo_vzw", "Alfa Advies", "Bravo Bureau", "Christelijke Vakbond", "Delta Overheid"];
    expect(names((await api.ok(LIST, {})).organisations)).toEqual(dutchOrder);
    const english = await api.ok(LIST, {}, { acceptLanguage: "en" });
    expect(english.organisations.edges.map((e) => e.node.nameTranslations.nl)).toEqual(dutchOrder);
    expect(names(english.organisations)).toEqual(["100% Echo_vzw", "Zulu Consulting", "Yankee Office", "Xray Union", "Whiskey Government"]);
  });

  it("pages with first/after through every organisation exactly once, ties on the name included", async () => {
    // Three organisations share one Dutch name, so the id has to break the tie across pages.
    for (let i = 0; i < 3; i++) await create({ name: { nl: "Bravo Bureau" }, kind: "COMPANY" });
    const all = (await api.ok(LIST, { first: 100 })).organisations;
    expect(all.totalCount).toBe(8);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: OrganisationsListQuery["organisations"] = (await api.ok(LIST, { first: 3, after })).organisations;
      expect(page.totalCount).toBe(8);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(page.pageInfo.startCursor).toBe(page.edges[0]!.cursor);
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen).toEqual(all.edges.map((e) => e.node.id));
  });

  it("pages within a filter", async () => {
    const first = (await api.ok(LIST, { first: 1, filter: { kind: "SERVICE_PROVIDER" } })).organisations;
    expect(names(first)).toEqual(["Alfa Advies"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await api.ok(LIST, { first: 1, after: first.pageInfo.endCursor, filter: { kind: "SERVICE_PROVIDER" } })).organisations;
    expect(names(second)).toEqual(["Bravo Bureau"]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it("refuses more than 100 a page, a negative page, and a forged cursor", async () => {
    expect(errorOf(await api.exec(LIST, { first: 101 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(LIST, { first: -1 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(LIST, { after: "bm90LWEtY3Vyc29y" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    expect((await api.ok(LIST, { first: 100 })).organisations.edges).toHaveLength(5);
  });

  it("returns null for an unknown organisation id", async () => {
    const missing = globalId("Organisation", "00000000-0000-4000-8000-000000000000");
    expect((await api.ok(graphql(`query OrganisationsReadId($id: ID!) { organisation(id: $id) { id } }`), { id: missing })).organisation).toBeNull();
  });
});

describe("auditLog", () => {
  it("is for admins only: CONSULTANT and PARTNER are FORBIDDEN, anonymous UNAUTHENTICATED", async () => {
    await create(vvsg);
    const query = graphql(`query OrganisationsAuditOperations { auditLog { totalCount edges { node { operation } } } }`);
    const consultant = await api.exec(query, {}, { as: "CONSULTANT" });
    expect(errorOf(consultant).code).toBe("FORBIDDEN");
    expect(consultant.data).toBeNull();
    expect(errorOf(await api.exec(query, {}, { as: PARTNER })).code).toBe("FORBIDDEN");
    const anonymous = await api.exec(query);
    expect(errorOf(anonymous).code).toBe("UNAUTHENTICATED");
    expect(anonymous.data).toBeNull();
    expect((await api.ok(query, {}, { as: "ADMIN" })).auditLog.totalCount).toBe(1);
  });
});

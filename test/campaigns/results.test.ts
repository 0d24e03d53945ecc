// A campaign's results as editors write them and everyone reads them: created as drafts from a
// confirmed selection (a selected board, one of the campaign's themes as the campaign spells it),
// corrected until published, moved one step at a time (draft, intermediate, published) with the
// audit row and the typed event of each step in the same transaction (and neither when a step is
// refused); the library of every campaign's results by Dutch title, filtered by theme, kind,
// status, campaign and title, paged; and a page of results with its campaign, board and option in
// a fixed number of statements. Who sees which result is test/campaigns/embargo.test.ts.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { campaignApplications, campaignResults, campaigns } from "../../db/schema/campaigns.js";
import type { CampaignResultLibraryFilter, CreateCampaignResultInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { ADMIN, type CampaignFixture, CONSULTANT, loadCampaignFixture, memberOf } from "../helpers/campaigns.js";
import { onPostgres } from "../helpers/db.js";
import { globalId, MISSING_UUID, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: CampaignFixture;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  fx ??= await loadCampaignFixture(api);
});

const CREATE = graphql(`
  mutation ResultsCreate($input: CreateCampaignResultInput!) {
    createCampaignResult(input: $input) {
      result {
        id kind status theme link example viewerCanPublish intermediateAt publishedAt
        title(locale: NL) titleFr: title(locale: FR) titleTranslations { nl fr en } description(locale: NL)
        campaign { id } board { id } option { position }
      }
    }
  }
`);
const UPDATE = graphql(`
  mutation ResultsUpdate($input: UpdateCampaignResultInput!) {
    updateCampaignResult(input: $input) { result { id status theme link title(locale: NL) description(locale: NL) } }
  }
`);
const PUBLISH = graphql(`
  mutation ResultsPublish($input: PublishResultInput!) {
    publishResult(input: $input) { result { id status intermediateAt publishedAt viewerCanPublish } }
  }
`);
const LIBRARY = graphql(`
  query ResultsLibrary($first: Int, $after: String, $filter: CampaignResultLibraryFilter) {
    campaignResults(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title(locale: NL) theme kind status } }
    }
  }
`);
const LIBRARY_NESTED = graphql(`
  query ResultsLibraryNested($first: Int) {
    campaignResults(first: $first) {
      edges { node { id title(locale: NL) viewerCanPublish campaign { id selectionSize } board { id name } option { position kind } } }
    }
  }
`);
const NODE = graphql(`
  query ResultsNode($id: ID!) { node(id: $id) { __typename id ... on CampaignResult { status title(locale: EN) } } }
`);

const as = { as: CONSULTANT };
const selectedBoard = () => globalId("Board", fx.selectedBoardIds[0]!);

function createInput(input: Partial<CreateCampaignResultInput> = {}): CreateCampaignResultInput {
  return {
    campaignId: fx.campaignId,
    boardId: selectedBoard(),
    kind: "GOOD_PRACTICE",
    title: { nl: "Goede praktijk vacatures", fr: "Bonne pratique offres d'emploi" },
    description: { nl: "Hoe het bestuur\nzijn vacatures sneller invult." },
    theme: "Aanwerving en selectie",
    link: "https://example.org/praktijk",
    ...input,
  };
}

async function create(input: Partial<CreateCampaignResultInput> = {}) {
  return (await api.ok(CREATE, { input: createInput(input) }, as)).createCampaignResult.result;
}

const publish = (resultId: string, status: "DRAFT" | "INTERMEDIATE" | "PUBLISHED", options = as) => api.exec(PUBLISH, { input: { resultId, status } }, options);

/** The outbox rows and audit rows written for a result, oldest first. */
async function eventsOf(resultGlobalId: string) {
  return api.database.db
    .select({ name: domainEvents.name, payload: domainEvents.payload })
    .from(domainEvents)
    .where(eq(domainEvents.entityId, rowId(resultGlobalId)))
    .orderBy(domainEvents.position);
}
async function auditOf(resultGlobalId: string) {
  return api.database.db
    .select({ operation: auditLog.operation, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, "CampaignResult"), eq(auditLog.entityId, rowId(resultGlobalId))))
    .orderBy(auditLog.createdAt);
}

/** A second campaign, its selection confirmed (or not), with the given themes; its row id. */
async function insertCampaign(title: string, themes: string[], confirmed = true): Promise<string> {
  const [row] = await api.database.db
    .insert(campaigns)
    .values({ title: { nl: title }, themes, selectionSize: 1, selectionConfirmedAt: confirmed ? new Date("2025-01-15T10:00:00Z") : null })
    .returning({ id: campaigns.id });
  return row!.id;
}

type ResultRow = typeof campaignResults.$inferInsert;

/** Results written straight into the table, in any status (for sizes and states the API's steps are tested on elsewhere). */
async function insertResults(rows: (Omit<Partial<ResultRow>, "title"> & { title: string })[]) {
  const values = rows.map(({ title, ...r }): ResultRow => {
    const status = r.status ?? "PUBLISHED";
    return {
      campaignId: fx.campaignRowId,
      kind: "INSTRUMENT",
      theme: "Flexibel werken",
      intermediateAt: status === "DRAFT" ? null : new Date("2025-02-01T10:00:00Z"),
      publishedAt: status === "PUBLISHED" ? new Date("2025-03-01T10:00:00Z") : null,
      ...r,
      status,
      title: { nl: title },
    };
  });
  const inserted = await api.database.db.insert(campaignResults).values(values).returning({ id: campaignResults.id });
  return inserted.map((r) => globalId("CampaignResult", r.id));
}

describe("createCampaignResult", () => {
  it("drafts a result of a selected board on one of the campaign's themes, with its audit row and its event", async () => {
    const result = await create({ theme: "  aanwerving EN SELECTIE " });
    expect(result).toMatchObject({
      kind: "GOOD_PRACTICE",
      status: "DRAFT",
      // Stored as the campaign spells it.
      theme: "Aanwerving en selectie",
      link: "https://example.org/praktijk",
      example: false,
      viewerCanPublish: true,
      intermediateAt: null,
      publishedAt: null,
      title: "Goede praktijk vacatures",
      titleFr: "Bonne pratique offres d'emploi",
      titleTranslations: { nl: "Goede praktijk vacatures", fr: "Bonne pratique offres d'emploi", en: null },
      description: "Hoe het bestuur\nzijn vacatures sneller invult.",
      campaign: { id: fx.campaignId },
      board: { id: selectedBoard() },
      option: null,
    });
    const [row] = await api.database.db
      .select()
      .from(campaignResults)
      .where(eq(campaignResults.id, rowId(result.id)));
    expect(row).toMatchObject({ campaignId: fx.campaignRowId, boardId: fx.selectedBoardIds[0], status: "DRAFT", theme: "Aanwerving en selectie" });
    expect(await auditOf(result.id)).toEqual([expect.objectContaining({ operation: "createCampaignResult", before: null })]);
    expect(await eventsOf(result.id)).toEqual([
      {
        name: "campaign.result.drafted",
        payload: {
          resultId: rowId(result.id),
          campaignId: fx.campaignRowId,
          boardId: fx.selectedBoardIds[0],
          kind: "GOOD_PRACTICE",
          theme: "Aanwerving en selectie",
          status: "DRAFT",
        },
      },
    ]);
  });

  it("drafts a result without a board, a description or a link", async () => {
    const result = await create({ boardId: null, description: null, link: null, kind: "TEMPLATE" });
    expect(result).toMatchObject({ kind: "TEMPLATE", board: null, description: null, link: null, status: "DRAFT" });
  });

  it("is for consultants and admins only", async () => {
    expect(errorOf(await api.exec(CREATE, { input: createInput() }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(CREATE, { input: createInput() }, { as: memberOf(fx.selectedBoardIds[0]!) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(CREATE, { input: createInput() }, { as: { role: "PARTNER", org: fx.partnerOrganisationId } }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await api.ok(CREATE, { input: createInput() }, { as: ADMIN })).createCampaignResult.result.status).toBe("DRAFT");
    expect(await api.database.db.select().from(campaignResults)).toHaveLength(1);
  });

  it("refuses a campaign whose selection is not confirmed: results come from the selected boards' trajectories", async () => {
    const open = await insertCampaign("Campagne in oproep", ["Flexibel werken"], false);
    const result = await api.exec(CREATE, { input: createInput({ campaignId: globalId("Campaign", open), boardId: null, theme: "Flexibel werken" }) }, as);
    expect(errorOf(result)).toMatchObject({ code: "CONFLICT", field: "input.campaignId" });
    expect(await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "campaign.result.drafted"))).toEqual([]);
  });

  it("refuses an unknown campaign and a board that is not one of the campaign's selected boards", async () => {
    expect(errorOf(await api.exec(CREATE, { input: createInput({ campaignId: globalId("Campaign", MISSING_UUID) }) }, as))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.campaignId",
    });
    expect(errorOf(await api.exec(CREATE, { input: createInput({ campaignId: selectedBoard() }) }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.campaignId" });
    for (const boardId of [fx.soundingBoardIds[0]!, fx.steeringBoardIds[0]!, fx.outsiderBoardId]) {
      expect(errorOf(await api.exec(CREATE, { input: createInput({ boardId: globalId("Board", boardId) }) }, as))).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.boardId",
      });
    }
    // A board selected in another campaign is not selected in this one.
    const other = await insertCampaign("Andere campagne", ["Flexibel werken"]);
    await api.database.db.insert(campaignApplications).values({ campaignId: other, boardId: fx.outsiderBoardId, status: "SELECTED", theme: "Flexibel werken" });
    expect(errorOf(await api.exec(CREATE, { input: createInput({ boardId: globalId("Board", fx.outsiderBoardId) }) }, as))).toMatchObject({ field: "input.boardId" });
    expect(await api.database.db.select().from(campaignResults)).toEqual([]);
  });

  it("refuses a theme the campaign does not have, a bad link and a blank title", async () => {
    expect(errorOf(await api.exec(CREATE, { input: createInput({ theme: "Digitalisering" }) }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.theme" });
    expect(errorOf(await api.exec(CREATE, { input: createInput({ link: "ftp://example.org/x" }) }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.link" });
    expect(errorOf(await api.exec(CREATE, { input: createInput({ title: { nl: "  " } }) }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    expect(await api.database.db.select().from(campaignResults)).toEqual([]);
  });
});

describe("updateCampaignResult", () => {
  it("changes the fields given, keeps the others, and emits campaign.result.updated", async () => {
    const result = await create();
    const updated = (await api.ok(UPDATE, { input: { id: result.id, title: { nl: "Vacatures sneller ingevuld" }, theme: "FLEXIBEL werken", link: null } }, as)).updateCampaignResult
      .result;
    expect(updated).toMatchObject({ title: "Vacatures sneller ingevuld", theme: "Flexibel werken", link: null, description: "Hoe het bestuur\nzijn vacatures sneller invult." });
    expect((await eventsOf(result.id)).map((e) => e.name)).toEqual(["campaign.result.drafted", "campaign.result.updated"]);
    expect((await auditOf(result.id)).map((a) => a.operation)).toEqual(["createCampaignResult", "updateCampaignResult"]);
  });

  it("writes no event and no audit row when nothing changes", async () => {
    const result = await create();
    await api.ok(UPDATE, { input: { id: result.id, title: { nl: "Goede praktijk vacatures", fr: "Bonne pratique offres d'emploi" }, theme: "aanwerving en selectie" } }, as);
    await api.ok(UPDATE, { input: { id: result.id } }, as);
    expect((await eventsOf(result.id)).map((e) => e.name)).toEqual(["campaign.result.drafted"]);
    expect(await auditOf(result.id)).toHaveLength(1);
  });

  it("changes an intermediate result, but a published one no longer", async () => {
    const result = await create();
    await publish(result.id, "INTERMEDIATE");
    expect((await api.ok(UPDATE, { input: { id: result.id, link: "https://example.org/v2" } }, as)).updateCampaignResult.result.link).toBe("https://example.org/v2");
    await publish(result.id, "PUBLISHED");
    expect(errorOf(await api.exec(UPDATE, { input: { id: result.id, link: "https://example.org/v3" } }, as))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    const [row] = await api.database.db
      .select()
      .from(campaignResults)
      .where(eq(campaignResults.id, rowId(result.id)));
    expect(row?.link).toBe("https://example.org/v2");
    expect((await eventsOf(result.id)).filter((e) => e.name === "campaign.result.updated")).toHaveLength(1);
  });

  it("validates like a create and is for editors only", async () => {
    const result = await create();
    expect(errorOf(await api.exec(UPDATE, { input: { id: result.id, theme: "Digitalisering" } }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.theme" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: result.id, title: null } }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: result.id, link: "not a link" } }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.link" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: globalId("CampaignResult", MISSING_UUID) } }, as))).toMatchObject({ code: "NOT_FOUND", field: "input.id" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: result.id, link: null } }, { as: memberOf(fx.selectedBoardIds[0]!) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await auditOf(result.id)).toHaveLength(1);
  });
});

describe("publishResult", () => {
  it("moves a draft to intermediate, then to published, each step with its audit row and its event", async () => {
    const result = await create();
    const intermediate = (await publish(result.id, "INTERMEDIATE")).data?.publishResult.result;
    expect(intermediate).toMatchObject({ status: "INTERMEDIATE", publishedAt: null, viewerCanPublish: true });
    expect(intermediate?.intermediateAt).toBeTruthy();
    const published = (await publish(result.id, "PUBLISHED")).data?.publishResult.result;
    expect(published).toMatchObject({ status: "PUBLISHED", intermediateAt: intermediate?.intermediateAt, viewerCanPublish: false });
    expect(published?.publishedAt).toBeTruthy();
    const events = await eventsOf(result.id);
    expect(events.map((e) => [e.name, (e.payload as { status: string }).status])).toEqual([
      ["campaign.result.drafted", "DRAFT"],
      ["campaign.result.intermediate", "INTERMEDIATE"],
      ["campaign.result.published", "PUBLISHED"],
    ]);
    const audit = await auditOf(result.id);
    expect(audit.map((a) => [a.operation, (a.before as { status: string } | null)?.status ?? null, (a.after as { status: string }).status])).toEqual([
      ["createCampaignResult", null, "DRAFT"],
      ["publishResult", "DRAFT", "INTERMEDIATE"],
      ["publishResult", "INTERMEDIATE", "PUBLISHED"],
    ]);
  });

  it("refuses to skip the intermediate step: the sounding board sees a result first", async () => {
    const result = await create();
    const refused = await publish(result.id, "PUBLISHED");
    expect(errorOf(refused)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.status" });
    expect(errorOf(refused).message).toMatch(/intermediate before it is published/);
    expect(refused.data).toBeNull();
  });

  it("refuses the same status and any step back, writing no event and no audit row", async () => {
    const result = await create();
    expect(errorOf(await publish(result.id, "DRAFT"))).toMatchObject({ code: "CONFLICT", field: "input.status" });
    await publish(result.id, "INTERMEDIATE");
    expect(errorOf(await publish(result.id, "INTERMEDIATE"))).toMatchObject({ code: "CONFLICT", field: "input.status" });
    expect(errorOf(await publish(result.id, "DRAFT"))).toMatchObject({ code: "CONFLICT", field: "input.status" });
    await publish(result.id, "PUBLISHED");
    for (const status of ["DRAFT", "INTERMEDIATE", "PUBLISHED"] as const) {
      expect(errorOf(await publish(result.id, status))).toMatchObject({ code: "CONFLICT", field: "input.status" });
    }
    // Exactly one event and one audit row per step taken, none for the six refused.
    expect((await eventsOf(result.id)).map((e) => e.name)).toEqual(["campaign.result.drafted", "campaign.result.intermediate", "campaign.result.published"]);
    expect(await auditOf(result.id)).toHaveLength(3);
    const [row] = await api.database.db
      .select()
      .from(campaignResults)
      .where(eq(campaignResults.id, rowId(result.id)));
    expect(row?.status).toBe("PUBLISHED");
  });

  it("is for consultants and admins; an unknown result is NOT_FOUND", async () => {
    const result = await create();
    expect(errorOf(await publish(result.id, "INTERMEDIATE", { as: memberOf(fx.steeringBoardIds[0]!) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(PUBLISH, { input: { resultId: result.id, status: "INTERMEDIATE" } }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await publish(globalId("CampaignResult", MISSING_UUID), "INTERMEDIATE"))).toMatchObject({ code: "NOT_FOUND", field: "input.resultId" });
    expect(errorOf(await publish(fx.campaignId, "INTERMEDIATE"))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.resultId" });
    expect((await publish(result.id, "INTERMEDIATE", { as: ADMIN })).data?.publishResult.result.status).toBe("INTERMEDIATE");
    expect(await eventsOf(result.id)).toHaveLength(2);
  });

  it.runIf(onPostgres)("lets one of two simultaneous publishes of one result through, with one event; the other CONFLICT", async () => {
    const result = await create();
    const outcomes = await Promise.all([publish(result.id, "INTERMEDIATE"), publish(result.id, "INTERMEDIATE")]);
    expect(outcomes.map((o) => (o.errors ? errorOf(o).code : "ok")).sort()).toEqual(["CONFLICT", "ok"]);
    expect((await eventsOf(result.id)).filter((e) => e.name === "campaign.result.intermediate")).toHaveLength(1);
    const again = await Promise.all([publish(result.id, "PUBLISHED"), publish(result.id, "PUBLISHED")]);
    expect(again.map((o) => (o.errors ? errorOf(o).code : "ok")).sort()).toEqual(["CONFLICT", "ok"]);
    expect((await eventsOf(result.id)).filter((e) => e.name === "campaign.result.published")).toHaveLength(1);
    expect((await auditOf(result.id)).filter((a) => a.operation === "publishResult")).toHaveLength(2);
  });
});

describe("the library", () => {
  it("lists published results of every campaign by Dutch title, searched by theme ignoring case, kind, campaign and title", async () => {
    const other = await insertCampaign("Campagne Welzijn", ["Welzijn op het werk", "Digitalisering"]);
    const [zorg, flex, reglement, welzijn, digitaal] = await insertResults([
      { title: "Zorgzaam leidinggeven", theme: "Welzijn op het werk", kind: "GOOD_PRACTICE" },
      { title: "Afsprakenkader flexibel werken", theme: "Flexibel werken", kind: "INSTRUMENT" },
      { title: "Reglement telewerk", theme: "Flexibel werken", kind: "TEMPLATE" },
      { title: "Welzijnsbarometer", theme: "Welzijn op het werk", kind: "INSTRUMENT", campaignId: other },
      { title: "Digitale vaardigheden 50% sneller", theme: "Digitalisering", kind: "TEMPLATE", campaignId: other },
    ]);
    // Under embargo: never in the public's library.
    await insertResults([
      { title: "Aaa ontwerp", theme: "Welzijn op het werk", status: "DRAFT" },
      { title: "Aaa tussentijds", theme: "Welzijn op het werk", status: "INTERMEDIATE", campaignId: other },
    ]);
    const ids = async (filter: CampaignResultLibraryFilter, as?: Actor) => {
      const data = (await api.ok(LIBRARY, { first: 50, filter }, as ? { as } : {})).campaignResults;
      expect(data.totalCount).toBe(data.edges.length);
      return data.edges.map((e) => e.node.id);
    };
    expect(await ids({})).toEqual([flex, digitaal, reglement, welzijn, zorg]);
    expect(await ids({ theme: "  WELZIJN op het werk " })).toEqual([welzijn, zorg]);
    expect(await ids({ theme: "Welzijn" })).toEqual([]);
    expect(await ids({ theme: "welzijn op het werk", kind: "INSTRUMENT" })).toEqual([welzijn]);
    expect(await ids({ kind: "TEMPLATE" })).toEqual([digitaal, reglement]);
    expect(await ids({ campaignId: globalId("Campaign", other) })).toEqual([digitaal, welzijn]);
    expect(await ids({ campaignId: fx.campaignId, theme: "flexibel werken" })).toEqual([flex, reglement]);
    expect(await ids({ search: "TELEWERK" })).toEqual([reglement]);
    // A wildcard is searched for, not matched.
    expect(await ids({ search: "50%" })).toEqual([digitaal]);
    expect(await ids({ search: "%" })).toEqual([digitaal]);
    expect(await ids({ status: "DRAFT" })).toEqual([]);
    // Editors see the drafts and intermediate results too.
    expect(await ids({ theme: "welzijn op het werk" }, CONSULTANT)).toHaveLength(4);
  });

  it("searches the title in any language", async () => {
    const [telewerk] = await insertResults([{ title: "Reglement telewerk" }, { title: "Onthaalbrochure" }]);
    await api.database.db
      .update(campaignResults)
      .set({ title: { nl: "Reglement telewerk", fr: "Règlement télétravail", en: "Telework rules" } })
      .where(eq(campaignResults.id, rowId(telewerk!)));
    for (const search of ["télétravail", "TELEWORK", "telewerk"]) {
      expect((await api.ok(LIBRARY, { filter: { search } })).campaignResults.edges.map((e) => e.node.id)).toEqual([telewerk]);
    }
  });

  it("pages by title then id, at most 100 a page, and refuses a forged cursor, a long search and a bad campaign id", async () => {
    const ids = await insertResults(Array.from({ length: 7 }, (_, i) => ({ title: i < 2 ? "Gelijke titel" : `Resultaat ${i}` })));
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const data: { campaignResults: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; edges: { node: { id: string } }[] } } = await api.ok(
        LIBRARY,
        { first: 3, after },
      );
      expect(data.campaignResults.totalCount).toBe(7);
      seen.push(...data.campaignResults.edges.map((e) => e.node.id));
      if (!data.campaignResults.pageInfo.hasNextPage) break;
      after = data.campaignResults.pageInfo.endCursor ?? null;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(errorOf(await api.exec(LIBRARY, { first: 101 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(LIBRARY, { after: "bm90IGEgY3Vyc29y" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    expect(errorOf(await api.exec(LIBRARY, { filter: { search: "x".repeat(101) } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.search" });
    expect(errorOf(await api.exec(LIBRARY, { filter: { campaignId: ids[0]! } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.campaignId" });
  });

  it("costs the same statements for a page of 3 results as for 30, with their campaign, board and option", async () => {
    const other = await insertCampaign("Campagne Welzijn", ["Welzijn op het werk"]);
    const options = fx.pitches.flatMap((p) => p.optionIds);
    const rows = (n: number, offset: number) =>
      Array.from({ length: n }, (_, i) => ({
        title: `Resultaat ${String(offset + i).padStart(3, "0")}`,
        campaignId: i % 2 === 0 ? fx.campaignRowId : other,
        boardId: fx.selectedBoardIds[i % fx.selectedBoardIds.length]!,
        optionId: options[offset + i] ?? null,
      }));
    await insertResults(rows(3, 0));
    const small = await api.exec(LIBRARY_NESTED, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(small.data?.campaignResults.edges).toHaveLength(3);
    expect(small.data?.campaignResults.edges[0]?.node).toMatchObject({ campaign: { id: fx.campaignId }, option: { position: 1 }, viewerCanPublish: false });
    await insertResults(rows(27, 3));
    const large = await api.exec(LIBRARY_NESTED, { first: 100 });
    expect(large.data?.campaignResults.edges).toHaveLength(30);
    expect(large.data?.campaignResults.edges.filter((e) => e.node.option !== null)).toHaveLength(Math.min(30, options.length));
    expect(large.statements).toBe(small.statements);
    // The list, its campaigns, boards and options: one statement each.
    expect(small.statements).toBeLessThanOrEqual(4);
  });
});

describe("Campaign.results", () => {
  const PAGE = graphql(`
    query ResultsOfCampaigns($ids: [ID!]!, $first: Int, $after: String, $filter: CampaignResultFilter) {
      nodes(ids: $ids) {
        ... on Campaign {
          id
          results(first: $first, after: $after, filter: $filter) {
            totalCount
            pageInfo { hasNextPage endCursor }
            edges { node { id title(locale: NL) campaign { id } board { name } option { position } } }
          }
        }
      }
    }
  `);
  type Page = {
    id: string;
    results: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null }; edges: { node: { id: string; campaign: { id: string } } }[] };
  };

  it("pages each campaign's results by title then id, with the filters of the library", async () => {
    const other = await insertCampaign("Campagne Welzijn", ["Welzijn op het werk"]);
    const mine = await insertResults(Array.from({ length: 5 }, (_, i) => ({ title: `Resultaat ${i}`, kind: i < 2 ? ("TEMPLATE" as const) : ("INSTRUMENT" as const) })));
    const theirs = await insertResults([{ title: "Welzijnsbarometer", campaignId: other, theme: "Welzijn op het werk" }]);
    const ids = [fx.campaignId, globalId("Campaign", other)];
    const first = (await api.ok(PAGE, { ids, first: 3 })).nodes as Page[];
    expect(first.map((c) => c.results.edges.map((e) => e.node.id))).toEqual([mine.slice(0, 3), theirs]);
    expect(first.map((c) => c.results.totalCount)).toEqual([5, 1]);
    expect(first.map((c) => c.results.pageInfo.hasNextPage)).toEqual([true, false]);
    const next = (await api.ok(PAGE, { ids: [fx.campaignId], first: 3, after: first[0]!.results.pageInfo.endCursor })).nodes as Page[];
    expect(next[0]!.results.edges.map((e) => e.node.id)).toEqual(mine.slice(3));
    expect(next[0]!.results.pageInfo.hasNextPage).toBe(false);
    const templates = (await api.ok(PAGE, { ids, filter: { kind: "TEMPLATE", theme: " FLEXIBEL WERKEN" } })).nodes as Page[];
    expect(templates.map((c) => [c.results.totalCount, c.results.edges.map((e) => e.node.id)])).toEqual([
      [2, mine.slice(0, 2)],
      [0, []],
    ]);
    expect(errorOf(await api.exec(PAGE, { ids, first: 101 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(PAGE, { ids, filter: { search: "x".repeat(101) } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.search" });
  });

  it("costs the same statements for two campaigns' pages of 2 results as of 20, with their campaign, board and option", async () => {
    const other = await insertCampaign("Campagne Welzijn", ["Welzijn op het werk"]);
    const options = fx.pitches.flatMap((p) => p.optionIds);
    const rows = (n: number, offset: number) =>
      Array.from({ length: n }, (_, i) => ({
        title: `Resultaat ${String(offset + i).padStart(3, "0")}`,
        campaignId: i % 2 === 0 ? fx.campaignRowId : other,
        boardId: fx.selectedBoardIds[i % fx.selectedBoardIds.length]!,
        optionId: options[offset + i] ?? null,
      }));
    const ids = [fx.campaignId, globalId("Campaign", other)];
    await insertResults(rows(4, 0));
    const small = await api.exec(PAGE, { ids, first: 50 });
    expect(small.errors).toBeUndefined();
    expect(((small.data?.nodes ?? []) as Page[]).map((c) => c.results.edges.length)).toEqual([2, 2]);
    await insertResults(rows(36, 4));
    const large = await api.exec(PAGE, { ids, first: 50 });
    expect(((large.data?.nodes ?? []) as Page[]).map((c) => c.results.totalCount)).toEqual([20, 20]);
    expect(((large.data?.nodes ?? []) as Page[]).every((c) => c.results.edges.every((e) => e.node.campaign.id === c.id))).toBe(true);
    expect(large.statements).toBe(small.statements);
  });
});

describe("node(id)", () => {
  it("answers a published result to anyone, in the asked language", async () => {
    const [id] = await insertResults([{ title: "Reglement telewerk" }]);
    await api.database.db.execute(sql`update campaign_results set title = title || '{"en": "Telework rules"}'::jsonb`);
    expect((await api.ok(NODE, { id: id! })).node).toEqual({ __typename: "CampaignResult", id, status: "PUBLISHED", title: "Telework rules" });
  });
});

// Seeding: the "sources" profile loads the real boards and organisations, the "sector" profile
// adds a deterministic synthetic set up to the sector's size; seeding twice adds nothing.
// What was seeded is read back through GraphQL, the way a client sees it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BOARDS, ORGANISATIONS } from "../../db/seed/data.js";
import { isEmpty, SECTOR_BOARD_COUNT, SECTOR_INVOICE_COUNT, seedDatabase } from "../../db/seed/index.js";
import { SYNTHETIC_PREFIX, syntheticBoards } from "../../db/seed/sector.js";
import { TRAININGS } from "../../db/seed/trainings.js";
import type { BoardFilter, SeedBoardsQuery } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, type TestApi } from "../helpers/api.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

const BOARDS_QUERY = graphql(`
  query SeedBoards($first: Int, $after: String, $filter: BoardFilter) {
    boards(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { name kind nisCode province population } }
    }
  }
`);
const ORGANISATIONS_QUERY = graphql(`
  query SeedOrganisations($first: Int, $filter: OrganisationFilter) {
    organisations(first: $first, filter: $filter) {
      totalCount
      edges { node { name nameTranslations { nl fr en } kind website } }
    }
  }
`);

type BoardNode = SeedBoardsQuery["boards"]["edges"][number]["node"];

async function boards(filter?: BoardFilter): Promise<{ totalCount: number; nodes: BoardNode[] }> {
  const nodes: BoardNode[] = [];
  let after: string | null = null;
  let totalCount = 0;
  do {
    const page: SeedBoardsQuery["boards"] = (await api.ok(BOARDS_QUERY, { first: 100, after, filter })).boards;
    totalCount = page.totalCount;
    nodes.push(...page.edges.map((e) => e.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { totalCount, nodes };
}

async function boardCount(): Promise<number> {
  return (await api.ok(graphql(`query SeedBoardCount { boards(first: 0) { totalCount } }`))).boards.totalCount;
}

async function organisationCount(): Promise<number> {
  return (await api.ok(graphql(`query SeedOrganisationCount { organisations(first: 0) { totalCount } }`))).organisations.totalCount;
}

/** Every progress call, in order. */
function recorder() {
  const calls: { step: string; done: number; total: number }[] = [];
  return { calls, progress: (step: string, done: number, total: number) => void calls.push({ step, done, total }) };
}

/** The first digit of a Flemish NIS code names its province. */
const PROVINCE_OF_DIGIT: Record<string, string> = { "1": "ANTWERP", "2": "FLEMISH_BRABANT", "3": "WEST_FLANDERS", "4": "EAST_FLANDERS", "7": "LIMBURG" };

describe("the sources profile", () => {
  it("starts from an empty database and adds every real board and organisation", async () => {
    expect(await isEmpty(api.database)).toBe(true);
    const added = await seedDatabase(api.database, "sources");
    expect(added).toEqual({ boards: BOARDS.length, organisations: ORGANISATIONS.length, fundingAgreements: 1, trainings: TRAININGS.length });
    expect(await isEmpty(api.database)).toBe(false);
    expect(await boardCount()).toBe(BOARDS.length);
    expect(await organisationCount()).toBe(ORGANISATIONS.length);
    expect(BOARDS.length).toBeGreaterThanOrEqual(20);
  });

  it("loads the five provinces with their NIS codes", async () => {
    await seedDatabase(api.database);
    const provinces = (await boards({ kind: "PROVINCE" })).nodes.map(({ nisCode, province }) => ({ nisCode, province }));
    expect(provinces.sort((a, b) => String(a.nisCode).localeCompare(String(b.nisCode)))).toEqual([
      { nisCode: "10000", province: "ANTWERP" },
      { nisCode: "20001", province: "FLEMISH_BRABANT" },
      { nisCode: "30000", province: "WEST_FLANDERS" },
      { nisCode: "40000", province: "EAST_FLANDERS" },
      { nisCode: "70000", province: "LIMBURG" },
    ]);
  });

  it.each([
    ["Antwerpen", "11002", "ANTWERP"],
    ["Gent", "44021", "EAST_FLANDERS"],
    ["Brugge", "31005", "WEST_FLANDERS"],
    ["Leuven", "24062", "FLEMISH_BRABANT"],
    ["Hasselt", "71022", "LIMBURG"],
  ])("loads the municipality %s with NIS code %s in %s", async (name, nisCode, province) => {
    await seedDatabase(api.database);
    const found = await boards({ kind: "MUNICIPALITY", search: nisCode });
    expect(found.nodes).toHaveLength(1);
    expect(found.nodes[0]).toMatchObject({ name, nisCode, province, kind: "MUNICIPALITY" });
    expect(found.nodes[0]?.population).toBeGreaterThan(0);
  });

  it("gives every municipality its own five-digit NIS code, in its own province", async () => {
    await seedDatabase(api.database);
    const { nodes, totalCount } = await boards({ kind: "MUNICIPALITY" });
    expect(totalCount).toBeGreaterThanOrEqual(15);
    expect(nodes).toHaveLength(totalCount);
    for (const board of nodes) {
      expect(board.nisCode, board.name).toMatch(/^[0-9]{5}$/);
      expect(PROVINCE_OF_DIGIT[String(board.nisCode).charAt(0)], board.name).toBe(board.province);
    }
    expect(new Set(nodes.map((b) => b.nisCode)).size).toBe(nodes.length);
    // An OCMW shares its municipality's code, and lives in the same province.
    for (const ocmw of (await boards({ kind: "OCMW" })).nodes) {
      expect(
        nodes.find((m) => m.nisCode === ocmw.nisCode),
        ocmw.name,
      ).toMatchObject({ province: ocmw.province });
    }
  });

  it.each([
    ["Vlaamse Regering", "GOVERNMENT"],
    ["VVSG", "SECTOR_ASSOCIATION"],
    ["ACV", "SOCIAL_PARTNER"],
    ["ACOD", "SOCIAL_PARTNER"],
    ["VSOA", "SOCIAL_PARTNER"],
    ["Mondea", "SERVICE_PROVIDER"],
    ["Workitects", "SERVICE_PROVIDER"],
    ["Excello", "SERVICE_PROVIDER"],
    ["GoodHabitz", "SERVICE_PROVIDER"],
    ["M&L Management", "SERVICE_PROVIDER"],
    ["Unia", "PUBLIC_AGENCY"],
    ["VDAB", "PUBLIC_AGENCY"],
    ["Mediawijs", "NON_PROFIT"],
    ["Ligo", "NON_PROFIT"],
    ["Governance & Integrity", "SERVICE_PROVIDER"],
  ])("loads the organisation %s as %s", async (name, kind) => {
    await seedDatabase(api.database);
    const found = (await api.ok(ORGANISATIONS_QUERY, { first: 100, filter: { search: name } })).organisations;
    const matches = found.edges.map((e) => e.node).filter((o) => o.nameTranslations.nl === name);
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ name, kind });
  });

  it("loads organisations with their translations and http(s) websites", async () => {
    await seedDatabase(api.database);
    const french = (await api.ok(ORGANISATIONS_QUERY, { filter: { search: "CSC" } }, { acceptLanguage: "fr-BE" })).organisations;
    expect(french.edges.map((e) => e.node.name)).toContain("CSC");
    const all = (await api.ok(ORGANISATIONS_QUERY, { first: 100 })).organisations;
    expect(all.totalCount).toBe(ORGANISATIONS.length);
    for (const { node } of all.edges) {
      expect(node.nameTranslations.nl.trim()).not.toBe("");
      if (node.website !== null) expect(node.website).toMatch(/^https?:\/\//);
    }
  });

  it("reports its progress, each step ending with done === total", async () => {
    const { calls, progress } = recorder();
    await seedDatabase(api.database, "sources", progress);
    expect(calls).toEqual([
      { step: "organisations", done: ORGANISATIONS.length, total: ORGANISATIONS.length },
      { step: "boards", done: BOARDS.length, total: BOARDS.length },
      { step: "funding agreements", done: 1, total: 1 },
      { step: "trainings", done: TRAININGS.length, total: TRAININGS.length },
    ]);
  });

  it("adds nothing the second time", async () => {
    await seedDatabase(api.database);
    const { calls, progress } = recorder();
    expect(await seedDatabase(api.database, "sources", progress)).toEqual({ boards: 0, organisations: 0, fundingAgreements: 0 });
    expect(calls).toEqual([]);
    expect(await boardCount()).toBe(BOARDS.length);
    expect(await organisationCount()).toBe(ORGANISATIONS.length);
  });
});

describe("the sector profile", () => {
  const syntheticCount = SECTOR_BOARD_COUNT - BOARDS.length;

  it("brings a fresh database to the sector's size, reporting progress per step", async () => {
    expect(SECTOR_BOARD_COUNT).toBe(300);
    const { calls, progress } = recorder();
    const added = await seedDatabase(api.database, "sector", progress);
    expect(added).toEqual({
      boards: SECTOR_BOARD_COUNT,
      organisations: ORGANISATIONS.length,
      fundingAgreements: 1,
      trainings: TRAININGS.length,
      invoices: SECTOR_INVOICE_COUNT,
      coFinancingEntries: expect.any(Number),
    });
    // Every board owes something, and most have paid it.
    expect(added.coFinancingEntries).toBeGreaterThan(SECTOR_BOARD_COUNT);
    expect(added.coFinancingEntries).toBeLessThanOrEqual(2 * SECTOR_BOARD_COUNT);
    expect(await boardCount()).toBe(SECTOR_BOARD_COUNT);
    expect(await organisationCount()).toBe(ORGANISATIONS.length);
    const synthetic = await api.ok(graphql(`query SeedSearchCount($search: String) { boards(first: 0, filter: { search: $search }) { totalCount } }`), {
      search: SYNTHETIC_PREFIX,
    });
    expect(synthetic.boards.totalCount).toBe(syntheticCount);

    const steps = [...new Set(calls.map((c) => c.step))];
    expect(steps).toEqual(["organisations", "boards", "funding agreements", "trainings", "synthetic boards", "synthetic invoices", "synthetic co-financing entries"]);
    for (const step of steps) {
      const mine = calls.filter((c) => c.step === step);
      const last = mine.at(-1);
      expect(last?.done, step).toBe(last?.total);
      for (let i = 0; i < mine.length; i++) {
        expect(mine[i]!.total, step).toBe(last?.total);
        expect(mine[i]!.done, step).toBeLessThanOrEqual(mine[i]!.total);
        if (i > 0) expect(mine[i]!.done, step).toBeGreaterThan(mine[i - 1]!.done);
      }
    }
    const syntheticCalls = calls.filter((c) => c.step === "synthetic boards");
    expect(syntheticCalls.at(-1)).toEqual({ step: "synthetic boards", done: syntheticCount, total: syntheticCount });
    // Inserted in batches, so a long seed shows that it is moving.
    expect(syntheticCalls.length).toBeGreaterThan(1);
  });

  it("adds only the synthetic boards to a database that has the sources, and nothing the second time", async () => {
    await seedDatabase(api.database, "sources");
    expect(await seedDatabase(api.database, "sector")).toMatchObject({ boards: syntheticCount, organisations: 0, fundingAgreements: 0, invoices: SECTOR_INVOICE_COUNT });
    expect(await boardCount()).toBe(SECTOR_BOARD_COUNT);
    const { calls, progress } = recorder();
    expect(await seedDatabase(api.database, "sector", progress)).toEqual({ boards: 0, organisations: 0, fundingAgreements: 0 });
    expect(calls).toEqual([]);
    expect(await boardCount()).toBe(SECTOR_BOARD_COUNT);
    expect(await organisationCount()).toBe(ORGANISATIONS.length);
  });

  it("is deterministic: the same seed gives the same boards, and the database holds exactly those", async () => {
    const key = (b: { name: string; nisCode?: string | null; kind: string }) => `${b.kind}|${b.name}|${b.nisCode ?? ""}`;
    const first = syntheticBoards(syntheticCount);
    const second = syntheticBoards(syntheticCount);
    expect(first).toHaveLength(syntheticCount);
    expect(second).toEqual(first);
    // The sequence does depend on the seed, so the equality above is not vacuous.
    expect(syntheticBoards(syntheticCount, 7).map((b) => b.province)).not.toEqual(first.map((b) => b.province));

    await seedDatabase(api.database, "sector");
    const stored = (await boards({ search: SYNTHETIC_PREFIX })).nodes;
    expect(stored.map(key).sort()).toEqual(first.map(key).sort());
    const byKey = new Map(stored.map((b) => [key(b), b]));
    for (const b of first) expect(byKey.get(key(b))).toMatchObject({ province: b.province, population: b.population });
  });

  it("never gives a synthetic board a real NIS code, and keeps the NIS rules of real boards", async () => {
    const realCodes = new Set(BOARDS.map((b) => b.nisCode).filter(Boolean));
    const synthetic = syntheticBoards(syntheticCount);
    const syntheticCodes = synthetic.map((b) => b.nisCode).filter((c): c is string => Boolean(c));
    expect(syntheticCodes.length).toBeGreaterThan(0);
    expect(syntheticCodes.filter((c) => realCodes.has(c))).toEqual([]);
    for (const board of synthetic) {
      expect(board.name).toContain(SYNTHETIC_PREFIX);
      if (board.nisCode != null) expect(board.nisCode).toMatch(/^[0-9]{5}$/);
      if (["MUNICIPALITY", "OCMW", "PROVINCE"].includes(board.kind)) expect(board.nisCode, board.name).toMatch(/^[0-9]{5}$/);
      expect(board.population).toBeGreaterThanOrEqual(0);
    }
    // The code is unique per kind, as the database demands.
    const perKind = synthetic.filter((b) => b.nisCode).map((b) => `${b.kind}|${b.nisCode}`);
    expect(new Set(perKind).size).toBe(perKind.length);
    for (const real of BOARDS) expect(real.name).not.toContain(SYNTHETIC_PREFIX);

    await seedDatabase(api.database, "sector");
    const municipalities = (await boards({ kind: "MUNICIPALITY" })).nodes;
    expect(municipalities.length).toBeGreaterThan(BOARDS.filter((b) => b.kind === "MUNICIPALITY").length);
    const codes = municipalities.map((b) => b.nisCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const board of municipalities) expect(board.nisCode, board.name).toMatch(/^[0-9]{5}$/);
  });
});

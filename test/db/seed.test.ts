// Seeding: the "sources" profile loads the real boards and organisations, the "sector" profile
// adds a deterministic synthetic set up to the sector's size; seeding twice adds nothing.
// What was seeded is read back through GraphQL, the way a client sees it.
//
// The sector's 170,000 employees and 250,000 enrolments take minutes on PGlite, so the sector
// profile runs here at a small scale (SCALE); a test checks that a scale is proportional, so the
// full size (npm run db:seed -- --profile sector, npm run bench) is the same rows, more of them.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SEEDED_CAMPAIGN } from "../../db/seed/campaigns.js";
import { BOARDS, ORGANISATIONS } from "../../db/seed/data.js";
import {
  isEmpty,
  SECTOR_BOARD_COUNT,
  SECTOR_EMPLOYEE_COUNT,
  SECTOR_ENROLMENT_COUNT,
  SECTOR_INVOICE_COUNT,
  SECTOR_SESSION_COUNT,
  sectorTrainingSizes,
  seedDatabase,
} from "../../db/seed/index.js";
import { SYNTHETIC_PREFIX, syntheticBoards } from "../../db/seed/sector.js";
import { SYNTHETIC_TRAININGS } from "../../db/seed/sector-trainings.js";
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
    // The one trajectory the source names: the e-learning learning network with GoodHabitz.
    expect(added).toEqual({
      boards: BOARDS.length,
      organisations: ORGANISATIONS.length,
      fundingAgreements: 1,
      trainings: TRAININGS.length,
      trajectories: 1,
      // The campaign of seed 000, with its example applicants and the pitches of 31 May 2024.
      campaigns: 1,
      campaignApplications: SEEDED_CAMPAIGN.selectedBoards.length + SEEDED_CAMPAIGN.soundingBoard.length,
      campaignPitches: SEEDED_CAMPAIGN.selectedBoards.length,
      // LaboLokaal (seed 002): the two themes the source names and their calls, closed on 31 January 2020.
      themes: 2,
      calls: 2,
      // Decent Work for All (seed 004): the charter, its two named initiatives and 8 marked example
      // projects, 3 example on-the-job trainings.
      charters: 1,
      mentoringProjects: 10,
      onTheJobTrainings: 3,
      // Modern HR-beleid (seed 003), the addendum, LaboLokaal and the charter as programmes.
      programmes: 4,
    });
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
      { step: "campaigns", done: 1, total: 1 },
      { step: "themes", done: 2, total: 2 },
      { step: "charters", done: 1, total: 1 },
      { step: "programmes", done: 4, total: 4 },
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

/** The sector profile's scale in these tests: 850 employees, 25 sessions, 1,250 enrolments. */
const SCALE = 0.005;
const sector = (progress?: (step: string, done: number, total: number) => void) => seedDatabase(api.database, "sector", progress, { scale: SCALE });

describe("the sector profile", () => {
  const syntheticCount = SECTOR_BOARD_COUNT - BOARDS.length;
  const sizes = sectorTrainingSizes(SCALE);

  it("brings a fresh database to the sector's size, reporting progress per step", async () => {
    expect(SECTOR_BOARD_COUNT).toBe(300);
    const { calls, progress } = recorder();
    const added = await sector(progress);
    expect(added).toMatchObject({
      boards: SECTOR_BOARD_COUNT,
      organisations: ORGANISATIONS.length,
      fundingAgreements: 1,
      trainings: TRAININGS.length + SYNTHETIC_TRAININGS.length,
      invoices: SECTOR_INVOICE_COUNT,
      coFinancingEntries: expect.any(Number),
      employees: sizes.employees,
      trainingSessions: sizes.sessions,
      enrolments: sizes.enrolments,
      worktableMeetings: expect.any(Number),
      learningTools: expect.any(Number),
      professions: expect.any(Number),
      communicationFigures: expect.any(Number),
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
    expect(steps).toEqual([
      "organisations",
      "boards",
      "funding agreements",
      "trainings",
      "campaigns",
      "themes",
      "charters",
      "programmes",
      "synthetic boards",
      "synthetic invoices",
      "synthetic co-financing entries",
      "synthetic employees",
      "synthetic training sessions",
      "synthetic enrolments",
      "synthetic trajectories",
      "synthetic worktable meetings",
      "synthetic learning tools and professions",
      "synthetic communication figures",
    ]);
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
    expect(await sector()).toMatchObject({ boards: syntheticCount, organisations: 0, fundingAgreements: 0, invoices: SECTOR_INVOICE_COUNT, employees: sizes.employees });
    expect(await boardCount()).toBe(SECTOR_BOARD_COUNT);
    const { calls, progress } = recorder();
    expect(await sector(progress)).toEqual({ boards: 0, organisations: 0, fundingAgreements: 0 });
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

    await sector();
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

    await sector();
    const municipalities = (await boards({ kind: "MUNICIPALITY" })).nodes;
    expect(municipalities.length).toBeGreaterThan(BOARDS.filter((b) => b.kind === "MUNICIPALITY").length);
    const codes = municipalities.map((b) => b.nisCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const board of municipalities) expect(board.nisCode, board.name).toMatch(/^[0-9]{5}$/);
  });
});

describe("the sector profile's trainings and programme records", () => {
  type Row = Record<string, unknown>;
  const rows = async <T extends Row>(query: ReturnType<typeof sql>): Promise<T[]> => ((await api.database.db.execute(query)) as unknown as { rows: T[] }).rows;
  const first = async (query: ReturnType<typeof sql>): Promise<unknown> => Object.values((await rows(query))[0] ?? {})[0];
  const one = async (query: ReturnType<typeof sql>): Promise<number> => Number(await first(query));
  const sizes = sectorTrainingSizes(SCALE);
  const tally = async () => ({
    employees: await one(sql`select count(*) from employees`),
    // The sources' example sessions (one per named training) are not the synthetic ones.
    sessions: await one(sql`select count(*) from training_sessions where not is_example`),
    enrolments: await one(sql`select count(*) from enrolments`),
  });

  it("has the sector's size at scale 1 and a proportional part of it at a smaller scale, and a second run adds nothing, whatever its scale", async () => {
    expect(sectorTrainingSizes()).toMatchObject({ employees: 170_000, sessions: 5_000, enrolments: 250_000 });
    expect([SECTOR_EMPLOYEE_COUNT, SECTOR_SESSION_COUNT, SECTOR_ENROLMENT_COUNT]).toEqual([170_000, 5_000, 250_000]);
    expect(() => sectorTrainingSizes(0)).toThrow(/scale/);

    await sector();
    const small = await tally();
    expect(small).toEqual({ employees: SECTOR_EMPLOYEE_COUNT * SCALE, sessions: SECTOR_SESSION_COUNT * SCALE, enrolments: SECTOR_ENROLMENT_COUNT * SCALE });
    // Another scale on a seeded database adds nothing: the set is written once.
    expect(await seedDatabase(api.database, "sector", undefined, { scale: 2 * SCALE })).toEqual({ boards: 0, organisations: 0, fundingAgreements: 0 });
    expect(await tally()).toEqual(small);

    await api.reset();
    await seedDatabase(api.database, "sector", undefined, { scale: 2 * SCALE });
    const double = await tally();
    expect(double).toEqual({ employees: 2 * small.employees, sessions: 2 * small.sessions, enrolments: 2 * small.enrolments });
  });

  it("keeps the enrolment rules: never more seats than capacity, a waitlist only on a full session, mostly attended", async () => {
    await sector();
    const statuses = Object.fromEntries(
      (await rows<{ status: string; n: number }>(sql`select status, count(*)::int as n from enrolments group by status`)).map((r) => [r.status, r.n]),
    );
    expect(Object.keys(statuses).sort()).toEqual(["ATTENDED", "CANCELLED", "NO_SHOW", "WAITLISTED"]);
    expect(statuses.ATTENDED).toBeGreaterThan(0.7 * sizes.enrolments);
    for (const rare of ["CANCELLED", "NO_SHOW", "WAITLISTED"]) expect(statuses[rare], rare).toBeLessThan(0.2 * sizes.enrolments);

    const sessions = await rows<{ capacity: number; seated: number; held: number; waiting: number }>(sql`
      select s.capacity, count(*) filter (where e.status in ('REGISTERED', 'ATTENDED'))::int as seated,
        count(*) filter (where e.status in ('ATTENDED', 'NO_SHOW'))::int as held, count(*) filter (where e.status = 'WAITLISTED')::int as waiting
      from training_sessions s join enrolments e on e.session_id = s.id group by s.id, s.capacity`);
    expect(sessions).toHaveLength(sizes.sessions);
    for (const s of sessions) {
      expect(s.seated).toBeLessThanOrEqual(s.capacity);
      // Who attended or did not show held a seat; nobody waits while a seat was free.
      if (s.waiting > 0) expect(s.held).toBe(s.capacity);
    }
    expect(sessions.some((s) => s.waiting > 0)).toBe(true);
    // One live enrolment per person per session (the partial unique index would have refused a second).
    expect(await one(sql`select count(*) from (select 1 from enrolments where status <> 'CANCELLED' group by session_id, employee_id having count(*) > 1) as twice`)).toBe(0);

    // Sessions on working days from the period's start to a little after its end, in Brussels.
    const [span] = await rows<{ first: string; last: string; weekend: number }>(sql`
      select min(starts_at at time zone 'Europe/Brussels')::date::text as first, max(starts_at at time zone 'Europe/Brussels')::date::text as last,
        count(*) filter (where extract(isodow from starts_at at time zone 'Europe/Brussels') > 5)::int as weekend
      from training_sessions where not is_example`);
    expect(span!.first >= "2023-07-01" && span!.first <= "2023-07-31").toBe(true);
    expect(span!.last > "2025-06-30" && span!.last <= "2025-10-31").toBe(true);
    expect(span!.weekend).toBe(0);
    // Every format has sessions, and the employees work for most of the boards.
    expect(await one(sql`select count(distinct t.format) from training_sessions s join trainings t on t.id = s.training_id where not s.is_example`)).toBe(4);
    expect(await one(sql`select count(distinct board_id) from employees`)).toBeGreaterThan(0.8 * SECTOR_BOARD_COUNT);
  });

  it("is deterministic: two databases seeded alike hold the same employees, sessions and enrolments", async () => {
    const fingerprint = () =>
      first(sql`select md5(
        (select string_agg(concat_ws('|', e.id, b.name, e.display_name, e.job, e.department, e.forgotten_at), ',' order by e.id) from employees e join boards b on b.id = e.board_id)
        || (select string_agg(concat_ws('|', s.id, t.title->>'nl', s.starts_at, s.ends_at, s.online, s.province, s.capacity), ',' order by s.id) from training_sessions s join trainings t on t.id = s.training_id where not s.is_example)
        || (select string_agg(concat_ws('|', session_id, employee_id, status, queued_at), ',' order by session_id, employee_id, status) from enrolments))`);
    await sector();
    const seeded = await fingerprint();
    expect(seeded).toMatch(/^[0-9a-f]{32}$/);
    await api.reset();
    await sector();
    expect(await fingerprint()).toBe(seeded);
    // The fingerprint does see the rows: another scale gives another one.
    await api.reset();
    await seedDatabase(api.database, "sector", undefined, { scale: 2 * SCALE });
    expect(await fingerprint()).not.toBe(seeded);
  });

  it("gives every metric the addendum measures records within its period 2023-07-01..2025-06-30", async () => {
    await sector();
    const kinds = Object.fromEntries(
      (await rows<{ kind: string; n: number }>(sql`select kind, count(*)::int as n from trajectories where title->>'nl' like ${`${SYNTHETIC_PREFIX}%`} group by kind`)).map((r) => [
        r.kind,
        r.n,
      ]),
    );
    expect(kinds).toEqual({ LEADERSHIP: 6, WORK_ORGANISATION: 4, LEARNING_NETWORK: 1 });
    // Result 1: leadership trajectories offered within the period (one starts only after it).
    expect(
      await one(
        sql`select count(*) from trajectories where kind = 'LEADERSHIP' and title->>'nl' like ${`${SYNTHETIC_PREFIX}%`} and offered_from <= '2025-06-30' and (offered_until is null or offered_until >= '2023-07-01')`,
      ),
    ).toBe(5);
    // Action 1: at least 3 departments and 12 boards; action 3: a learning network of at least 10 boards.
    const active = sql`p.joined_on <= '2025-06-30' and (p.withdrawn_on is null or p.withdrawn_on > '2023-07-01')`;
    expect(
      await one(
        sql`select count(distinct lower(trim(p.department))) from trajectory_participations p join trajectories t on t.id = p.trajectory_id where t.kind = 'WORK_ORGANISATION' and ${active}`,
      ),
    ).toBeGreaterThanOrEqual(3);
    expect(
      await one(
        sql`select count(distinct p.board_id) from trajectory_participations p join trajectories t on t.id = p.trajectory_id where t.kind = 'WORK_ORGANISATION' and ${active}`,
      ),
    ).toBeGreaterThanOrEqual(12);
    expect(
      await one(
        sql`select count(distinct p.board_id) from trajectory_participations p join trajectories t on t.id = p.trajectory_id where t.kind = 'LEARNING_NETWORK' and ${active}`,
      ),
    ).toBeGreaterThanOrEqual(10);
    expect(await one(sql`select count(*) from trajectory_participations where withdrawn_on is not null`)).toBeGreaterThan(0);
    // Action 8 and result 4: at least 30 worktable meetings held, some cancelled or planned, attended by boards.
    const meetings = Object.fromEntries(
      (
        await rows<{ status: string; n: number }>(
          sql`select status, count(*)::int as n from worktable_meetings where meeting_date between '2023-07-01' and '2025-06-30' or status = 'PLANNED' group by status`,
        )
      ).map((r) => [r.status, r.n]),
    );
    expect(meetings.HELD).toBeGreaterThanOrEqual(30);
    expect(meetings.CANCELLED).toBeGreaterThan(0);
    expect(meetings.PLANNED).toBeGreaterThan(0);
    expect(await one(sql`select count(*) from worktable_meetings m where m.status = 'HELD' and not exists (select 1 from worktable_attendance a where a.meeting_id = m.id)`)).toBe(
      0,
    );
    // Result 2: learning tools published within the period; result 5: professions listed on its last day.
    expect(
      await one(sql`select count(*) from learning_tools where published_from <= '2025-06-30' and (published_until is null or published_until >= '2023-07-01')`),
    ).toBeGreaterThanOrEqual(5);
    expect(
      await one(sql`select count(*) from professions where published_from <= '2025-06-30' and (published_until is null or published_until >= '2025-06-30')`),
    ).toBeGreaterThanOrEqual(25);
    expect(await one(sql`select count(*) from professions where published_until = '2025-06-29'`)).toBeGreaterThan(0);
    // Action 9: a 2021-2022 baseline and figures within the period, for both channels, none overlapping another of its channel.
    const figures = await rows<{ channel: string; baseline: number; within: number }>(sql`
      select channel, count(*) filter (where is_baseline and period_start >= '2021-01-01' and period_end <= '2022-12-31')::int as baseline,
        count(*) filter (where not is_baseline and period_start >= '2023-07-01' and period_end <= '2025-06-30')::int as within
      from communication_figures group by channel order by channel`);
    expect(figures).toEqual([
      { channel: "NEWSLETTER", baseline: 2, within: 24 },
      { channel: "WEBSITE", baseline: 2, within: 24 },
    ]);
    expect(
      await one(
        sql`select count(*) from communication_figures a join communication_figures b on a.channel = b.channel and a.id <> b.id and a.period_start <= b.period_end and b.period_start <= a.period_end`,
      ),
    ).toBe(0);
  });
});

// The selection: the proposal's rule (selection.ts) against a brute force over every subset, its
// determinism, its tie rules and its search budget; through the API, who may ask for it, that it
// writes nothing and leaves unscored applications out; and the confirmation of a selection, one
// transaction that gives the selected boards their trajectory and puts every other applicant on the
// sounding board, refused half-way without a trace, and raced on PostgreSQL.
import { and, count, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { campaignApplications, campaignSteeringMembers, campaigns, campaignTrajectories } from "../../db/schema/campaigns.js";
import { type Candidate, populationClass, proposeSelection } from "../../schema/campaigns/selection.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { ADMIN, type CampaignFixture, CONSULTANT, expertOf, loadCampaignFixture, memberOf } from "../helpers/campaigns.js";
import { onPostgres } from "../helpers/db.js";
import { globalId } from "../helpers/funding.js";

// ---------------------------------------------------------------------------------------------
// The pure rule

const PROVINCES = ["ANTWERP", "EAST_FLANDERS", "FLEMISH_BRABANT", "LIMBURG", "WEST_FLANDERS"];
const POPULATIONS = [5_000, 15_000, 30_000, 60_000, 150_000];

const candidate = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  id,
  boardId: `board-${id}`,
  boardName: `Board ${id}`,
  province: "ANTWERP",
  population: 30_000,
  belfiusCluster: "Centrumsteden",
  motivation: 3,
  maturity: 3,
  ...over,
});

/** The rule written out plainly: every subset of the size, the best value, the first in the tie order. */
function bruteForce(cands: readonly Candidate[], size: number): { ids: string[]; value: [number, number, number] } {
  const sorted = [...cands].sort(
    (a, b) =>
      b.motivation + b.maturity - (a.motivation + a.maturity) ||
      (a.boardName < b.boardName ? -1 : a.boardName > b.boardName ? 1 : 0) ||
      (a.boardId < b.boardId ? -1 : a.boardId > b.boardId ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let best: { ids: string[]; value: [number, number, number] } | null = null;
  // Combinations in lexicographic order of their positions: the first best one wins a tie.
  const walk = (start: number, picked: Candidate[]) => {
    if (picked.length === size) {
      const diversity =
        new Set(picked.map((c) => c.province)).size +
        new Set(picked.map((c) => populationClass(c.population))).size +
        new Set(picked.flatMap((c) => (c.belfiusCluster ? [c.belfiusCluster] : []))).size;
      const value: [number, number, number] = [diversity, picked.reduce((s, c) => s + c.motivation + c.maturity, 0), picked.reduce((s, c) => s + c.motivation, 0)];
      const better = !best || value[0] > best.value[0] || (value[0] === best.value[0] && (value[1] > best.value[1] || (value[1] === best.value[1] && value[2] > best.value[2])));
      if (better) best = { ids: picked.map((c) => c.id), value };
      return;
    }
    for (let i = start; i < sorted.length; i++) walk(i + 1, [...picked, sorted[i]!]);
  };
  walk(0, []);
  return best!;
}

const instance = fc
  .array(
    fc.record({
      name: fc.constantFrom("Aa", "Bb", "Cc", "Dd"),
      province: fc.constantFrom(...PROVINCES),
      population: fc.constantFrom(...POPULATIONS),
      belfiusCluster: fc.constantFrom(null, "Centrumsteden", "Regionale steden", "Grootsteden"),
      motivation: fc.integer({ min: 1, max: 5 }),
      maturity: fc.integer({ min: 1, max: 5 }),
    }),
    { minLength: 1, maxLength: 10 },
  )
  .chain((rows) =>
    fc.record({
      cands: fc.constant(rows.map((r, i): Candidate => ({ id: `app-${i}`, boardId: `b-${(i * 7) % 11}-${i}`, boardName: r.name, ...r }))),
      size: fc.integer({ min: 1, max: rows.length }),
    }),
  );

describe("the selection proposal's rule", () => {
  it("is the best subset a brute force over every subset finds, on many random small instances", () => {
    fc.assert(
      fc.property(instance, ({ cands, size }) => {
        const proposal = proposeSelection(cands, size);
        const expected = bruteForce(cands, size);
        expect(proposal.optimal).toBe(true);
        expect([proposal.diversity, proposal.score, proposal.motivation]).toEqual(expected.value);
        expect(proposal.chosen.map((c) => c.id)).toEqual(expected.ids);
        expect(proposal.diversity).toBe(proposal.regions + proposal.populationClasses + proposal.belfiusClusters);
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same answer whatever order the applications arrive in", () => {
    fc.assert(
      fc.property(
        instance.chain((i) => fc.record({ i: fc.constant(i), shuffled: fc.shuffledSubarray(i.cands, { minLength: i.cands.length, maxLength: i.cands.length }) })),
        ({ i, shuffled }) => {
          const a = proposeSelection(i.cands, i.size);
          const b = proposeSelection(shuffled, i.size);
          expect(b.chosen.map((c) => c.id)).toEqual(a.chosen.map((c) => c.id));
          expect([...b.reasons.entries()]).toEqual([...a.reasons.entries()]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("passes over the highest-scored boards when they are less diverse", () => {
    const cands = [
      // The three best scores: one province, one class, one cluster.
      candidate("top1", { motivation: 5, maturity: 5 }),
      candidate("top2", { motivation: 5, maturity: 5 }),
      candidate("top3", { motivation: 5, maturity: 4 }),
      candidate("limburg", { province: "LIMBURG", population: 150_000, belfiusCluster: "Grootsteden", motivation: 2, maturity: 2 }),
      candidate("westflanders", { province: "WEST_FLANDERS", population: 5_000, belfiusCluster: null, motivation: 1, maturity: 2 }),
    ];
    const proposal = proposeSelection(cands, 3);
    expect(proposal.chosen.map((c) => c.id)).toEqual(["top1", "limburg", "westflanders"]);
    expect(proposal).toMatchObject({ diversity: 8, regions: 3, populationClasses: 3, belfiusClusters: 2, score: 17, optimal: true });
    expect(proposal.reasons.get("limburg")).toEqual([
      "the only board from LIMBURG in the selection",
      "the only one of 100,000 inhabitants or more",
      "the only one in Belfius cluster 'Grootsteden'",
      "motivation 2/5, maturity 2/5",
    ]);
    expect(proposal.reasons.get("westflanders")).toEqual([
      "the only board from WEST_FLANDERS in the selection",
      "the only one of fewer than 10,000 inhabitants",
      "motivation 1/5, maturity 2/5",
    ]);
  });

  it("decides a tie on diversity by the score, then the motivation, then the order by name", () => {
    const base = { province: "LIMBURG", population: 60_000, belfiusCluster: "Centrumsteden" };
    const fixed = candidate("antwerp", { motivation: 1, maturity: 1 });
    // Each adds the same diversity next to `fixed`; the higher score wins.
    const low = candidate("low", { ...base, motivation: 3, maturity: 3 });
    const high = candidate("high", { ...base, motivation: 2, maturity: 5 });
    const proposal = proposeSelection([fixed, low, high], 2);
    expect(proposal.chosen.map((c) => c.id)).toEqual(["high", "antwerp"]);
    expect(proposal.reasons.get("high")).toEqual(["the only board from LIMBURG in the selection", "the only one of 50,000 to 99,999 inhabitants", "motivation 2/5, maturity 5/5"]);
    // Equal score: the higher motivation wins.
    const motivated = candidate("motivated", { ...base, motivation: 5, maturity: 2 });
    expect(proposeSelection([fixed, high, motivated], 2).chosen.map((c) => c.id)).toEqual(["motivated", "antwerp"]);
    // Equal in everything: the board name decides, whatever order they came in.
    const a = candidate("x", { ...base, boardName: "Alpha", boardId: "z" });
    const b = candidate("y", { ...base, boardName: "Beta", boardId: "a" });
    expect(proposeSelection([fixed, b, a], 2).chosen.map((c) => c.id)).toEqual(["x", "antwerp"]);
    // A board that adds nothing unique is there on its scores.
    const twin = proposeSelection([candidate("p"), candidate("q", { motivation: 2 })], 2);
    expect(twin.reasons.get("q")).toEqual(["chosen on its scores (motivation 2/5, maturity 3/5) among equally diverse options"]);
  });

  it("lets the tie order, not the greedy seed, decide between equally good selections", () => {
    // The greedy seed finds a selection as good as the best, but a later one in the tie order.
    const row = (id: string, province: string, population: number, belfiusCluster: string | null, motivation: number, maturity: number) =>
      candidate(id, { boardName: "Same", boardId: `b-${id}`, province, population, belfiusCluster, motivation, maturity });
    const cands = [
      row("a0", "LIMBURG", 30_000, null, 2, 1),
      row("a1", "LIMBURG", 30_000, "x", 1, 1),
      row("a2", "ANTWERP", 150_000, null, 2, 1),
      row("a3", "WEST_FLANDERS", 30_000, null, 2, 2),
      row("a4", "WEST_FLANDERS", 30_000, "x", 1, 2),
      row("a5", "WEST_FLANDERS", 30_000, null, 2, 2),
      row("a6", "WEST_FLANDERS", 5_000, "y", 1, 1),
    ];
    expect(proposeSelection(cands, 5).chosen.map((c) => c.id)).toEqual(["a3", "a5", "a2", "a1", "a6"]);
    expect(bruteForce(cands, 5).ids).toEqual(["a3", "a5", "a2", "a1", "a6"]);
  });

  it("stops at its node budget, says it is not known to be optimal, and still answers a full selection", () => {
    const cands = Array.from({ length: 40 }, (_, i) =>
      candidate(`c${i}`, {
        boardName: `B${String(i).padStart(2, "0")}`,
        province: PROVINCES[i % 5]!,
        population: POPULATIONS[(i * 3) % 5]!,
        belfiusCluster: i % 4 === 0 ? null : `Cluster ${i % 7}`,
        motivation: 1 + ((i * 3) % 5),
        maturity: 1 + ((i * 7) % 5),
      }),
    );
    const cut = proposeSelection(cands, 12, { budget: 50 });
    expect(cut.optimal).toBe(false);
    expect(cut.chosen).toHaveLength(12);
    expect(new Set(cut.chosen.map((c) => c.id)).size).toBe(12);
    // With the default budget a small instance is searched to the end.
    expect(proposeSelection(cands.slice(0, 12), 4).optimal).toBe(true);
  });

  it("refuses a size outside 1..candidates", () => {
    expect(() => proposeSelection([candidate("a")], 2)).toThrow(RangeError);
    expect(() => proposeSelection([candidate("a")], 0)).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Through the API

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

const PROPOSAL = graphql(`
  query SelectionPropose($campaignId: ID!, $size: Int) {
    selectionProposal(campaignId: $campaignId, size: $size) {
      campaign { id }
      size diversity regions populationClasses belfiusClusters score consideredApplications unscoredApplications optimal
      boards { application { id status } board { id name province } populationClass score reasons }
    }
  }
`);
const CONFIRM = graphql(`
  mutation SelectionConfirm($input: ConfirmSelectionInput!) {
    confirmSelection(input: $input) {
      campaign { id status selectionConfirmedAt }
      selected { id theme focus board { id name } partner { id } campaign { id } }
      soundingBoard { id name }
    }
  }
`);
const CAMPAIGN_GROUPS = graphql(`
  query SelectionCampaignGroups($id: ID!) {
    node(id: $id) {
      ... on Campaign {
        status
        selectedBoards { board { name } theme }
        soundingBoard { name }
        applications(first: 50) { edges { node { board { name } status theme } } }
      }
    }
  }
`);

/** Counts of what a write would leave: audit rows, events, applications and trajectories. */
async function footprint() {
  const db = api.database.db;
  const [[a], [e], [t]] = await Promise.all([
    db.select({ n: count() }).from(auditLog),
    db.select({ n: count() }).from(domainEvents),
    db.select({ n: count() }).from(campaignTrajectories),
  ]);
  const applications = await db.select().from(campaignApplications).orderBy(campaignApplications.id);
  return { audit: a!.n, events: e!.n, trajectories: t!.n, applications };
}

let boardSeq = 0;
/** A fresh, open campaign with applicants on boards made for the test. */
async function openCampaign(
  applicants: { province: (typeof boards.$inferInsert)["province"]; population: number; cluster: string | null; motivation: number | null; maturity: number | null }[],
  selectionSize = 2,
) {
  const db = api.database.db;
  const [campaign] = await db
    .insert(campaigns)
    .values({ title: { nl: `Selectie ${++boardSeq}` }, themes: ["Welzijn", "Flexibel werken"], selectionSize, partnerId: fx.partnerOrganisationId })
    .returning();
  const applications = [];
  for (const [i, a] of applicants.entries()) {
    const [board] = await db
      .insert(boards)
      .values({
        name: `Selectiebestuur ${boardSeq}-${String.fromCharCode(65 + i)}`,
        kind: "MUNICIPALITY",
        province: a.province,
        population: a.population,
        belfiusCluster: a.cluster,
      })
      .returning();
    const [application] = await db
      .insert(campaignApplications)
      .values({ campaignId: campaign!.id, boardId: board!.id, motivationScore: a.motivation, maturityScore: a.maturity })
      .returning();
    applications.push({ ...application!, board: board! });
  }
  return { campaign: campaign!, id: globalId("Campaign", campaign!.id), applications };
}

describe("Query.selectionProposal", () => {
  it("is for consultants and admins only", async () => {
    expect(errorOf(await api.exec(PROPOSAL, { campaignId: fx.campaignId }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(PROPOSAL, { campaignId: fx.campaignId }, { as: memberOf(fx.selectedBoardIds[0]!) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(PROPOSAL, { campaignId: fx.campaignId }, { as: expertOf(fx.steeringOrganisationIds[0]!) }))).toMatchObject({ code: "FORBIDDEN" });
    const data = await api.ok(PROPOSAL, { campaignId: fx.campaignId }, { as: ADMIN });
    expect(data.selectionProposal.size).toBe(5);
  });

  it("proposes the seeded campaign's selection of 5 from its 12 scored applicants, after confirmation too, and writes nothing", async () => {
    const before = await footprint();
    const result = await api.exec(PROPOSAL, { campaignId: fx.campaignId }, { as: CONSULTANT });
    expect(result.errors).toBeUndefined();
    expect(result.writes).toBe(0);
    const p = result.data!.selectionProposal;
    expect(p).toMatchObject({ campaign: { id: fx.campaignId }, size: 5, consideredApplications: 12, unscoredApplications: 0, optimal: true });
    expect(p.boards).toHaveLength(5);
    // Every province is represented: the most diverse selection of 5 covers all five.
    expect(p.regions).toBe(5);
    expect(p.diversity).toBe(p.regions + p.populationClasses + p.belfiusClusters);
    expect(p.score).toBe(p.boards.reduce((s, b) => s + b.score, 0));
    // In the candidate order: score descending, then board name.
    const order = p.boards.map((b) => [-b.score, b.board.name] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1)));
    for (const b of p.boards) expect(b.reasons.at(-1)).toMatch(/motivation \d\/5, maturity \d\/5/);
    // Asked twice, the same answer.
    expect((await api.ok(PROPOSAL, { campaignId: fx.campaignId }, { as: CONSULTANT })).selectionProposal).toEqual(p);
    expect(await footprint()).toEqual(before);
  });

  it("leaves unscored applications out and counts them; the size must be met by the scored ones", async () => {
    const c = await openCampaign([
      { province: "ANTWERP", population: 30_000, cluster: "Centrumsteden", motivation: 5, maturity: 5 },
      { province: "LIMBURG", population: 150_000, cluster: "Grootsteden", motivation: 2, maturity: 1 },
      { province: "WEST_FLANDERS", population: 5_000, cluster: null, motivation: null, maturity: 5 },
      { province: "EAST_FLANDERS", population: 60_000, cluster: "Regionale steden", motivation: 4, maturity: null },
    ]);
    const p = (await api.ok(PROPOSAL, { campaignId: c.id }, { as: CONSULTANT })).selectionProposal;
    expect(p).toMatchObject({ size: 2, consideredApplications: 2, unscoredApplications: 2, diversity: 6, score: 13, optimal: true });
    expect(p.boards.map((b) => b.application.id)).toEqual([globalId("CampaignApplication", c.applications[0]!.id), globalId("CampaignApplication", c.applications[1]!.id)]);
    expect(p.boards[1]).toMatchObject({ populationClass: "FROM_100K", score: 3, board: { province: "LIMBURG" } });
    expect(errorOf(await api.exec(PROPOSAL, { campaignId: c.id, size: 3 }, { as: CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "size" });
    expect(errorOf(await api.exec(PROPOSAL, { campaignId: c.id, size: 0 }, { as: CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "size" });
    expect((await api.ok(PROPOSAL, { campaignId: c.id, size: 1 }, { as: CONSULTANT })).selectionProposal.boards).toHaveLength(1);
  });

  it("answers NOT_FOUND for a campaign that does not exist", async () => {
    const missing = globalId("Campaign", "00000000-0000-4000-8000-000000000000");
    expect(errorOf(await api.exec(PROPOSAL, { campaignId: missing }, { as: CONSULTANT }))).toMatchObject({ code: "NOT_FOUND", field: "campaignId" });
  });
});

describe("Mutation.confirmSelection", () => {
  const threeApplicants = [
    { province: "ANTWERP" as const, population: 30_000, cluster: "Centrumsteden", motivation: 5, maturity: 5 },
    { province: "LIMBURG" as const, population: 150_000, cluster: "Grootsteden", motivation: 2, maturity: 1 },
    { province: "WEST_FLANDERS" as const, population: 5_000, cluster: null, motivation: 3, maturity: 3 },
  ];
  const appId = (c: Awaited<ReturnType<typeof openCampaign>>, i: number) => globalId("CampaignApplication", c.applications[i]!.id);

  it("selects the boards with their theme and trajectory with the partner, and puts every other applicant on the sounding board, in one change", async () => {
    const c = await openCampaign(threeApplicants);
    const before = await footprint();
    const data = await api.ok(
      CONFIRM,
      {
        input: {
          campaignId: c.id,
          selections: [
            { applicationId: appId(c, 0), theme: "welzijn", focus: "Re-integratie" },
            { applicationId: appId(c, 2), theme: "Flexibel werken" },
          ],
        },
      },
      { as: CONSULTANT },
    );
    const r = data.confirmSelection;
    expect(r.campaign).toMatchObject({ id: c.id, status: "RUNNING" });
    expect(r.campaign.selectionConfirmedAt).not.toBeNull();
    // The campaign's spelling of the theme; by board name; with the campaign's partner.
    expect(r.selected.map((s) => [s.board.name, s.theme, s.focus, s.partner?.id])).toEqual([
      [c.applications[0]!.board.name, "Welzijn", "Re-integratie", globalId("Organisation", fx.partnerOrganisationId)],
      [c.applications[2]!.board.name, "Flexibel werken", null, globalId("Organisation", fx.partnerOrganisationId)],
    ]);
    expect(r.soundingBoard.map((b) => b.name)).toEqual([c.applications[1]!.board.name]);

    const groups = await api.ok(CAMPAIGN_GROUPS, { id: c.id }, { as: CONSULTANT });
    expect(groups.node).toMatchObject({
      status: "RUNNING",
      selectedBoards: [{ theme: "Welzijn" }, { theme: "Flexibel werken" }],
      soundingBoard: [{ name: c.applications[1]!.board.name }],
    });
    const statuses = await api.database.db
      .select({ status: campaignApplications.status, theme: campaignApplications.theme })
      .from(campaignApplications)
      .where(eq(campaignApplications.campaignId, c.campaign.id))
      .orderBy(campaignApplications.boardId);
    expect(statuses.map((s) => s.status).sort()).toEqual(["SELECTED", "SELECTED", "SOUNDING_BOARD"]);

    // Audit: the campaign, 3 applications, 2 trajectories. Events: 3 application changes, 1 confirmation.
    const after = await footprint();
    expect(after.audit - before.audit).toBe(6);
    expect(after.trajectories - before.trajectories).toBe(2);
    const events = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "campaign.selection.confirmed")).orderBy(domainEvents.position);
    expect(events.map((e) => e.payload)).toEqual([
      { campaignId: c.campaign.id, selectedBoardIds: expect.arrayContaining([c.applications[0]!.boardId, c.applications[2]!.boardId]), soundingBoardSize: 1 },
    ]);
    const appEvents = await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, "campaign.application.changed")).orderBy(domainEvents.position);
    expect(appEvents.map((e) => (e.payload as { status: string }).status).sort()).toEqual(["SELECTED", "SELECTED", "SOUNDING_BOARD"]);

    // Once per campaign.
    const again = await api.exec(
      CONFIRM,
      {
        input: {
          campaignId: c.id,
          selections: [
            { applicationId: appId(c, 1), theme: "Welzijn" },
            { applicationId: appId(c, 2), theme: "Welzijn" },
          ],
        },
      },
      { as: CONSULTANT },
    );
    expect(errorOf(again)).toMatchObject({ code: "CONFLICT", field: "input.campaignId" });
  });

  it("refuses a wrong number, an application of another campaign, one named twice, a theme not the campaign's and a steering-group board, writing nothing", async () => {
    const c = await openCampaign(threeApplicants);
    const [steering] = await api.database.db.insert(campaignSteeringMembers).values({ campaignId: c.campaign.id, boardId: c.applications[2]!.boardId }).returning();
    expect(steering).toBeDefined();
    const before = await footprint();
    const confirm = (selections: { applicationId: string; theme: string }[]) => api.exec(CONFIRM, { input: { campaignId: c.id, selections } }, { as: CONSULTANT });
    const ok = { applicationId: appId(c, 0), theme: "Welzijn" };
    expect(errorOf(await confirm([ok]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.selections" });
    const seeded = await api.database.db.select().from(campaignApplications).where(eq(campaignApplications.campaignId, fx.campaignRowId)).limit(1);
    expect(errorOf(await confirm([ok, { applicationId: globalId("CampaignApplication", seeded[0]!.id), theme: "Welzijn" }]))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.selections.1.applicationId",
    });
    expect(errorOf(await confirm([ok, ok]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.selections.1.applicationId" });
    expect(errorOf(await confirm([ok, { applicationId: appId(c, 1), theme: "Verloning" }]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.selections.1.theme" });
    expect(errorOf(await confirm([ok, { applicationId: appId(c, 2), theme: "Welzijn" }]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.selections.1.applicationId" });
    // Nothing of any attempt stayed: every application APPLIED, no trajectory, no audit row, no event.
    expect(await footprint()).toEqual(before);
    const statuses = await api.database.db.select({ status: campaignApplications.status }).from(campaignApplications).where(eq(campaignApplications.campaignId, c.campaign.id));
    expect(statuses.map((s) => s.status)).toEqual(["APPLIED", "APPLIED", "APPLIED"]);
    const [row] = await api.database.db.select().from(campaigns).where(eq(campaigns.id, c.campaign.id));
    expect(row!.selectionConfirmedAt).toBeNull();
  });

  it("is for consultants and admins only", async () => {
    const c = await openCampaign(threeApplicants);
    const input = {
      campaignId: c.id,
      selections: [
        { applicationId: appId(c, 0), theme: "Welzijn" },
        { applicationId: appId(c, 1), theme: "Welzijn" },
      ],
    };
    expect(errorOf(await api.exec(CONFIRM, { input }, { as: memberOf(c.applications[0]!.boardId) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(CONFIRM, { input }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect((await api.ok(CONFIRM, { input }, { as: ADMIN })).confirmSelection.selected).toHaveLength(2);
  });

  it.runIf(onPostgres)("lets exactly one of two simultaneous confirmations through, and the rows agree with it", async () => {
    const c = await openCampaign(threeApplicants);
    const first = {
      campaignId: c.id,
      selections: [
        { applicationId: appId(c, 0), theme: "Welzijn" },
        { applicationId: appId(c, 1), theme: "Welzijn" },
      ],
    };
    const second = {
      campaignId: c.id,
      selections: [
        { applicationId: appId(c, 1), theme: "Flexibel werken" },
        { applicationId: appId(c, 2), theme: "Flexibel werken" },
      ],
    };
    const results = await Promise.all([api.exec(CONFIRM, { input: first }, { as: CONSULTANT }), api.exec(CONFIRM, { input: second }, { as: ADMIN })]);
    const passed = results.filter((r) => !r.errors);
    expect(passed).toHaveLength(1);
    expect(errorOf(results.find((r) => r.errors)!)).toMatchObject({ code: "CONFLICT", field: "input.campaignId" });
    const winner = passed[0]!.data!.confirmSelection.selected.map((s) => s.board.id).sort();
    const trajectories = await api.database.db.select().from(campaignTrajectories).where(eq(campaignTrajectories.campaignId, c.campaign.id));
    expect(trajectories.map((t) => globalId("Board", t.boardId)).sort()).toEqual(winner);
    const selected = await api.database.db
      .select({ boardId: campaignApplications.boardId })
      .from(campaignApplications)
      .where(and(eq(campaignApplications.campaignId, c.campaign.id), eq(campaignApplications.status, "SELECTED")));
    expect(selected.map((s) => globalId("Board", s.boardId)).sort()).toEqual(winner);
    const [confirmed] = await api.database.db.select({ n: count() }).from(domainEvents).where(eq(domainEvents.name, "campaign.selection.confirmed"));
    expect(confirmed!.n).toBe(1);
  });
});

// The campaigns module's statement budget: a page of campaigns with everything a campaign page
// shows (groups, meetings, pitches with options, ballot counts and what was kept, results with
// their board and option, applications) costs the same number of SQL statements with one campaign
// of 5 pitches as with three campaigns of 5, 4 and 6 pitches and more ballots and results.
import { asc, eq, notInArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { boards } from "../../db/schema/boards.js";
import {
  campaignApplications,
  campaignBallots,
  campaignMeetings,
  campaignPitches,
  campaignPitchOptions,
  campaignResults,
  campaignSteeringMembers,
  campaigns,
  campaignTrajectories,
} from "../../db/schema/campaigns.js";
import { seedDatabase } from "../../db/seed/index.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type TestApi } from "../helpers/api.js";
import { type CampaignFixture, CONSULTANT, loadCampaignFixture, memberOf } from "../helpers/campaigns.js";

let api: TestApi;
let fx: CampaignFixture;

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  fx = await loadCampaignFixture(api);
  return () => api.close();
});

const PAGE = graphql(`
  query BudgetCampaignPage {
    campaigns(first: 10) {
      totalCount
      edges {
        node {
          id status partner { name(locale: NL) } viewerCanApply viewerCanVote
          applications(first: 50) { totalCount edges { node { board { name } populationClass motivationScore } } }
          selectedBoards { board { name } theme partner { id } }
          soundingBoard { name }
          steeringGroup { board { name } organisation { name(locale: NL) } }
          meetings { heldOn pitches { id } }
          pitches { board { name } voteStatus ballotCount tieDecision { keptOptions { position } } viewerBallot { options { position } } options { position title(locale: NL) votes kept } }
          results(first: 50) { totalCount edges { node { title(locale: NL) status theme board { name } option { title(locale: NL) pitch { board { name } } } campaign { id } } } }
        }
      }
    }
  }
`);

/** Ballots of the sounding board on a pitch, results from two of its options, and the vote closed. */
async function voteAndKeep(pitchId: string, campaignId: string, boardId: string, soundingBoard: string[], options: string[], status: "DRAFT" | "INTERMEDIATE" | "PUBLISHED") {
  const db = api.database.db;
  await db.insert(campaignBallots).values(soundingBoard.map((b, i) => ({ pitchId, boardId: b, firstOptionId: options[0]!, secondOptionId: options[i % 2 === 0 ? 1 : 2]! })));
  await db.insert(campaignResults).values(
    options.slice(0, 2).map((optionId, i) => ({
      campaignId,
      boardId,
      optionId,
      kind: "INSTRUMENT" as const,
      title: { nl: `Resultaat ${i}` },
      theme: "Flexibel werken",
      status,
      intermediateAt: status === "DRAFT" ? null : new Date(),
      publishedAt: status === "PUBLISHED" ? new Date() : null,
    })),
  );
  await db.update(campaignPitches).set({ voteStatus: "CLOSED", voteClosedAt: new Date() }).where(eq(campaignPitches.id, pitchId));
}

/** A campaign like the seeded one, made row by row: applicants, a selection with pitches of 3 options, a steering group. */
async function addCampaign(title: string, selected: string[], sounding: string[]): Promise<void> {
  const db = api.database.db;
  const [campaign] = await db
    .insert(campaigns)
    .values({ title: { nl: title }, themes: ["Flexibel werken"], selectionSize: selected.length, selectionConfirmedAt: new Date() })
    .returning();
  const [meeting] = await db.insert(campaignMeetings).values({ campaignId: campaign!.id, kind: "SOUNDING_BOARD", heldOn: "2026-05-31" }).returning();
  await db
    .insert(campaignApplications)
    .values(sounding.map((boardId) => ({ campaignId: campaign!.id, boardId, status: "SOUNDING_BOARD" as const, motivationScore: 3, maturityScore: 3 })));
  await db.insert(campaignSteeringMembers).values({ campaignId: campaign!.id, boardId: sounding[0]! === selected[0] ? selected[1]! : fx.steeringBoardIds[0]! });
  for (const [i, boardId] of selected.entries()) {
    const [application] = await db
      .insert(campaignApplications)
      .values({ campaignId: campaign!.id, boardId, status: "SELECTED", theme: "Flexibel werken", motivationScore: 4, maturityScore: 4 })
      .returning();
    await db.insert(campaignTrajectories).values({ campaignId: campaign!.id, applicationId: application!.id, boardId, theme: "Flexibel werken" });
    const [pitch] = await db.insert(campaignPitches).values({ campaignId: campaign!.id, meetingId: meeting!.id, applicationId: application!.id, boardId }).returning();
    const options = await db
      .insert(campaignPitchOptions)
      .values([1, 2, 3].map((position) => ({ pitchId: pitch!.id, position, kind: "TEMPLATE" as const, title: { nl: `${title} ${i}.${position}` } })))
      .returning();
    if (i % 2 === 0) await voteAndKeep(pitch!.id, campaign!.id, boardId, sounding, options.map((o) => o.id).sort(), i === 0 ? "PUBLISHED" : "INTERMEDIATE");
  }
}

describe("the campaign page's statement budget", () => {
  it("is the same for one campaign as for three, for a consultant and for a sounding-board member", async () => {
    const asMember: Actor = memberOf(fx.soundingBoardIds[0]!);
    const measure = async (as: Actor) => {
      const result = await api.exec(PAGE, {}, { as });
      expect(result.errors).toBeUndefined();
      return { statements: result.statements, campaigns: result.data!.campaigns.edges.length, results: result.data!.campaigns.edges.flatMap((e) => e.node.results.edges).length };
    };
    // The seeded campaign, with two of its votes closed and their kept options as results.
    for (const [i, pitch] of fx.pitches.slice(0, 2).entries()) {
      await voteAndKeep(pitch.pitchId, fx.campaignRowId, pitch.boardId, fx.soundingBoardIds, [...pitch.optionIds].sort(), i === 0 ? "PUBLISHED" : "INTERMEDIATE");
    }
    const small = { consultant: await measure(CONSULTANT), member: await measure(asMember) };
    expect(small.consultant.campaigns).toBe(1);
    expect(small.consultant.results).toBe(4);

    const free = await api.database.db
      .select({ id: boards.id })
      .from(boards)
      .where(notInArray(boards.id, [...fx.selectedBoardIds, ...fx.soundingBoardIds, ...fx.steeringBoardIds]))
      .orderBy(asc(boards.name))
      .limit(14);
    const ids = free.map((b) => b.id);
    await addCampaign("Budget A", ids.slice(0, 4), ids.slice(4, 9));
    await addCampaign("Budget B", ids.slice(9, 14), [fx.soundingBoardIds[0]!, ...ids.slice(0, 3)]);
    const large = { consultant: await measure(CONSULTANT), member: await measure(asMember) };
    expect(large.consultant.campaigns).toBe(3);
    expect(large.consultant.results).toBe(small.consultant.results + 10);
    // Bounded, not per row: a loader asked at several depths (boards for applications, pitches,
    // results and options' pitches) batches once per depth it is asked at, and on a networked
    // database which of those asks share a tick varies from run to run by a statement or two.
    // Three campaigns instead of one add 10 results, 9 pitches and 18 applications: a field
    // read per row would add at least 10 statements (checked: a per-result board query adds 10).
    for (const who of ["consultant", "member"] as const) {
      expect(large[who].statements, who).toBeLessThanOrEqual(small[who].statements + 3);
      expect(small[who].statements, who).toBeLessThanOrEqual(30);
    }
  });
});

// Issue 10's "done when", run through the API as its users would: a consultant opens a campaign,
// boards apply and are scored, the API proposes the most diverse selection, the consultant
// confirms it (the others become the sounding board), the steering group is formed, the selected
// boards pitch 3 options each at a sounding-board meeting, the sounding board votes (one board
// changes its mind), a clear vote closes at once while a tie waits for the steering group's
// decision, and the kept options move from draft through intermediate (the circle sees them, an
// outsider does not) to published (everyone finds them in the library by theme). Every step
// leaves its audit row and its typed event in the outbox.
import { asc, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { organisations } from "../../db/schema/organisations.js";
import { seedDatabase } from "../../db/seed/index.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { CONSULTANT, memberOf } from "../helpers/campaigns.js";
import { globalId } from "../helpers/funding.js";

let api: TestApi;
/** Row ids by board name. */
let board: Record<string, string>;
let mondea: string;
let vvsg: string;

const APPLICANTS = ["Antwerpen", "Hasselt", "Brugge", "Aalst", "Lier", "Halle"] as const;

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  const rows = await api.database.db.select({ id: boards.id, name: boards.name }).from(boards).orderBy(asc(boards.name));
  board = Object.fromEntries(rows.map((r) => [r.name, r.id]));
  const orgs = await api.database.db
    .select({ id: organisations.id, name: sql<string>`${organisations.name}->>'nl'` })
    .from(organisations)
    .where(inArray(sql`${organisations.name}->>'nl'`, ["Mondea", "VVSG"]));
  mondea = orgs.find((o) => o.name === "Mondea")!.id;
  vvsg = orgs.find((o) => o.name === "VVSG")!.id;
  return () => api.close();
});

const CREATE = graphql(`
  mutation JourneyCreateCampaign($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id status themes viewerCanManage } } }
`);
const APPLY = graphql(`
  mutation JourneyApply($input: ApplyToCampaignInput!) { applyToCampaign(input: $input) { application { id status board { name } } } }
`);
const SCORE = graphql(`
  mutation JourneyScore($input: UpdateCampaignApplicationInput!) { updateCampaignApplication(input: $input) { application { id motivationScore maturityScore group } } }
`);
const PROPOSAL = graphql(`
  query JourneyProposal($campaignId: ID!, $size: Int) {
    selectionProposal(campaignId: $campaignId, size: $size) {
      size diversity regions populationClasses belfiusClusters score optimal consideredApplications unscoredApplications
      boards { application { id } board { name province } populationClass score reasons }
    }
  }
`);
const CONFIRM = graphql(`
  mutation JourneyConfirm($input: ConfirmSelectionInput!) {
    confirmSelection(input: $input) { campaign { status } selected { board { name } theme partner { name(locale: NL) } } soundingBoard { name } }
  }
`);
const STEERING = graphql(`
  mutation JourneySteering($input: AddSteeringGroupMemberInput!) { addSteeringGroupMember(input: $input) { member { id } } }
`);
const MEETING = graphql(`
  mutation JourneyMeeting($input: PlanCampaignMeetingInput!) { planCampaignMeeting(input: $input) { meeting { id kind heldOn } } }
`);
const PITCH = graphql(`
  mutation JourneyPitch($input: RecordPitchInput!) { recordPitch(input: $input) { pitch { id voteStatus options { id position title(locale: NL) } } } }
`);
const BALLOT = graphql(`
  mutation JourneyBallot($input: CastBallotInput!) { castBallot(input: $input) { ballot { board { name } options { position } } pitch { id } } }
`);
const CLOSE = graphql(`
  mutation JourneyClose($pitchId: ID!) { closeVote(pitchId: $pitchId) { pitch { voteStatus ballotCount options { position votes kept } } results { id status theme title(locale: NL) } } }
`);
const TIE = graphql(`
  mutation JourneyTie($input: RecordTieDecisionInput!) { recordTieDecision(input: $input) { pitch { tieDecision { keptOptions { position } note } } } }
`);
const PUBLISH = graphql(`
  mutation JourneyPublish($input: PublishResultInput!) { publishResult(input: $input) { result { id status intermediateAt publishedAt } } }
`);
const RESULTS = graphql(`
  query JourneyResults($id: ID!) { node(id: $id) { ... on Campaign { results(first: 50) { totalCount edges { node { id status } } } } } }
`);
const LIBRARY = graphql(`
  query JourneyLibrary($theme: String) { campaignResults(first: 50, filter: { theme: $theme }) { totalCount edges { node { id title(locale: NL) theme board { name } campaign { id } } } } }
`);

describe("a campaign's whole cycle through the API", () => {
  it("runs from the call for applications to results in the public library", async () => {
    const themes = ["Aanwerving en selectie", "Welzijn op het werk"];
    const created = await api.ok(
      CREATE,
      { input: { title: { nl: "Reiscampagne wendbaar werkgeverschap" }, partnerId: globalId("Organisation", mondea), themes, selectionSize: 2 } },
      { as: CONSULTANT },
    );
    const campaignId = created.createCampaign.campaign.id;
    expect(created.createCampaign.campaign.status).toBe("OPEN_FOR_APPLICATIONS");

    // Each board applies for itself; consultants score and group the applications.
    const applications: Record<string, string> = {};
    const scores: Record<string, [number, number]> = { Antwerpen: [5, 5], Hasselt: [3, 3], Brugge: [4, 2], Aalst: [4, 4], Lier: [5, 4], Halle: [3, 2] };
    for (const name of APPLICANTS) {
      const applied = await api.ok(APPLY, { input: { campaignId, objectives: `Doelen van ${name}`, themeAffinity: [themes[0]!] } }, { as: memberOf(board[name]!) });
      applications[name] = applied.applyToCampaign.application.id;
      const [motivation, maturity] = scores[name]!;
      await api.ok(SCORE, { input: { id: applications[name]!, motivationScore: motivation, maturityScore: maturity, group: "Groep 1" } }, { as: CONSULTANT });
    }

    // The proposal writes nothing and explains itself.
    const events = async () => (await api.database.db.select().from(domainEvents)).length;
    const eventsBefore = await events();
    const { selectionProposal } = await api.ok(PROPOSAL, { campaignId, size: 2 }, { as: CONSULTANT });
    expect(await events()).toBe(eventsBefore);
    expect(selectionProposal.optimal).toBe(true);
    expect(selectionProposal.boards).toHaveLength(2);
    // Antwerpen and Lier score best but share a province: the most diverse pair with the best score is Antwerpen and Aalst.
    expect(selectionProposal.boards.map((b) => b.board.name)).toEqual(["Antwerpen", "Aalst"]);
    expect(selectionProposal.diversity).toBe(6);
    for (const proposed of selectionProposal.boards) expect(proposed.reasons.length).toBeGreaterThan(0);

    const selected = selectionProposal.boards.map((b) => b.board.name);
    const confirmed = await api.ok(
      CONFIRM,
      { input: { campaignId, selections: selectionProposal.boards.map((b, i) => ({ applicationId: b.application.id, theme: themes[i]! })) } },
      { as: CONSULTANT },
    );
    expect(confirmed.confirmSelection.campaign.status).toBe("RUNNING");
    expect(confirmed.confirmSelection.selected.map((s) => s.board.name).sort()).toEqual([...selected].sort());
    expect(confirmed.confirmSelection.selected.every((s) => s.partner?.name === "Mondea")).toBe(true);
    const soundingBoard = APPLICANTS.filter((name) => !selected.includes(name));
    expect(confirmed.confirmSelection.soundingBoard.map((b) => b.name)).toEqual([...soundingBoard].sort());

    // A steering group: another board and an expert organisation.
    await api.ok(STEERING, { input: { campaignId, boardId: globalId("Board", board.Gent!) } }, { as: CONSULTANT });
    await api.ok(STEERING, { input: { campaignId, organisationId: globalId("Organisation", vvsg) } }, { as: CONSULTANT });

    const meeting = await api.ok(MEETING, { input: { campaignId, kind: "SOUNDING_BOARD", heldOn: "2027-05-31" } }, { as: CONSULTANT });
    const meetingId = meeting.planCampaignMeeting.meeting.id;
    const pitches = [];
    for (const [i, proposed] of selectionProposal.boards.entries()) {
      const pitched = await api.ok(
        PITCH,
        {
          input: {
            meetingId,
            applicationId: proposed.application.id,
            plan: { nl: `Plan van ${proposed.board.name}` },
            options: [1, 2, 3].map((n) => ({ kind: n === 3 ? ("TEMPLATE" as const) : ("INSTRUMENT" as const), title: { nl: `${themes[i]}: optie ${n}` } })),
          },
        },
        { as: CONSULTANT },
      );
      pitches.push(pitched.recordPitch.pitch);
    }
    const [clear, tied] = pitches as [(typeof pitches)[number], (typeof pitches)[number]];
    const option = (pitch: typeof clear, position: number) => pitch.options.find((o) => o.position === position)!.id;

    // The sounding board votes. On the first pitch options 1 and 2 win; one board changes its mind.
    const voters = soundingBoard.map((name) => memberOf(board[name]!));
    for (const voter of voters) await api.ok(BALLOT, { input: { pitchId: clear.id, optionIds: [option(clear, 2), option(clear, 3)] } }, { as: voter });
    for (const voter of voters.slice(0, 3)) await api.ok(BALLOT, { input: { pitchId: clear.id, optionIds: [option(clear, 1), option(clear, 2)] } }, { as: voter });
    // On the second, 2 ballots for options 1+2 and 2 for 1+3: option 1 first, 2 and 3 tied for second place.
    for (const [i, voter] of voters.entries()) {
      await api.ok(BALLOT, { input: { pitchId: tied.id, optionIds: [option(tied, 1), option(tied, i % 2 === 0 ? 2 : 3)] } }, { as: voter });
    }
    // An outsider cannot vote.
    const outsider = memberOf(board.Oostende!);
    expect(errorOf(await api.exec(BALLOT, { input: { pitchId: clear.id, optionIds: [option(clear, 1), option(clear, 2)] } }, { as: outsider })).code).toBe("FORBIDDEN");

    const closedClear = await api.ok(CLOSE, { pitchId: clear.id }, { as: CONSULTANT });
    expect(closedClear.closeVote.pitch.ballotCount).toBe(4);
    expect(closedClear.closeVote.pitch.options.map((o) => [o.position, o.votes, o.kept])).toEqual([
      [1, 3, true],
      [2, 4, true],
      [3, 1, false],
    ]);
    expect(closedClear.closeVote.results.map((r) => r.status)).toEqual(["DRAFT", "DRAFT"]);

    // The tie is not decided by chance: closing waits for the steering group.
    const refused = await api.exec(CLOSE, { pitchId: tied.id }, { as: CONSULTANT });
    expect(errorOf(refused).code).toBe("CONFLICT");
    await api.ok(TIE, { input: { pitchId: tied.id, keptOptionIds: [option(tied, 1), option(tied, 3)], note: "Optie 3 is breder bruikbaar" } }, { as: memberOf(board.Gent!) });
    const closedTied = await api.ok(CLOSE, { pitchId: tied.id }, { as: CONSULTANT });
    expect(closedTied.closeVote.pitch.options.filter((o) => o.kept).map((o) => o.position)).toEqual([1, 3]);

    // Draft, then intermediate: the sounding board sees it, an outsider does not; then published for all.
    const resultIds = [...closedClear.closeVote.results, ...closedTied.closeVote.results].map((r) => r.id);
    const visibleTo = async (as: Parameters<typeof memberOf>[0] | null) =>
      (await api.ok(RESULTS, { id: campaignId }, as ? { as: memberOf(as) } : {})).node as { results: { totalCount: number } } | null;
    expect((await visibleTo(board[soundingBoard[0]!]!))?.results.totalCount).toBe(0);
    for (const resultId of resultIds) await api.ok(PUBLISH, { input: { resultId, status: "INTERMEDIATE" } }, { as: CONSULTANT });
    expect((await visibleTo(board[soundingBoard[0]!]!))?.results.totalCount).toBe(4);
    expect((await visibleTo(board.Oostende!))?.results.totalCount).toBe(0);
    expect((await api.ok(LIBRARY, { theme: themes[0]! })).campaignResults.totalCount).toBe(0);

    for (const resultId of resultIds) await api.ok(PUBLISH, { input: { resultId, status: "PUBLISHED" } }, { as: CONSULTANT });
    expect((await visibleTo(board.Oostende!))?.results.totalCount).toBe(4);
    const library = await api.ok(LIBRARY, { theme: themes[0]!.toUpperCase() });
    expect(library.campaignResults.totalCount).toBe(2);
    expect(library.campaignResults.edges.every((e) => e.node.theme === themes[0] && e.node.campaign.id === campaignId)).toBe(true);

    // Every step left its event in the outbox and its audit row.
    const names = (await api.database.db.select({ name: domainEvents.name }).from(domainEvents)).map((e) => e.name);
    for (const name of [
      "campaign.selection.confirmed",
      "campaign.vote.tieDecided",
      "campaign.vote.closed",
      "campaign.result.drafted",
      "campaign.result.intermediate",
      "campaign.result.published",
    ]) {
      expect(names, name).toContain(name);
    }
    expect(names.filter((n) => n === "campaign.result.published")).toHaveLength(4);
    const audited = await api.database.db.select({ operation: auditLog.operation, actorRole: auditLog.actorRole }).from(auditLog).where(eq(auditLog.actorRole, "BOARD_MEMBER"));
    // 6 applications, 4×2 ballots and 3 changes made by board members, and the steering group's decision.
    expect(audited.length).toBeGreaterThanOrEqual(6 + 8 + 3 + 1);
  });
});

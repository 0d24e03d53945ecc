// The sounding board's votes on the selected boards' pitches (seed 000: on 31 May 2024 each selected
// board pitched its plan with 3 instruments or templates and the sounding board chose 2 per board).
// Recording a pitch; ballots of exactly 2 of the pitch's 3 options, one per sounding-board board,
// changed in place until the vote closes; who sees the counts; closing a vote into 2 draft results;
// the tie rule and the steering group's decision; concurrent ballots and closings (PostgreSQL); and
// the statement budget of a campaign's pitches with their options, counts and ballots.
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { campaignApplications, campaignBallots, campaignMeetings, campaignPitches, campaignPitchOptions, campaignResults, campaigns } from "../../db/schema/campaigns.js";
import type { PitchOptionInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { ADMIN, type CampaignFixture, CONSULTANT, expertOf, loadCampaignFixture, memberOf, partnerOf, type SeededPitch } from "../helpers/campaigns.js";
import { onPostgres } from "../helpers/db.js";
import { globalId, MISSING_UUID } from "../helpers/funding.js";

const RECORD_PITCH = graphql(`
  mutation VotesRecordPitch($input: RecordPitchInput!) {
    recordPitch(input: $input) {
      pitch {
        id voteStatus voteClosedAt plan(locale: NL) example
        board { id } campaign { id } meeting { id }
        options { id position kind title(locale: NL) titleTranslations { nl fr en } description(locale: NL) votes kept pitch { id } }
      }
    }
  }
`);
const CAST = graphql(`
  mutation VotesCast($input: CastBallotInput!) {
    castBallot(input: $input) { ballot { board { id } options { id position } castAt updatedAt } pitch { id ballotCount } }
  }
`);
const TIE = graphql(`
  mutation VotesTie($input: RecordTieDecisionInput!) {
    recordTieDecision(input: $input) { pitch { id tieDecision { keptOptions { id position } note decidedAt } } }
  }
`);
const CLOSE = graphql(`
  mutation VotesClose($pitchId: ID!) {
    closeVote(pitchId: $pitchId) {
      pitch { id voteStatus voteClosedAt ballotCount options { id position votes kept } }
      results { status kind theme }
    }
  }
`);
const PITCH = graphql(`
  query VotesPitch($id: ID!) {
    node(id: $id) {
      ... on Pitch {
        id voteStatus ballotCount
        options { id position votes kept }
        tieDecision { keptOptions { id } note }
        viewerBallot { board { id } options { id position } }
      }
    }
  }
`);
const CAMPAIGN_PITCHES = graphql(`
  query VotesCampaignPitches($id: ID!) {
    node(id: $id) {
      ... on Campaign {
        id viewerCanVote
        pitches {
          id board { name } voteStatus ballotCount
          options { id title(locale: NL) votes kept }
          tieDecision { keptOptions { id } note }
          viewerBallot { options { id } }
        }
        meetings { id pitches { id board { name } } }
      }
    }
  }
`);

let api: TestApi;
let fx: CampaignFixture;
let db: TestApi["database"]["db"];

beforeAll(async () => {
  api = await createTestApi();
  db = api.database.db;
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  fx ??= await loadCampaignFixture(api);
  expect(fx.pitches).toHaveLength(5);
  expect(fx.soundingBoardIds).toHaveLength(7);
});

/** The i-th sounding-board board's member. */
const voter = (i: number): Actor => memberOf(fx.soundingBoardIds[i]!);
/** Positions (1-3) of a pitch's options as global ids. */
const opts = (pitch: SeededPitch, ...positions: number[]) => positions.map((p) => pitch.options[p - 1]!);

async function cast(pitch: SeededPitch, i: number, ...positions: number[]) {
  return api.ok(CAST, { input: { pitchId: pitch.id, optionIds: opts(pitch, ...positions) } }, { as: voter(i) });
}

/** Casts ballots for boards 0.. in order, each the pair of positions given. */
async function castAll(pitch: SeededPitch, ballots: [number, number][]) {
  for (const [i, pair] of ballots.entries()) await cast(pitch, i, ...pair);
}

async function eventsNamed(name: string) {
  return db.select().from(domainEvents).where(eq(domainEvents.name, name)).orderBy(domainEvents.position);
}

/** A second campaign with one selected board's pitch of 3 options, written directly. */
async function otherCampaign() {
  const [boardRow] = await db.select({ id: boards.id }).from(boards).where(eq(boards.id, fx.outsiderBoardId));
  const [campaign] = await db
    .insert(campaigns)
    .values({ title: { nl: "Een andere campagne" }, themes: ["Welzijn"], selectionSize: 1, selectionConfirmedAt: new Date() })
    .returning();
  const [meeting] = await db.insert(campaignMeetings).values({ campaignId: campaign!.id, kind: "SOUNDING_BOARD", heldOn: "2025-01-10" }).returning();
  const [application] = await db.insert(campaignApplications).values({ campaignId: campaign!.id, boardId: boardRow!.id, status: "SELECTED", theme: "Welzijn" }).returning();
  const [pitch] = await db.insert(campaignPitches).values({ campaignId: campaign!.id, meetingId: meeting!.id, applicationId: application!.id, boardId: boardRow!.id }).returning();
  const options = await db
    .insert(campaignPitchOptions)
    .values([1, 2, 3].map((position) => ({ pitchId: pitch!.id, position, kind: "INSTRUMENT" as const, title: { nl: `Andere optie ${position}` } })))
    .returning();
  return { campaign: campaign!, meeting: meeting!, pitch: pitch!, options: options.sort((a, b) => a.position - b.position).map((o) => globalId("PitchOption", o.id)) };
}

const pitchInput = (applicationId: string, meetingRowId = fx.meetingRowId) => ({
  meetingId: globalId("CampaignMeeting", meetingRowId),
  applicationId: globalId("CampaignApplication", applicationId),
  plan: { nl: "Een plan\nover twee regels" },
  options: [
    { kind: "TEMPLATE" as const, title: { nl: "Sjabloon A", en: "Template A" }, description: { nl: "Een sjabloon" } },
    { kind: "INSTRUMENT" as const, title: { nl: "Instrument B" } },
    { kind: "TEMPLATE" as const, title: { nl: "Sjabloon C" } },
  ],
});

/** Removes a seeded pitch (no ballot is seeded), so its selected board can pitch again. */
async function unpitch(pitch: SeededPitch) {
  await db.delete(campaignPitchOptions).where(eq(campaignPitchOptions.pitchId, pitch.pitchId));
  await db.delete(campaignPitches).where(eq(campaignPitches.id, pitch.pitchId));
}

describe("recordPitch", () => {
  it("records a selected board's pitch with its 3 options in the given order, its vote open, audited and announced", async () => {
    const seeded = fx.pitches[0]!;
    await unpitch(seeded);
    const { recordPitch } = await api.ok(RECORD_PITCH, { input: pitchInput(seeded.applicationId) }, { as: CONSULTANT });
    const pitch = recordPitch.pitch;
    expect(pitch).toMatchObject({
      voteStatus: "OPEN",
      voteClosedAt: null,
      plan: "Een plan\nover twee regels",
      example: false,
      board: { id: globalId("Board", seeded.boardId) },
      campaign: { id: fx.campaignId },
      meeting: { id: globalId("CampaignMeeting", fx.meetingRowId) },
    });
    expect(pitch.options.map((o) => [o.position, o.kind, o.title, o.description, o.votes, o.kept])).toEqual([
      [1, "TEMPLATE", "Sjabloon A", "Een sjabloon", 0, false],
      [2, "INSTRUMENT", "Instrument B", null, 0, false],
      [3, "TEMPLATE", "Sjabloon C", null, 0, false],
    ]);
    expect(pitch.options[0]!.titleTranslations).toEqual({ nl: "Sjabloon A", fr: null, en: "Template A" });
    expect(pitch.options.every((o) => o.pitch.id === pitch.id)).toBe(true);

    const pitchRowId = Buffer.from(pitch.id, "base64url").toString().split(":")[1]!;
    const audit = await db.select().from(auditLog).where(eq(auditLog.operation, "recordPitch"));
    expect(audit.map((a) => a.entityType).sort()).toEqual(["Pitch", "PitchOption", "PitchOption", "PitchOption"]);
    const [event] = await eventsNamed("campaign.changed");
    expect(event?.payload).toEqual({ campaignId: fx.campaignRowId, part: "PITCH", partId: pitchRowId, operation: "CREATED" });
  });

  it("refuses a second pitch of a board, a board not selected, another campaign's application and a meeting that is not the sounding board's", async () => {
    const seeded = fx.pitches[0]!;
    const pitchedTwice = await api.exec(RECORD_PITCH, { input: pitchInput(seeded.applicationId) }, { as: CONSULTANT });
    expect(errorOf(pitchedTwice)).toMatchObject({ code: "CONFLICT", field: "input.applicationId" });

    const [sounding] = await db.select().from(campaignApplications).where(eq(campaignApplications.boardId, fx.soundingBoardIds[0]!));
    expect(errorOf(await api.exec(RECORD_PITCH, { input: pitchInput(sounding!.id) }, { as: CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.applicationId" });

    const other = await otherCampaign();
    await db.delete(campaignPitchOptions).where(eq(campaignPitchOptions.pitchId, other.pitch.id));
    await db.delete(campaignPitches).where(eq(campaignPitches.id, other.pitch.id));
    expect(errorOf(await api.exec(RECORD_PITCH, { input: pitchInput(other.pitch.applicationId) }, { as: CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.applicationId",
    });

    await unpitch(seeded);
    const [steering] = await db.insert(campaignMeetings).values({ campaignId: fx.campaignRowId, kind: "STEERING_GROUP", heldOn: "2024-06-10" }).returning();
    expect(errorOf(await api.exec(RECORD_PITCH, { input: pitchInput(seeded.applicationId, steering!.id) }, { as: CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.meetingId",
    });
    expect(errorOf(await api.exec(RECORD_PITCH, { input: pitchInput(seeded.applicationId, MISSING_UUID) }, { as: CONSULTANT })).code).toBe("NOT_FOUND");
    expect(await db.select().from(campaignPitches).where(eq(campaignPitches.applicationId, seeded.applicationId))).toHaveLength(0);
  });

  it("wants exactly 3 options, of distinct titles ignoring case, instruments or templates, with valid text", async () => {
    const seeded = fx.pitches[0]!;
    await unpitch(seeded);
    const base = pitchInput(seeded.applicationId);
    const refusal = async (options: PitchOptionInput[]) => errorOf(await api.exec(RECORD_PITCH, { input: { ...base, options } }, { as: CONSULTANT }));
    expect(await refusal(base.options.slice(0, 2))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.options", message: expect.stringContaining("exactly 3") });
    expect(await refusal([...base.options, { kind: "TEMPLATE", title: { nl: "Sjabloon D" } }])).toMatchObject({ code: "BAD_USER_INPUT", field: "input.options" });
    expect(await refusal([base.options[0]!, base.options[1]!, { kind: "TEMPLATE", title: { nl: "  sjabloon a " } }])).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.options.2.title.nl",
    });
    expect(await refusal([{ kind: "GOOD_PRACTICE", title: { nl: "Praktijk" } }, base.options[1]!, base.options[2]!])).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.options.0.kind",
    });
    expect(await refusal([{ kind: "TEMPLATE", title: { nl: "Twee\nregels" } }, base.options[1]!, base.options[2]!])).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.options.0.title.nl",
    });
    expect(await refusal([{ kind: "TEMPLATE", title: { nl: "   " } }, base.options[1]!, base.options[2]!])).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.options.0.title.nl",
    });
    expect(await db.select().from(campaignPitches).where(eq(campaignPitches.applicationId, seeded.applicationId))).toHaveLength(0);
  });

  it("is for consultants and admins only", async () => {
    const seeded = fx.pitches[0]!;
    await unpitch(seeded);
    const input = pitchInput(seeded.applicationId);
    expect(errorOf(await api.exec(RECORD_PITCH, { input })).code).toBe("UNAUTHENTICATED");
    expect(errorOf(await api.exec(RECORD_PITCH, { input }, { as: memberOf(seeded.boardId) })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(RECORD_PITCH, { input }, { as: expertOf(fx.steeringOrganisationIds[0]!) })).code).toBe("FORBIDDEN");
    await api.ok(RECORD_PITCH, { input }, { as: ADMIN });
  });
});

describe("castBallot", () => {
  it("stores a sounding-board board's ballot of 2 options by position, audited, and shows it as the board's own", async () => {
    const pitch = fx.pitches[0]!;
    const { castBallot } = await cast(pitch, 0, 3, 1);
    expect(castBallot.ballot.board.id).toBe(globalId("Board", fx.soundingBoardIds[0]!));
    expect(castBallot.ballot.options.map((o) => o.position)).toEqual([1, 3]);
    // The counts of an open vote are for editors.
    expect(castBallot.pitch.ballotCount).toBeNull();

    const rows = await db.select().from(campaignBallots).where(eq(campaignBallots.pitchId, pitch.pitchId));
    expect(rows).toEqual([expect.objectContaining({ boardId: fx.soundingBoardIds[0], firstOptionId: pitch.optionIds[0], secondOptionId: pitch.optionIds[2] })]);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityType, "Ballot"));
    expect(audit).toMatchObject({ operation: "CAST", entityId: rows[0]!.id, before: null, after: expect.objectContaining({ firstOptionId: pitch.optionIds[0] }) });
    const [event] = await eventsNamed("campaign.ballot.cast");
    expect(event?.payload).toEqual({ pitchId: pitch.pitchId, campaignId: fx.campaignRowId, boardId: fx.soundingBoardIds[0], operation: "CREATED" });

    const mine = (await api.ok(PITCH, { id: pitch.id }, { as: voter(0) })).node as { viewerBallot: { options: { position: number }[] } | null };
    expect(mine.viewerBallot?.options.map((o) => o.position)).toEqual([1, 3]);
    // Another board of the sounding board has no ballot yet; a consultant has no board.
    expect(((await api.ok(PITCH, { id: pitch.id }, { as: voter(1) })).node as { viewerBallot: unknown }).viewerBallot).toBeNull();
    expect(((await api.ok(PITCH, { id: pitch.id }, { as: CONSULTANT })).node as { viewerBallot: unknown }).viewerBallot).toBeNull();
  });

  it("changes a board's ballot in place until the vote closes: one ballot per board, counted once", async () => {
    const pitch = fx.pitches[0]!;
    await cast(pitch, 0, 1, 2);
    await cast(pitch, 1, 1, 2);
    await cast(pitch, 0, 2, 3);
    const rows = await db.select().from(campaignBallots).where(eq(campaignBallots.pitchId, pitch.pitchId));
    expect(rows).toHaveLength(2);
    const ballot = rows.find((r) => r.boardId === fx.soundingBoardIds[0])!;
    expect([ballot.firstOptionId, ballot.secondOptionId]).toEqual([pitch.optionIds[1], pitch.optionIds[2]]);

    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "Ballot"), eq(auditLog.entityId, ballot.id)))
      .orderBy(auditLog.createdAt, auditLog.id);
    expect(audits.map((a) => a.operation)).toEqual(["CAST", "CHANGE"]);
    expect(audits[1]).toMatchObject({
      before: expect.objectContaining({ firstOptionId: pitch.optionIds[0], secondOptionId: pitch.optionIds[1] }),
      after: expect.objectContaining({ firstOptionId: pitch.optionIds[1], secondOptionId: pitch.optionIds[2] }),
    });
    expect((await eventsNamed("campaign.ballot.cast")).map((e) => (e.payload as { operation: string }).operation)).toEqual(["CREATED", "CREATED", "UPDATED"]);

    const counted = (await api.ok(PITCH, { id: pitch.id }, { as: CONSULTANT })).node as { ballotCount: number; options: { votes: number }[] };
    expect(counted.ballotCount).toBe(2);
    expect(counted.options.map((o) => o.votes)).toEqual([1, 2, 1]);
  });

  it("refuses a ballot of another size, a repeated option, and another pitch's or another campaign's option", async () => {
    const pitch = fx.pitches[0]!;
    const other = await otherCampaign();
    const refusal = async (optionIds: string[]) => errorOf(await api.exec(CAST, { input: { pitchId: pitch.id, optionIds } }, { as: voter(0) }));
    expect(await refusal(opts(pitch, 1))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.optionIds", message: expect.stringContaining("exactly 2") });
    expect(await refusal(opts(pitch, 1, 2, 3))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.optionIds" });
    expect(await refusal([])).toMatchObject({ code: "BAD_USER_INPUT", field: "input.optionIds" });
    expect(await refusal(opts(pitch, 2, 2))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.optionIds" });
    expect(await refusal([pitch.options[0]!, fx.pitches[1]!.options[1]!])).toMatchObject({ code: "BAD_USER_INPUT", field: "input.optionIds.1" });
    expect(await refusal([other.options[0]!, pitch.options[1]!])).toMatchObject({ code: "BAD_USER_INPUT", field: "input.optionIds.0" });
    expect(await refusal([pitch.options[0]!, globalId("Pitch", pitch.pitchId)])).toMatchObject({ code: "BAD_USER_INPUT", field: "input.optionIds.1" });
    expect(await db.select().from(campaignBallots)).toHaveLength(0);
  });

  it("is for the sounding board only, each board for itself; editors name a sounding-board board", async () => {
    const pitch = fx.pitches[0]!;
    const input = { pitchId: pitch.id, optionIds: opts(pitch, 1, 2) };
    const refused = async (as: Actor | undefined, extra: { boardId?: string } = {}) => errorOf(await api.exec(CAST, { input: { ...input, ...extra } }, as ? { as } : {}));
    expect((await refused(undefined)).code).toBe("UNAUTHENTICATED");
    // A board member for another board, though both are on the sounding board.
    expect((await refused(voter(0), { boardId: globalId("Board", fx.soundingBoardIds[1]!) })).code).toBe("FORBIDDEN");
    expect((await refused(memberOf(fx.selectedBoardIds[0]!))).code).toBe("FORBIDDEN");
    expect((await refused(memberOf(fx.steeringBoardIds[0]!))).code).toBe("FORBIDDEN");
    expect((await refused(memberOf(fx.outsiderBoardId))).code).toBe("FORBIDDEN");
    expect((await refused(expertOf(fx.steeringOrganisationIds[0]!))).code).toBe("FORBIDDEN");
    expect((await refused(partnerOf(fx.partnerOrganisationId))).code).toBe("FORBIDDEN");
    expect(await refused(CONSULTANT)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.boardId" });
    expect(await refused(CONSULTANT, { boardId: globalId("Board", fx.selectedBoardIds[0]!) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.boardId" });
    expect(await db.select().from(campaignBallots)).toHaveLength(0);

    // Naming its own board is the same as leaving it out.
    await api.ok(CAST, { input: { ...input, boardId: globalId("Board", fx.soundingBoardIds[0]!) } }, { as: voter(0) });
    const recorded = await api.ok(CAST, { input: { ...input, boardId: globalId("Board", fx.soundingBoardIds[1]!) } }, { as: CONSULTANT });
    expect(recorded.castBallot.ballot.board.id).toBe(globalId("Board", fx.soundingBoardIds[1]!));
    expect(recorded.castBallot.pitch.ballotCount).toBe(2);
    expect(errorOf(await api.exec(CAST, { input: { ...input, pitchId: globalId("Pitch", MISSING_UUID) } }, { as: voter(0) })).code).toBe("NOT_FOUND");
  });

  it("refuses a ballot once the vote is closed, and the ballots stay as they were", async () => {
    const pitch = fx.pitches[0]!;
    await castAll(pitch, [
      [1, 2],
      [1, 2],
    ]);
    await api.ok(CLOSE, { pitchId: pitch.id }, { as: CONSULTANT });
    const before = await db.select().from(campaignBallots).where(eq(campaignBallots.pitchId, pitch.pitchId));
    expect(errorOf(await api.exec(CAST, { input: { pitchId: pitch.id, optionIds: opts(pitch, 2, 3) } }, { as: voter(0) }))).toMatchObject({
      code: "CONFLICT",
      field: "input.pitchId",
    });
    expect(errorOf(await api.exec(CAST, { input: { pitchId: pitch.id, optionIds: opts(pitch, 1, 3) } }, { as: voter(5) }))).toMatchObject({ code: "CONFLICT" });
    expect(await db.select().from(campaignBallots).where(eq(campaignBallots.pitchId, pitch.pitchId))).toEqual(before);
  });
});

describe("the counts", () => {
  it("are for editors while the vote is open and for everyone once it is closed", async () => {
    const pitch = fx.pitches[0]!;
    await castAll(pitch, [
      [1, 2],
      [1, 3],
      [1, 2],
    ]);
    type Counted = { ballotCount: number | null; options: { votes: number | null }[] };
    const seenBy = async (as?: Actor) => (await api.ok(PITCH, { id: pitch.id }, as ? { as } : {})).node as Counted;
    for (const as of [undefined, voter(0), memberOf(fx.steeringBoardIds[0]!), expertOf(fx.steeringOrganisationIds[0]!), partnerOf(fx.partnerOrganisationId)]) {
      const seen = await seenBy(as);
      expect(seen.ballotCount).toBeNull();
      expect(seen.options.map((o) => o.votes)).toEqual([null, null, null]);
    }
    for (const as of [CONSULTANT, ADMIN]) expect(await seenBy(as)).toMatchObject({ ballotCount: 3, options: [{ votes: 3 }, { votes: 2 }, { votes: 1 }] });
    await api.ok(CLOSE, { pitchId: pitch.id }, { as: CONSULTANT });
    for (const as of [undefined, voter(3), memberOf(fx.outsiderBoardId)])
      expect(await seenBy(as)).toMatchObject({ ballotCount: 3, options: [{ votes: 3 }, { votes: 2 }, { votes: 1 }] });
  });
});

describe("closeVote", () => {
  it("keeps the 2 options with most votes as draft results of the pitch's board and theme, audited and announced", async () => {
    const pitch = fx.pitches[0]!;
    // Option 3 and 1 lead; option 2 last.
    await castAll(pitch, [
      [1, 3],
      [2, 3],
      [1, 3],
      [1, 2],
    ]);
    const { closeVote } = await api.ok(CLOSE, { pitchId: pitch.id }, { as: CONSULTANT });
    expect(closeVote.pitch.voteStatus).toBe("CLOSED");
    expect(closeVote.pitch.voteClosedAt).not.toBeNull();
    expect(closeVote.pitch.ballotCount).toBe(4);
    expect(closeVote.pitch.options.map((o) => [o.position, o.votes, o.kept])).toEqual([
      [1, 3, true],
      [2, 2, false],
      [3, 3, true],
    ]);
    const [application] = await db.select().from(campaignApplications).where(eq(campaignApplications.id, pitch.applicationId));
    const options = await db
      .select()
      .from(campaignPitchOptions)
      .where(inArray(campaignPitchOptions.id, [pitch.optionIds[0], pitch.optionIds[2]]))
      .orderBy(campaignPitchOptions.position);
    expect(closeVote.results).toEqual(options.map((o) => ({ status: "DRAFT", kind: o.kind, theme: application!.theme })));

    const results = await db.select().from(campaignResults).where(eq(campaignResults.campaignId, fx.campaignRowId));
    expect(results.map((r) => r.optionId).sort()).toEqual([pitch.optionIds[0], pitch.optionIds[2]].sort());
    for (const r of results) {
      const option = options.find((o) => o.id === r.optionId)!;
      expect(r).toMatchObject({
        boardId: pitch.boardId,
        kind: option.kind,
        title: option.title,
        description: option.description,
        theme: application!.theme,
        status: "DRAFT",
        example: true,
      });
    }

    const audit = await db.select().from(auditLog).where(eq(auditLog.operation, "closeVote"));
    expect(audit.map((a) => a.entityType).sort()).toEqual(["CampaignResult", "CampaignResult", "Pitch"]);
    const [closed] = await eventsNamed("campaign.vote.closed");
    expect(closed?.payload).toEqual({
      pitchId: pitch.pitchId,
      campaignId: fx.campaignRowId,
      keptOptionIds: [pitch.optionIds[0], pitch.optionIds[2]],
      resultIds: expect.arrayContaining(results.map((r) => r.id)),
    });
    const drafted = await eventsNamed("campaign.result.drafted");
    expect(drafted.map((e) => e.entityId).sort()).toEqual(results.map((r) => r.id).sort());
    expect(drafted[0]?.payload).toMatchObject({ campaignId: fx.campaignRowId, boardId: pitch.boardId, status: "DRAFT", theme: application!.theme });

    // Once.
    expect(errorOf(await api.exec(CLOSE, { pitchId: pitch.id }, { as: CONSULTANT }))).toMatchObject({ code: "CONFLICT", field: "pitchId" });
    expect(await db.select().from(campaignResults)).toHaveLength(2);
  });

  it("is for consultants and admins", async () => {
    const pitch = fx.pitches[0]!;
    await castAll(pitch, [[1, 2]]);
    expect(errorOf(await api.exec(CLOSE, { pitchId: pitch.id })).code).toBe("UNAUTHENTICATED");
    for (const as of [voter(0), memberOf(fx.steeringBoardIds[0]!), expertOf(fx.steeringOrganisationIds[0]!)]) {
      expect(errorOf(await api.exec(CLOSE, { pitchId: pitch.id }, { as })).code).toBe("FORBIDDEN");
    }
    expect(errorOf(await api.exec(CLOSE, { pitchId: globalId("Pitch", MISSING_UUID) }, { as: CONSULTANT })).code).toBe("NOT_FOUND");
    await api.ok(CLOSE, { pitchId: pitch.id }, { as: ADMIN });
  });

  it("refuses to close on a tie for second place, a three-way tie or no ballots, naming the tied options", async () => {
    const [twoWay, threeWay, empty] = fx.pitches as [SeededPitch, SeededPitch, SeededPitch];
    // 1: 4 votes, 2 and 3: 2 each.
    await castAll(twoWay, [
      [1, 2],
      [1, 3],
      [1, 2],
      [1, 3],
    ]);
    const titles = async (p: SeededPitch) =>
      (await db.select().from(campaignPitchOptions).where(eq(campaignPitchOptions.pitchId, p.pitchId)).orderBy(campaignPitchOptions.position)).map((o) => o.title.nl);
    const [, second, third] = await titles(twoWay);
    const refusedTwoWay = errorOf(await api.exec(CLOSE, { pitchId: twoWay.id }, { as: CONSULTANT }));
    expect(refusedTwoWay).toMatchObject({ code: "CONFLICT", field: "pitchId" });
    expect(refusedTwoWay.message).toBe(`Tie for second place between '${second}' and '${third}': the steering group must record a decision`);

    await castAll(threeWay, [
      [1, 2],
      [2, 3],
      [1, 3],
    ]);
    const refusedThreeWay = errorOf(await api.exec(CLOSE, { pitchId: threeWay.id }, { as: CONSULTANT }));
    expect(refusedThreeWay.code).toBe("CONFLICT");
    for (const title of await titles(threeWay)) expect(refusedThreeWay.message).toContain(`'${title}'`);

    expect(errorOf(await api.exec(CLOSE, { pitchId: empty.id }, { as: CONSULTANT })).code).toBe("CONFLICT");

    expect(await db.select().from(campaignResults)).toHaveLength(0);
    expect((await db.select().from(campaignPitches).where(eq(campaignPitches.voteStatus, "CLOSED"))).length).toBe(0);
  });
});

describe("the steering group's tie decision", () => {
  /** 4 ballots: option 1 has 4 votes, options 2 and 3 are tied on 2. */
  const tie = (pitch: SeededPitch) =>
    castAll(pitch, [
      [1, 2],
      [1, 3],
      [1, 2],
      [1, 3],
    ]);
  const decide = (pitch: SeededPitch, positions: number[], as: Actor = memberOf(fx.steeringBoardIds[0]!), note: string | null = "Optie 3 is breder bruikbaar") =>
    api.exec(TIE, { input: { pitchId: pitch.id, keptOptionIds: opts(pitch, ...positions), note } }, { as });

  it("lets closing keep the 2 options the steering group chose, announced to those who see the counts", async () => {
    const pitch = fx.pitches[0]!;
    await tie(pitch);
    const decided = await decide(pitch, [3, 1]);
    expect(decided.errors).toBeUndefined();
    expect(decided.data?.recordTieDecision.pitch.tieDecision).toMatchObject({ keptOptions: [{ position: 1 }, { position: 3 }], note: "Optie 3 is breder bruikbaar" });
    const [row] = await db.select().from(campaignPitches).where(eq(campaignPitches.id, pitch.pitchId));
    expect(row?.tieKeptOptionIds).toEqual([pitch.optionIds[0], pitch.optionIds[2]]);
    const [event] = await eventsNamed("campaign.vote.tieDecided");
    expect(event?.payload).toEqual({ pitchId: pitch.pitchId, campaignId: fx.campaignRowId, keptOptionIds: [pitch.optionIds[0], pitch.optionIds[2]] });
    expect(await db.select().from(auditLog).where(eq(auditLog.operation, "recordTieDecision"))).toHaveLength(1);

    // The decision shows a count: not for the sounding board while the vote is open.
    const seen = async (as: Actor) => ((await api.ok(PITCH, { id: pitch.id }, { as })).node as { tieDecision: unknown }).tieDecision;
    expect(await seen(voter(0))).toBeNull();
    expect(await seen(expertOf(fx.steeringOrganisationIds[0]!))).not.toBeNull();

    const { closeVote } = await api.ok(CLOSE, { pitchId: pitch.id }, { as: CONSULTANT });
    expect(closeVote.pitch.options.filter((o) => o.kept).map((o) => o.position)).toEqual([1, 3]);
    expect(await seen(voter(0))).not.toBeNull();
  });

  it("replaces an earlier decision with a later one", async () => {
    const pitch = fx.pitches[0]!;
    await tie(pitch);
    expect((await decide(pitch, [1, 3])).errors).toBeUndefined();
    expect((await decide(pitch, [1, 2], CONSULTANT, null)).errors).toBeUndefined();
    const [row] = await db.select().from(campaignPitches).where(eq(campaignPitches.id, pitch.pitchId));
    expect(row).toMatchObject({ tieKeptOptionIds: [pitch.optionIds[0], pitch.optionIds[1]], tieDecisionNote: null });
    const { closeVote } = await api.ok(CLOSE, { pitchId: pitch.id }, { as: CONSULTANT });
    expect(closeVote.pitch.options.filter((o) => o.kept).map((o) => o.position)).toEqual([1, 2]);
  });

  it("is for the steering group's boards and organisations, consultants and admins", async () => {
    const pitch = fx.pitches[0]!;
    await tie(pitch);
    expect(errorOf(await api.exec(TIE, { input: { pitchId: pitch.id, keptOptionIds: opts(pitch, 1, 2) } })).code).toBe("UNAUTHENTICATED");
    for (const as of [voter(0), memberOf(pitch.boardId), memberOf(fx.outsiderBoardId), partnerOf(fx.partnerOrganisationId)]) {
      expect(errorOf(await decide(pitch, [1, 2], as)).code).toBe("FORBIDDEN");
    }
    for (const as of [memberOf(fx.steeringBoardIds[1]!), expertOf(fx.steeringOrganisationIds[0]!), CONSULTANT, ADMIN])
      expect((await decide(pitch, [1, 2], as)).errors).toBeUndefined();
  });

  it("wants a tie now, 2 different options of the pitch that agree with the counts, a short note, and an open vote", async () => {
    const [tied, clear] = fx.pitches as [SeededPitch, SeededPitch];
    await tie(tied);
    await castAll(clear, [
      [1, 2],
      [1, 2],
    ]);
    expect(errorOf(await decide(clear, [1, 2]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.pitchId", message: expect.stringContaining("no tie to decide") });
    // Option 1 leads: leaving it out does not agree with the counts.
    expect(errorOf(await decide(tied, [2, 3]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.keptOptionIds" });
    expect(errorOf(await decide(tied, [1]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.keptOptionIds" });
    expect(errorOf(await decide(tied, [1, 2, 3]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.keptOptionIds" });
    expect(errorOf(await decide(tied, [1, 1]))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.keptOptionIds" });
    const elsewhere = await api.exec(TIE, { input: { pitchId: tied.id, keptOptionIds: [tied.options[0]!, clear.options[1]!] } }, { as: CONSULTANT });
    expect(errorOf(elsewhere)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.keptOptionIds.1" });
    expect(errorOf(await decide(tied, [1, 2], CONSULTANT, "x".repeat(1001)))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.note" });
    expect((await db.select().from(campaignPitches).where(sql`${campaignPitches.tieKeptOptionIds} is not null`)).length).toBe(0);

    // Zero ballots is a three-way tie: any 2 agree with the counts.
    const empty = fx.pitches[2]!;
    expect((await decide(empty, [2, 3])).errors).toBeUndefined();
    await api.ok(CLOSE, { pitchId: empty.id }, { as: CONSULTANT });
    expect(errorOf(await decide(empty, [1, 2]))).toMatchObject({ code: "CONFLICT", field: "input.pitchId" });
  });

  it("ignores a decision later ballots made stale: closing is refused while a tie remains", async () => {
    const pitch = fx.pitches[0]!;
    // 1: 4, 2: 3, 3: 3; kept 1 and 3.
    await castAll(pitch, [
      [1, 2],
      [1, 2],
      [1, 3],
      [1, 3],
      [2, 3],
    ]);
    expect((await decide(pitch, [1, 3])).errors).toBeUndefined();
    // Board 2 moves from 1+3 to 2+3: 1: 3, 2: 4, 3: 3. Option 2 leads, 1 and 3 tie for second, and the
    // decision leaves out the leader.
    await cast(pitch, 2, 2, 3);
    expect((await api.ok(PITCH, { id: pitch.id }, { as: CONSULTANT })).node).toMatchObject({ options: [{ votes: 3 }, { votes: 4 }, { votes: 3 }] });
    const refused = errorOf(await api.exec(CLOSE, { pitchId: pitch.id }, { as: CONSULTANT }));
    const titles = (await db.select().from(campaignPitchOptions).where(eq(campaignPitchOptions.pitchId, pitch.pitchId)).orderBy(campaignPitchOptions.position)).map(
      (o) => o.title.nl,
    );
    expect(refused).toMatchObject({
      code: "CONFLICT",
      field: "pitchId",
      message: `Tie for second place between '${titles[0]}' and '${titles[2]}': the steering group must record a decision`,
    });
    expect(await db.select().from(campaignResults)).toHaveLength(0);
  });

  it("ignores a decision later ballots made stale: closing follows the counts once the tie is gone", async () => {
    const pitch = fx.pitches[0]!;
    await tie(pitch);
    expect((await decide(pitch, [1, 3])).errors).toBeUndefined();
    // Board 4 votes 1+2: 1: 5, 2: 3, 3: 2.
    await cast(pitch, 4, 1, 2);
    const { closeVote } = await api.ok(CLOSE, { pitchId: pitch.id }, { as: CONSULTANT });
    expect(closeVote.pitch.options.map((o) => [o.votes, o.kept])).toEqual([
      [5, true],
      [3, true],
      [2, false],
    ]);
  });
});

describe("reading pitches", () => {
  it("lists a campaign's and a meeting's pitches by board name, and says who may vote", async () => {
    const names = (await db.select({ name: boards.name }).from(boards).where(inArray(boards.id, fx.selectedBoardIds))).map((b) => b.name).sort();
    type Read = { viewerCanVote: boolean; pitches: { board: { name: string } }[]; meetings: { pitches: { board: { name: string } }[] }[] };
    const read = async (as?: Actor) => (await api.ok(CAMPAIGN_PITCHES, { id: fx.campaignId }, as ? { as } : {})).node as Read;
    const anonymous = await read();
    expect(anonymous.pitches.map((p) => p.board.name)).toEqual(names);
    expect(anonymous.meetings.flatMap((m) => m.pitches.map((p) => p.board.name))).toEqual(names);
    expect(anonymous.viewerCanVote).toBe(false);
    expect((await read(voter(0))).viewerCanVote).toBe(true);
    expect((await read(memberOf(fx.selectedBoardIds[0]!))).viewerCanVote).toBe(false);
    expect((await read(memberOf(fx.steeringBoardIds[0]!))).viewerCanVote).toBe(false);
    expect((await read(CONSULTANT)).viewerCanVote).toBe(false);
  });

  it("costs the same number of statements with 5 pitches and few ballots as with 9 pitches and many ballots", async () => {
    // Each size has a closed vote, a tie decision and the viewer's ballots, so every field does its work.
    const prepare = async (pitches: SeededPitch[], voters: number) => {
      for (const pitch of pitches) for (let i = 0; i < voters; i++) await cast(pitch, i, ...(i % 3 === 1 ? [1, 3] : [1, 2]));
    };
    const measure = async (as: Actor) => {
      const result = await api.exec(CAMPAIGN_PITCHES, { id: fx.campaignId }, { as });
      expect(result.errors).toBeUndefined();
      return { statements: result.statements, pitches: (result.data!.node as { pitches: unknown[] }).pitches.length };
    };
    const [first, second] = fx.pitches as [SeededPitch, SeededPitch];
    await prepare([first, second], 3);
    await api.ok(CLOSE, { pitchId: first.id }, { as: CONSULTANT });
    await db
      .update(campaignPitches)
      .set({ tieKeptOptionIds: [second.optionIds[0], second.optionIds[1]], tieDecidedAt: new Date() })
      .where(eq(campaignPitches.id, second.pitchId));
    const small = { member: await measure(voter(0)), consultant: await measure(CONSULTANT) };
    expect(small.member.pitches).toBe(5);

    // 4 more selected boards with pitches in the seeded campaign, a second campaign, and ballots of all 7 boards everywhere.
    const extra = await db
      .select({ id: boards.id })
      .from(boards)
      .where(
        sql`${boards.id} not in (select board_id from campaign_applications) and ${boards.id} not in (select board_id from campaign_steering_members where board_id is not null)`,
      )
      .limit(4);
    expect(extra).toHaveLength(4);
    for (const [i, b] of extra.entries()) {
      const [application] = await db.insert(campaignApplications).values({ campaignId: fx.campaignRowId, boardId: b.id, status: "SELECTED", theme: "Flexibel werken" }).returning();
      const [pitch] = await db
        .insert(campaignPitches)
        .values({ campaignId: fx.campaignRowId, meetingId: fx.meetingRowId, applicationId: application!.id, boardId: b.id })
        .returning();
      await db
        .insert(campaignPitchOptions)
        .values([1, 2, 3].map((position) => ({ pitchId: pitch!.id, position, kind: "TEMPLATE" as const, title: { nl: `Extra ${i} ${position}` } })));
    }
    const all = await loadCampaignFixture(api);
    await prepare(
      all.pitches.filter((p) => p.pitchId !== first.pitchId),
      7,
    );
    const large = { member: await measure(voter(0)), consultant: await measure(CONSULTANT) };
    expect(large.member.pitches).toBe(9);
    expect(large.member.statements).toBe(small.member.statements);
    expect(large.consultant.statements).toBe(small.consultant.statements);
  });
});

describe.runIf(onPostgres)("concurrency (PostgreSQL)", () => {
  it("counts 7 boards casting at once, and one board casting twice at once, each board's ballot once", async () => {
    const pitch = fx.pitches[0]!;
    const attempts = [
      ...fx.soundingBoardIds.map((_, i) => api.exec(CAST, { input: { pitchId: pitch.id, optionIds: opts(pitch, 1, 2) } }, { as: voter(i) })),
      api.exec(CAST, { input: { pitchId: pitch.id, optionIds: opts(pitch, 2, 3) } }, { as: voter(0) }),
    ];
    const results = await Promise.all(attempts);
    expect(results.filter((r) => r.errors)).toEqual([]);
    const rows = await db.select().from(campaignBallots).where(eq(campaignBallots.pitchId, pitch.pitchId));
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((r) => r.boardId)).size).toBe(7);
    const counted = (await api.ok(PITCH, { id: pitch.id }, { as: CONSULTANT })).node as { ballotCount: number; options: { votes: number }[] };
    expect(counted.ballotCount).toBe(7);
    expect(counted.options.reduce((n, o) => n + o.votes, 0)).toBe(14);
    const audits = await db.select().from(auditLog).where(eq(auditLog.entityType, "Ballot"));
    expect(audits.filter((a) => a.operation === "CAST")).toHaveLength(7);
    // Board 0's second ballot changed its first, whichever came first, and says what it replaced.
    const change = audits.find((a) => a.operation === "CHANGE");
    expect(change?.before).not.toBeNull();
  });

  it("counts every ballot that races closing, or refuses it with CONFLICT; no ballot changes after closing", async () => {
    const pitch = fx.pitches[0]!;
    // 1: 3, 2: 2, 3: 1 before the race; whatever gets in, options 1 and 2 stay ahead of 3.
    await castAll(pitch, [
      [1, 3],
      [1, 2],
      [1, 2],
    ]);
    const racing = [
      { board: 0, pair: [1, 2] },
      { board: 3, pair: [1, 2] },
      { board: 4, pair: [1, 2] },
      { board: 5, pair: [1, 2] },
      { board: 6, pair: [1, 2] },
    ];
    const [closed, ...ballots] = await Promise.all([
      api.exec(CLOSE, { pitchId: pitch.id }, { as: CONSULTANT }),
      ...racing.map((r) => api.exec(CAST, { input: { pitchId: pitch.id, optionIds: opts(pitch, ...r.pair) } }, { as: voter(r.board) })),
    ]);
    expect(closed!.errors).toBeUndefined();
    for (const b of ballots) if (b.errors) expect(errorOf(b)).toMatchObject({ code: "CONFLICT", field: "input.pitchId" });
    const counted = racing.filter((_, i) => !ballots[i]!.errors);
    const newBallots = counted.filter((r) => r.board !== 0).length;
    const changed = counted.some((r) => r.board === 0);
    const closedPitch = closed!.data!.closeVote.pitch;
    expect(closedPitch.ballotCount).toBe(3 + newBallots);
    expect(closedPitch.options.map((o) => o.votes)).toEqual([3 + newBallots, 2 + newBallots + (changed ? 1 : 0), changed ? 0 : 1]);

    const rows = await db.select().from(campaignBallots).where(eq(campaignBallots.pitchId, pitch.pitchId));
    expect(rows).toHaveLength(3 + newBallots);
    const [row] = await db.select().from(campaignPitches).where(eq(campaignPitches.id, pitch.pitchId));
    for (const r of rows) expect(r.updatedAt.getTime()).toBeLessThanOrEqual(row!.voteClosedAt!.getTime());
  });

  it("closes a vote once when two consultants close it at once", async () => {
    const pitch = fx.pitches[0]!;
    await castAll(pitch, [
      [1, 2],
      [1, 2],
    ]);
    const results = await Promise.all([api.exec(CLOSE, { pitchId: pitch.id }, { as: CONSULTANT }), api.exec(CLOSE, { pitchId: pitch.id }, { as: ADMIN })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(errorOf(results.find((r) => r.errors)!)).toMatchObject({ code: "CONFLICT", field: "pitchId" });
    expect(await db.select().from(campaignResults).where(eq(campaignResults.campaignId, fx.campaignRowId))).toHaveLength(2);
    expect(await eventsNamed("campaign.vote.closed")).toHaveLength(1);
  });
});

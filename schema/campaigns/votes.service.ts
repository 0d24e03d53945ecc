// Pitches, ballots, ties and closing a vote. At a sounding-board meeting each selected board
// pitches its plan with exactly 3 instruments or templates; each board of the sounding board
// (klankbordgroep) casts one ballot per pitch choosing 2 of them, and may change it until the vote
// closes. Closing keeps the 2 options with most votes as draft results; a tie for second place is
// never decided by chance: the steering group (stuurgroep) records which 2 it keeps.
//
// Casting takes the pitch's row FOR SHARE and closing (and deciding a tie) FOR UPDATE, so a ballot
// either commits before the vote closes, and is counted, or finds the vote closed. One ballot per
// board and pitch (a unique index), changed in place: a board's ballot is counted once whatever
// the concurrency.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor, Tx } from "../../db/client.js";
import { boards } from "../../db/schema/boards.js";
import {
  campaignApplications,
  campaignBallots,
  campaignMeetings,
  campaignPitches,
  campaignPitchOptions,
  campaignResultKind,
  campaignResults,
  campaigns,
} from "../../db/schema/campaigns.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, conflict, notFound, uniqueViolation } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { localizedMultilineTextInput, localizedTextInput } from "../shared/i18n.js";
import { childRows, defineLoader, rowsById } from "../shared/loaders.js";
import { assertCan, can } from "../shared/policy.js";
import { expectGlobalId } from "../shared/relay.js";
import { optionalMultilineText } from "../shared/validation.js";
import { ballotCast as ballotCastEvent, campaignChanged, resultDrafted, tieDecided, voteClosed } from "./campaigns.events.js";
import type {
  BallotMapper as Ballot,
  CampaignMapper,
  CampaignMeetingMapper,
  CampaignResultMapper,
  PitchMapper as Pitch,
  PitchOptionMapper as PitchOption,
  TieDecisionMapper,
} from "./campaigns.mappers.js";
import { ballotCast, campaignManage, tieDecide, voteCountsRead } from "./campaigns.policy.js";
import { circleOf } from "./circle.js";

export const OPTIONS_PER_PITCH = 3;
export const OPTIONS_PER_BALLOT = 2;
/** The steering group's reasons for a tie decision. */
export const MAX_TIE_NOTE = 1000;

export const pitchLoader = (ctx: Context) => rowsById<Pitch>(ctx, campaignPitches);
export const pitchOptionLoader = (ctx: Context) => rowsById<PitchOption>(ctx, campaignPitchOptions);

export async function findPitch(ctx: Context, id: string): Promise<Pitch | null> {
  return pitchLoader(ctx).load(id);
}
export async function findPitchOption(ctx: Context, id: string): Promise<PitchOption | null> {
  return pitchOptionLoader(ctx).load(id);
}

// ---------------------------------------------------------------------------------------------
// Reads

/** Pitches by their board's name, one statement per batch of campaigns (or meetings). */
function pitchesBy(column: typeof campaignPitches.campaignId | typeof campaignPitches.meetingId, parentOf: (p: Pitch) => string) {
  return childRows<Pitch>(async (ctx, ids) => {
    const rows = await ctx.db
      .select({ pitch: campaignPitches })
      .from(campaignPitches)
      .innerJoin(boards, eq(boards.id, campaignPitches.boardId))
      .where(inArray(column, ids))
      .orderBy(asc(boards.name), asc(campaignPitches.id));
    // An option's votes and kept flag look at its pitch: it is loaded already.
    for (const { pitch } of rows) pitchLoader(ctx).prime(pitch.id, pitch);
    return rows.map((r) => r.pitch);
  }, parentOf);
}
const pitchesOfCampaigns = pitchesBy(campaignPitches.campaignId, (p) => p.campaignId);
const pitchesOfMeetings = pitchesBy(campaignPitches.meetingId, (p) => p.meetingId);

/** Campaign.pitches: by board name. */
export async function pitchesOfCampaign(ctx: Context, campaign: CampaignMapper): Promise<Pitch[]> {
  return pitchesOfCampaigns(ctx).load(campaign.id);
}
/** CampaignMeeting.pitches: by board name. */
export async function pitchesOfMeeting(ctx: Context, meeting: CampaignMeetingMapper): Promise<Pitch[]> {
  return pitchesOfMeetings(ctx).load(meeting.id);
}

/** Pitch.campaign (rowsById shares one loader per table with the campaigns service). */
export async function campaignOfPitch(ctx: Context, pitch: Pitch): Promise<CampaignMapper> {
  const campaign = await rowsById<CampaignMapper>(ctx, campaigns).load(pitch.campaignId);
  if (!campaign) throw new Error(`pitch ${pitch.id} has no campaign`);
  return campaign;
}

/** Pitch.meeting. */
export async function meetingOfPitch(ctx: Context, pitch: Pitch): Promise<CampaignMeetingMapper> {
  const meeting = await rowsById<CampaignMeetingMapper>(ctx, campaignMeetings).load(pitch.meetingId);
  if (!meeting) throw new Error(`pitch ${pitch.id} has no meeting`);
  return meeting;
}

/** PitchOption.pitch. */
export async function pitchOfOption(ctx: Context, option: PitchOption): Promise<Pitch> {
  const pitch = await pitchLoader(ctx).load(option.pitchId);
  if (!pitch) throw new Error(`option ${option.id} has no pitch`);
  return pitch;
}

/** Campaign.viewerCanVote: the viewer's board is on the sounding board. */
export async function viewerCanVote(ctx: Context, campaign: CampaignMapper): Promise<boolean> {
  if (ctx.actor.role !== "BOARD_MEMBER") return false;
  return can(ctx, ballotCast, { boardId: ctx.actor.boardId, circle: await circleOf(ctx, campaign.id) });
}

const optionsOfPitches = childRows<PitchOption>(
  (ctx, pitchIds) => ctx.db.select().from(campaignPitchOptions).where(inArray(campaignPitchOptions.pitchId, pitchIds)).orderBy(asc(campaignPitchOptions.position)),
  (o) => o.pitchId,
);

/** Pitch.options: by position. */
export const optionsOf = (ctx: Context, pitch: Pitch): Promise<PitchOption[]> => optionsOfPitches(ctx).load(pitch.id);

/** A pitch's tally: ballots cast and the votes of each option (options without votes are absent). */
export interface Tally {
  ballots: number;
  votes: Map<string, number>;
}

/**
 * The tallies of the pitches, in one grouped statement: each ballot's 2 options as 2 rows, counted
 * per option and, in the same statement, per pitch (the ballots themselves).
 */
export async function tallies(db: Executor, pitchIds: readonly string[]): Promise<Tally[]> {
  if (pitchIds.length === 0) return [];
  const list = sql.join(
    pitchIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = (await db.execute(sql`
    select b.pitch_id as pitch_id, v.option_id as option_id, count(distinct b.id)::int as n
    from ${campaignBallots} b
    cross join lateral (values (b.first_option_id), (b.second_option_id)) as v(option_id)
    where b.pitch_id in (${list})
    group by grouping sets ((b.pitch_id, v.option_id), (b.pitch_id))`)) as unknown as { rows: { pitch_id: string; option_id: string | null; n: number }[] };
  const byPitch = new Map(pitchIds.map((id): [string, Tally] => [id, { ballots: 0, votes: new Map() }]));
  for (const row of result.rows) {
    const tally = byPitch.get(row.pitch_id);
    if (!tally) continue;
    if (row.option_id === null) tally.ballots = Number(row.n);
    else tally.votes.set(row.option_id, Number(row.n));
  }
  return pitchIds.map((id) => byPitch.get(id) as Tally);
}

const tallyLoader = defineLoader<string, Tally>((ctx, pitchIds) => tallies(ctx.db, pitchIds));

/** Whether the viewer sees a pitch's counts: everyone once its vote is closed; while open, those voteCountsRead allows (editors). */
export async function countsVisible(ctx: Context, pitch: Pitch): Promise<boolean> {
  return pitch.voteStatus === "CLOSED" || can(ctx, voteCountsRead, undefined);
}

/** The pitch's tally if the viewer may see its counts, else null. */
async function visibleTally(ctx: Context, pitch: Pitch): Promise<Tally | null> {
  if (!(await countsVisible(ctx, pitch))) return null;
  return tallyLoader(ctx).load(pitch.id);
}

/** Pitch.ballotCount. */
export async function ballotCountOf(ctx: Context, pitch: Pitch): Promise<number | null> {
  return (await visibleTally(ctx, pitch))?.ballots ?? null;
}

/** PitchOption.votes. */
export async function votesOf(ctx: Context, option: PitchOption): Promise<number | null> {
  const pitch = await pitchLoader(ctx).load(option.pitchId);
  if (!pitch) return null;
  const tally = await visibleTally(ctx, pitch);
  return tally ? (tally.votes.get(option.id) ?? 0) : null;
}

/** The options of the pitches that a result was made from, one statement per batch of pitches. */
const keptOptionsOf = defineLoader<string, Set<string>>(async (ctx, pitchIds) => {
  const rows = await ctx.db
    .select({ pitchId: campaignPitchOptions.pitchId, optionId: campaignResults.optionId })
    .from(campaignResults)
    .innerJoin(campaignPitchOptions, eq(campaignPitchOptions.id, campaignResults.optionId))
    .where(inArray(campaignPitchOptions.pitchId, [...pitchIds]));
  return pitchIds.map((id) => new Set(rows.flatMap((r) => (r.pitchId === id && r.optionId ? [r.optionId] : []))));
});

/** PitchOption.kept: the vote is closed and a result was made from the option. */
export async function isKept(ctx: Context, option: PitchOption): Promise<boolean> {
  const pitch = await pitchLoader(ctx).load(option.pitchId);
  if (pitch?.voteStatus !== "CLOSED") return false;
  return (await keptOptionsOf(ctx).load(pitch.id)).has(option.id);
}

/** The viewer's board's ballots on the pitches asked, one statement per batch. */
const viewerBallots = defineLoader<string, Ballot | null>(async (ctx, pitchIds) => {
  if (ctx.actor.role !== "BOARD_MEMBER") return pitchIds.map(() => null);
  const rows = await ctx.db
    .select()
    .from(campaignBallots)
    .where(and(eq(campaignBallots.boardId, ctx.actor.boardId), inArray(campaignBallots.pitchId, [...pitchIds])));
  return pitchIds.map((id) => rows.find((r) => r.pitchId === id) ?? null);
});

/** Pitch.viewerBallot: the viewer's own board's ballot, for a sounding-board member. */
export async function viewerBallotOf(ctx: Context, pitch: Pitch): Promise<Ballot | null> {
  if (ctx.actor.role !== "BOARD_MEMBER") return null;
  const ballot = await viewerBallots(ctx).load(pitch.id);
  if (!ballot) return null;
  return (await can(ctx, ballotCast, { boardId: ballot.boardId, circle: await circleOf(ctx, pitch.campaignId) })) ? ballot : null;
}

/** Ballot.options: by position (a ballot stores its options in that order). */
export async function ballotOptions(ctx: Context, ballot: Ballot): Promise<PitchOption[]> {
  const options = await pitchOptionLoader(ctx).loadMany([ballot.firstOptionId, ballot.secondOptionId]);
  return options.filter((o): o is PitchOption => o !== null && !(o instanceof Error)).sort((a, b) => a.position - b.position);
}

/**
 * Pitch.tieDecision. It tells that second place was tied, which is a count: shown to those who
 * see the counts and to those who decide ties (the steering group).
 */
export async function tieDecisionOf(ctx: Context, pitch: Pitch): Promise<TieDecisionMapper | null> {
  if (!pitch.tieKeptOptionIds || !pitch.tieDecidedAt) return null;
  const mayRead = (await countsVisible(ctx, pitch)) || (await can(ctx, tieDecide, await circleOf(ctx, pitch.campaignId)));
  return mayRead ? { keptOptionIds: pitch.tieKeptOptionIds, note: pitch.tieDecisionNote, decidedAt: pitch.tieDecidedAt } : null;
}

/** TieDecision.keptOptions: by position. */
export async function tieKeptOptions(ctx: Context, decision: TieDecisionMapper): Promise<PitchOption[]> {
  const options = await pitchOptionLoader(ctx).loadMany(decision.keptOptionIds);
  return options.filter((o): o is PitchOption => o !== null && !(o instanceof Error)).sort((a, b) => a.position - b.position);
}

// ---------------------------------------------------------------------------------------------
// The rule: which 2 options a vote keeps

export interface CountedOption {
  id: string;
  position: number;
  votes: number;
}

export type KeptOutcome<O extends CountedOption = CountedOption> =
  /** The counts decide: the 2nd-ranked option has strictly more votes than the 3rd. */
  | { kind: "COUNTS"; kept: [O, O] }
  /** Second place is tied and the steering group's decision agrees with the counts. */
  | { kind: "DECISION"; kept: [O, O] }
  /** Second place is tied and there is no decision that agrees with the counts. */
  | { kind: "TIE"; tied: O[] };

/** Options by votes, most first; equal votes by position (only to list them, never to decide). */
export const ranked = <O extends CountedOption>(options: readonly O[]): O[] => [...options].sort((a, b) => b.votes - a.votes || a.position - b.position);

/** The options tied for the kept places: those with as many votes as the 2nd-ranked, when the 3rd has as many too. */
export function tiedForSecond<O extends CountedOption>(options: readonly O[]): O[] {
  const [, second, third] = ranked(options);
  if (!second || !third || second.votes > third.votes) return [];
  return ranked(options).filter((o) => o.votes === second.votes);
}

/** Whether keeping these 2 agrees with the counts: each has at least as many votes as every option left out. */
export function agreesWithCounts(options: readonly CountedOption[], keptIds: readonly string[]): boolean {
  const kept = options.filter((o) => keptIds.includes(o.id));
  const left = options.filter((o) => !keptIds.includes(o.id));
  return kept.length === OPTIONS_PER_BALLOT && kept.every((k) => left.every((l) => k.votes >= l.votes));
}

/**
 * The 2 options a vote keeps. The counts decide unless second place is tied (a three-way tie and
 * no ballots at all included); then only a recorded decision that agrees with the counts at this
 * moment does. A decision the later ballots made stale is ignored.
 */
export function keptByVote<O extends CountedOption>(options: readonly O[], decision: readonly string[] | null): KeptOutcome<O> {
  const byPosition = (kept: O[]) => kept.sort((a, b) => a.position - b.position) as [O, O];
  const tied = tiedForSecond(options);
  if (tied.length === 0) return { kind: "COUNTS", kept: byPosition(ranked(options).slice(0, OPTIONS_PER_BALLOT)) };
  if (decision && agreesWithCounts(options, decision)) return { kind: "DECISION", kept: byPosition(options.filter((o) => decision.includes(o.id))) };
  return { kind: "TIE", tied };
}

// ---------------------------------------------------------------------------------------------
// Writes: pitches

const pitchOptionInput = z.object({
  kind: z.enum(campaignResultKind.enumValues).refine((kind) => kind !== "GOOD_PRACTICE", "a pitch proposes instruments or templates, not good practices"),
  title: localizedTextInput,
  description: localizedMultilineTextInput.nullish(),
});

const recordPitchInput = z.object({
  meetingId: z.string(),
  applicationId: z.string(),
  plan: localizedMultilineTextInput.nullish(),
  options: z
    .array(pitchOptionInput)
    .length(OPTIONS_PER_PITCH, "a pitch proposes exactly 3 instruments or templates")
    .superRefine((options, issues) => {
      const seen = new Set<string>();
      for (const [i, option] of options.entries()) {
        const title = option.title.nl.toLowerCase();
        if (seen.has(title))
          issues.addIssue({ code: "custom", path: [i, "title", "nl"], message: "is the title of another option of this pitch (titles are compared ignoring case)" });
        seen.add(title);
      }
    }),
});

export const recordPitch = fn(
  recordPitchInput,
  async (ctx, input): Promise<Pitch> => {
    try {
      return await change(ctx, async (tx, recorder) => {
        await assertCan(ctx, campaignManage, undefined);
        const meetingId = expectGlobalId(input.meetingId, "CampaignMeeting", "input.meetingId");
        const applicationId = expectGlobalId(input.applicationId, "CampaignApplication", "input.applicationId");
        const [meeting] = await tx.select().from(campaignMeetings).where(eq(campaignMeetings.id, meetingId));
        if (!meeting) throw notFound("CampaignMeeting", "input.meetingId");
        if (meeting.kind !== "SOUNDING_BOARD") throw badInput("input.meetingId", `is a ${meeting.kind} meeting: the selected boards pitch at a SOUNDING_BOARD meeting`);
        const [application] = await tx.select().from(campaignApplications).where(eq(campaignApplications.id, applicationId));
        if (!application) throw notFound("CampaignApplication", "input.applicationId");
        if (application.campaignId !== meeting.campaignId) throw badInput("input.applicationId", "is an application to another campaign than the meeting's");
        if (application.status !== "SELECTED") throw badInput("input.applicationId", `is ${application.status}: only a selected board pitches`);
        const [pitched] = await tx.select({ id: campaignPitches.id }).from(campaignPitches).where(eq(campaignPitches.applicationId, applicationId));
        if (pitched) throw pitchedTwice();
        const [pitch] = await tx
          .insert(campaignPitches)
          .values({ campaignId: meeting.campaignId, meetingId, applicationId, boardId: application.boardId, plan: input.plan ?? null })
          .returning();
        if (!pitch) throw new Error("insert returned no row");
        const options = await tx
          .insert(campaignPitchOptions)
          .values(input.options.map((o, i) => ({ pitchId: pitch.id, position: i + 1, kind: o.kind, title: o.title, description: o.description ?? null })))
          .returning();
        await recorder.record({ operation: "recordPitch", entityType: "Pitch", entityId: pitch.id, before: null, after: pitch });
        for (const option of options) await recorder.record({ operation: "recordPitch", entityType: "PitchOption", entityId: option.id, before: null, after: option });
        await recorder.emit(campaignChanged, meeting.campaignId, { campaignId: meeting.campaignId, part: "PITCH" as const, partId: pitch.id, operation: "CREATED" as const });
        return pitch;
      });
    } catch (error) {
      // Two editors at once: the second meets the unique index.
      if (uniqueViolation(error) === "campaign_pitches_application_key") throw pitchedTwice();
      throw error;
    }
  },
  { argument: "input", authorize: campaignManage },
);

const pitchedTwice = () => conflict("input.applicationId", "The board has pitched already: one pitch per selected board");

// ---------------------------------------------------------------------------------------------
// Writes: ballots

/** The pitch's row, locked FOR SHARE (casting) or FOR UPDATE (closing, deciding a tie), and open. */
async function lockOpenPitch(tx: Tx, pitchId: string, field: string, strength: "share" | "update", doing: string): Promise<Pitch> {
  const [pitch] = await tx.select().from(campaignPitches).where(eq(campaignPitches.id, pitchId)).for(strength);
  if (!pitch) throw notFound("Pitch", field);
  if (pitch.voteStatus !== "OPEN") throw conflict(field, `The vote on this pitch is closed: ${doing} only while it is open`);
  return pitch;
}

/** The pitch's options with their votes as the transaction sees them. */
async function countedOptions(tx: Tx, pitchId: string): Promise<(PitchOption & { votes: number })[]> {
  const options = await tx.select().from(campaignPitchOptions).where(eq(campaignPitchOptions.pitchId, pitchId)).orderBy(asc(campaignPitchOptions.position));
  const [tally] = await tallies(tx, [pitchId]);
  return options.map((o) => ({ ...o, votes: tally?.votes.get(o.id) ?? 0 }));
}

/**
 * 2 different options named by global id, as row ids: BAD_USER_INPUT on `field` for the count or
 * a repeat, on `field.N` for an id that is not an option's.
 */
function twoOptionIds(ids: readonly string[], field: string, count: string): [string, string] {
  if (ids.length !== OPTIONS_PER_BALLOT) throw badInput(field, count);
  const rowIds = ids.map((id, i) => expectGlobalId(id, "PitchOption", `${field}.${i}`));
  if (rowIds[0] === rowIds[1]) throw badInput(field, "must name 2 different options");
  return rowIds as [string, string];
}

/** Each option must be one of the pitch's: another pitch's or another campaign's is refused at `field.N`. */
function ofThePitch<O extends { id: string }>(options: readonly O[], ids: readonly string[], field: string): O[] {
  return ids.map((id, i) => {
    const option = options.find((o) => o.id === id);
    if (!option) throw badInput(`${field}.${i}`, "is not an option of this pitch");
    return option;
  });
}

const castBallotInput = z.object({ pitchId: z.string(), boardId: z.string().nullish(), optionIds: z.array(z.string()) });

export const castBallot = fn(
  castBallotInput,
  async (ctx, input): Promise<{ ballot: Ballot; pitch: Pitch }> =>
    change(ctx, async (tx, recorder) => {
      const pitchId = expectGlobalId(input.pitchId, "Pitch", "input.pitchId");
      const found = await pitchLoader(ctx).load(pitchId);
      if (!found) throw notFound("Pitch", "input.pitchId");
      const circle = await circleOf(ctx, found.campaignId);
      // A board member votes for their own board (the policy refuses another's); an editor names the board.
      let boardId: string;
      if (input.boardId != null) boardId = expectGlobalId(input.boardId, "Board", "input.boardId");
      else if (ctx.actor.role === "BOARD_MEMBER") boardId = ctx.actor.boardId;
      else throw badInput("input.boardId", "must name the sounding-board board whose ballot this is");
      await assertCan(ctx, ballotCast, { boardId, circle });
      if (!circle.soundingBoardIds.includes(boardId)) throw badInput("input.boardId", "is not on the campaign's sounding board");
      const optionIds = twoOptionIds(input.optionIds, "input.optionIds", "must choose exactly 2 of the pitch's 3 options");

      const pitch = await lockOpenPitch(tx, pitchId, "input.pitchId", "share", "a ballot is cast or changed");
      const options = await tx.select().from(campaignPitchOptions).where(eq(campaignPitchOptions.pitchId, pitchId));
      const [first, second] = ofThePitch(options, optionIds, "input.optionIds").sort((a, b) => a.position - b.position) as [PitchOption, PitchOption];
      const choice = { firstOptionId: first.id, secondOptionId: second.id };

      const where = and(eq(campaignBallots.pitchId, pitchId), eq(campaignBallots.boardId, boardId));
      // Locked, so two changes of one board's ballot follow each other and each audit row holds the one it replaced.
      let [before] = await tx.select().from(campaignBallots).where(where).for("update");
      let ballot: Ballot | undefined;
      if (!before) {
        [ballot] = await tx
          .insert(campaignBallots)
          .values({ pitchId, boardId, ...choice })
          .onConflictDoNothing({ target: [campaignBallots.pitchId, campaignBallots.boardId] })
          .returning();
        // The board's other ballot was cast at the same moment and committed first: this one changes it.
        if (!ballot) [before] = await tx.select().from(campaignBallots).where(where).for("update");
      }
      if (before) [ballot] = await tx.update(campaignBallots).set(choice).where(eq(campaignBallots.id, before.id)).returning();
      if (!ballot) throw new Error("the ballot was not written");

      await recorder.record({ operation: before ? "CHANGE" : "CAST", entityType: "Ballot", entityId: ballot.id, before: before ?? null, after: ballot });
      await recorder.emit(ballotCastEvent, pitchId, { pitchId, campaignId: pitch.campaignId, boardId, operation: before ? ("UPDATED" as const) : ("CREATED" as const) });
      return { ballot, pitch };
    }),
  { argument: "input", authorize: ballotCast },
);

// ---------------------------------------------------------------------------------------------
// Writes: the steering group's tie decision

const tieDecisionInput = z.object({ pitchId: z.string(), keptOptionIds: z.array(z.string()), note: optionalMultilineText(MAX_TIE_NOTE) });

/** 'A' and 'B', or 'A', 'B' and 'C'. */
function names(options: readonly { title: { nl: string } }[]): string {
  const quoted = options.map((o) => `'${o.title.nl}'`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(", ")} and ${quoted.at(-1)}` : (quoted[0] ?? "");
}

export const recordTieDecision = fn(
  tieDecisionInput,
  async (ctx, input): Promise<Pitch> =>
    change(ctx, async (tx, recorder) => {
      const pitchId = expectGlobalId(input.pitchId, "Pitch", "input.pitchId");
      const found = await pitchLoader(ctx).load(pitchId);
      if (!found) throw notFound("Pitch", "input.pitchId");
      await assertCan(ctx, tieDecide, await circleOf(ctx, found.campaignId));
      const keptIds = twoOptionIds(input.keptOptionIds, "input.keptOptionIds", "must name exactly 2 of the pitch's 3 options");

      const before = await lockOpenPitch(tx, pitchId, "input.pitchId", "update", "a tie is decided");
      const options = await countedOptions(tx, pitchId);
      const kept = ofThePitch(options, keptIds, "input.keptOptionIds").sort((a, b) => a.position - b.position);
      const tied = tiedForSecond(options);
      if (tied.length === 0) throw badInput("input.pitchId", "has no tie to decide: the votes decide which 2 options are kept");
      if (!agreesWithCounts(options, keptIds)) {
        throw badInput(
          "input.keptOptionIds",
          `must keep the options with most votes: second place is tied between ${names(tied)}, so keep one of them with the option ahead of them`,
        );
      }
      const [after] = await tx
        .update(campaignPitches)
        .set({ tieKeptOptionIds: kept.map((o) => o.id), tieDecisionNote: input.note ?? null, tieDecidedAt: new Date() })
        .where(eq(campaignPitches.id, pitchId))
        .returning();
      if (!after) throw notFound("Pitch", "input.pitchId");
      await recorder.record({ operation: "recordTieDecision", entityType: "Pitch", entityId: pitchId, before, after });
      await recorder.emit(tieDecided, pitchId, { pitchId, campaignId: after.campaignId, keptOptionIds: kept.map((o) => o.id) });
      return after;
    }),
  { argument: "input", authorize: tieDecide },
);

// ---------------------------------------------------------------------------------------------
// Writes: closing a vote

export const closeVote = fn(
  z.object({ pitchId: z.string() }),
  async (ctx, input): Promise<{ pitch: Pitch; results: CampaignResultMapper[] }> =>
    change(ctx, async (tx, recorder) => {
      await assertCan(ctx, campaignManage, undefined);
      const pitchId = expectGlobalId(input.pitchId, "Pitch", "pitchId");
      // FOR UPDATE: a ballot being cast (FOR SHARE) commits first and is counted; a later one finds the vote closed.
      const before = await lockOpenPitch(tx, pitchId, "pitchId", "update", "a vote is closed");
      const options = await countedOptions(tx, pitchId);
      const outcome = keptByVote(options, before.tieKeptOptionIds);
      if (outcome.kind === "TIE") throw conflict("pitchId", `Tie for second place between ${names(outcome.tied)}: the steering group must record a decision`);
      const [application] = await tx.select({ theme: campaignApplications.theme }).from(campaignApplications).where(eq(campaignApplications.id, before.applicationId));
      if (!application?.theme) throw conflict("pitchId", "The pitch's board has no theme: only a selected board's pitch is closed");
      const kept = outcome.kept;
      const results = await tx
        .insert(campaignResults)
        .values(
          kept.map((o) => ({
            campaignId: before.campaignId,
            boardId: before.boardId,
            optionId: o.id,
            kind: o.kind,
            title: o.title,
            description: o.description,
            theme: application.theme as string,
            status: "DRAFT" as const,
            example: before.example,
          })),
        )
        .returning();
      const [pitch] = await tx.update(campaignPitches).set({ voteStatus: "CLOSED", voteClosedAt: new Date() }).where(eq(campaignPitches.id, pitchId)).returning();
      if (!pitch) throw notFound("Pitch", "pitchId");
      results.sort((a, b) => kept.findIndex((o) => o.id === a.optionId) - kept.findIndex((o) => o.id === b.optionId));
      await recorder.record({
        operation: "closeVote",
        entityType: "Pitch",
        entityId: pitchId,
        before,
        after: { ...pitch, kept: outcome.kind, votes: options.map((o) => ({ optionId: o.id, votes: o.votes })) },
      });
      for (const result of results) await recorder.record({ operation: "closeVote", entityType: "CampaignResult", entityId: result.id, before: null, after: result });
      await recorder.emit(voteClosed, pitchId, { pitchId, campaignId: pitch.campaignId, keptOptionIds: kept.map((o) => o.id), resultIds: results.map((r) => r.id) });
      for (const result of results) {
        await recorder.emit(resultDrafted, result.id, {
          resultId: result.id,
          campaignId: result.campaignId,
          boardId: result.boardId,
          kind: result.kind,
          theme: result.theme,
          status: result.status,
        });
      }
      return { pitch, results };
    }),
  { authorize: campaignManage },
);

// Campaigns, applications, the steering group and meetings: reading them (through loaders, so a
// page of campaigns with their nested lists costs a fixed number of statements) and changing them,
// with the rules and access checks. The selection proposal and its confirmation live in
// selection.service.ts; pitches and votes in votes.service.ts; results in results.service.ts.
//
// A campaign's status is derived (`campaignStatus`), never stored. Every write that depends on the
// campaign's state locks its row: confirming the selection takes it `for update`, so an
// application, a steering-group member or a change of themes is judged on what a confirmation
// committed, and two confirmations cannot both pass.
import { and, asc, count, eq, getTableColumns, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { boards } from "../../db/schema/boards.js";
import { campaignApplications, campaignMeetingKind, campaignMeetings, campaignSteeringMembers, campaigns, campaignTrajectories } from "../../db/schema/campaigns.js";
import { organisations } from "../../db/schema/organisations.js";
import type { Board } from "../boards/boards.service.js";
import { todayInBrussels } from "../funding/lifecycle.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, conflict, forbidden, notFound, uniqueViolation } from "../shared/errors.js";
import { fn, parseInput } from "../shared/fn.js";
import { localizedMultilineTextInput, localizedTextInput } from "../shared/i18n.js";
import { childRows, defineLoader, defineLoaderFamily, rowsById } from "../shared/loaders.js";
import { assertCan, can, grantFor } from "../shared/policy.js";
import { afterCursor, type Connection, expectGlobalId, type Keyset, mapConnection, pageSize, paginate, toConnection } from "../shared/relay.js";
import { notNull, optionalMultilineText, optionalText, requiredText } from "../shared/validation.js";
import { organisationOf } from "../trainings/references.js";
import { applicationChanged, campaignChanged } from "./campaigns.events.js";
import type { CampaignApplicationMapper, CampaignMapper, CampaignMeetingMapper, CampaignTrajectoryMapper, SteeringGroupMemberMapper } from "./campaigns.mappers.js";
import { applicationRead, campaignApply, campaignManage } from "./campaigns.policy.js";

export type CampaignStatus = "OPEN_FOR_APPLICATIONS" | "RUNNING" | "ENDED";

/** Open until the selection is confirmed, running after, ended once its last day has passed (in Brussels). */
export function campaignStatus(campaign: Pick<CampaignMapper, "selectionConfirmedAt" | "endsOn">, today: string = todayInBrussels()): CampaignStatus {
  if (campaign.endsOn && campaign.endsOn < today) return "ENDED";
  return campaign.selectionConfirmedAt ? "RUNNING" : "OPEN_FOR_APPLICATIONS";
}

export const MAX_THEMES = 12;
export const MAX_THEME_LENGTH = 100;
export const MAX_OBJECTIVES = 2000;
export const MAX_GROUP = 50;

// ---------------------------------------------------------------------------------------------
// Nodes

export const campaignLoader = (ctx: Context) => rowsById<CampaignMapper>(ctx, campaigns);
export const applicationLoader = (ctx: Context) => rowsById<CampaignApplicationMapper>(ctx, campaignApplications);
const trajectoryLoader = (ctx: Context) => rowsById<CampaignTrajectoryMapper>(ctx, campaignTrajectories);
const meetingLoader = (ctx: Context) => rowsById<CampaignMeetingMapper>(ctx, campaignMeetings);
const steeringLoader = (ctx: Context) => rowsById<SteeringGroupMemberMapper>(ctx, campaignSteeringMembers);

/** The request's loader of campaigns by id (rowsById). */
export async function findCampaign(ctx: Context, id: string): Promise<CampaignMapper | null> {
  return campaignLoader(ctx).load(id);
}
/** An application the viewer may read (applicationRead); null for one they may not, as for none. */
export async function findApplication(ctx: Context, id: string): Promise<CampaignApplicationMapper | null> {
  const application = await applicationLoader(ctx).load(id);
  if (!application || !(await can(ctx, applicationRead, { boardId: application.boardId }))) return null;
  return application;
}
export async function findCampaignTrajectory(ctx: Context, id: string): Promise<CampaignTrajectoryMapper | null> {
  return trajectoryLoader(ctx).load(id);
}
export async function findMeeting(ctx: Context, id: string): Promise<CampaignMeetingMapper | null> {
  return meetingLoader(ctx).load(id);
}
export async function findSteeringMember(ctx: Context, id: string): Promise<SteeringGroupMemberMapper | null> {
  return steeringLoader(ctx).load(id);
}

/** A row that refers to a campaign: the campaign (it always exists, by foreign key). */
export async function campaignOf(ctx: Context, row: { campaignId: string }): Promise<CampaignMapper> {
  const campaign = await campaignLoader(ctx).load(row.campaignId);
  if (!campaign) throw new Error(`campaign ${row.campaignId} is missing`);
  return campaign;
}

/** CampaignTrajectory.example: its application's. */
export async function trajectoryIsExample(ctx: Context, trajectory: CampaignTrajectoryMapper): Promise<boolean> {
  return (await applicationLoader(ctx).load(trajectory.applicationId))?.example ?? false;
}

// ---------------------------------------------------------------------------------------------
// Lists

/** Newest first; microsecond text keeps the cursor exact. */
const createdAtText = sql<string>`to_char(${campaigns.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const campaignKeyset: Keyset = { sortKey: createdAtText, id: campaigns.id, descending: true };

export const listCampaigns = fn(z.object({ first: z.number().int().nullish(), after: z.string().nullish() }), async (ctx, { first, after }) => {
  // The page carries each row's exact key, so a cursor never loses the microseconds a Date drops.
  const rows = await paginate(
    { first, after },
    campaignKeyset,
    (page) =>
      ctx.db
        .select({ ...getTableColumns(campaigns), key: createdAtText })
        .from(campaigns)
        .where(page.after)
        .orderBy(...page.orderBy)
        .limit(page.limit),
    (row) => [row.key, row.id],
    async () => (await ctx.db.select({ n: count() }).from(campaigns))[0]?.n ?? 0,
  );
  return mapConnection(rows, ({ key: _key, ...campaign }) => campaign as CampaignMapper);
});

/** Whose applications the viewer sees: every one (editors), their own board's, or none. */
function visibleApplications(ctx: Context): { all: true } | { boardId: string } | null {
  if (grantFor(applicationRead, ctx.actor.role) === "always") return { all: true };
  if (ctx.actor.role === "BOARD_MEMBER") return { boardId: ctx.actor.boardId };
  return null;
}

interface ApplicationPage {
  after: string | null;
  size: number;
  /** Only this board's (a board member's view); null: every one. */
  boardId: string | null;
}

/** Applications by board name, then id. */
const applicationKeyset: Keyset = { sortKey: boards.name, id: campaignApplications.id };

const pagesOfApplications = defineLoaderFamily<string, { application: CampaignApplicationMapper; boardName: string }[], ApplicationPage>(
  (page) => JSON.stringify([page.after, page.size, page.boardId]),
  async (ctx, { after, size, boardId }, campaignIds) => {
    const ranked = ctx.db
      .select({
        ...getTableColumns(campaignApplications),
        boardName: sql<string>`${boards.name}`.as("board_name"),
        rank: sql<number>`row_number() over (partition by ${campaignApplications.campaignId} order by ${boards.name} asc, ${campaignApplications.id} asc)`.as("rank"),
      })
      .from(campaignApplications)
      .innerJoin(boards, eq(boards.id, campaignApplications.boardId))
      .where(
        and(inArray(campaignApplications.campaignId, [...campaignIds]), boardId ? eq(campaignApplications.boardId, boardId) : undefined, afterCursor(applicationKeyset, after)),
      )
      .as("ranked");
    const rows = await ctx.db
      .select()
      .from(ranked)
      .where(lte(ranked.rank, size + 1))
      .orderBy(ranked.campaignId, ranked.rank);
    return campaignIds.map((id) =>
      rows.filter((r) => r.campaignId === id).map(({ rank: _rank, boardName, ...application }) => ({ application: application as CampaignApplicationMapper, boardName })),
    );
  },
);

const applicationTotals = defineLoaderFamily<string, number, string | null>(
  (boardId) => boardId ?? "",
  async (ctx, boardId, campaignIds) => {
    const rows = await ctx.db
      .select({ campaignId: campaignApplications.campaignId, n: count() })
      .from(campaignApplications)
      .where(and(inArray(campaignApplications.campaignId, [...campaignIds]), boardId ? eq(campaignApplications.boardId, boardId) : undefined))
      .groupBy(campaignApplications.campaignId);
    const counts = new Map(rows.map((r) => [r.campaignId, r.n]));
    return campaignIds.map((id) => counts.get(id) ?? 0);
  },
);

/** Campaign.applications: the ones the viewer may read, by board name; batched over a page of campaigns. */
export async function applicationsOf(
  ctx: Context,
  campaign: CampaignMapper,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<CampaignApplicationMapper>> {
  const size = pageSize(args.first);
  // Decoding the cursor here refuses a forged one before the batch runs.
  afterCursor(applicationKeyset, args.after);
  const visible = visibleApplications(ctx);
  if (!visible)
    return toConnection(
      [],
      size,
      args,
      () => ["", ""],
      async () => 0,
    );
  const boardId = "boardId" in visible ? visible.boardId : null;
  const rows = await pagesOfApplications(ctx, { after: args.after ?? null, size, boardId }).load(campaign.id);
  const page = toConnection(
    rows,
    size,
    args,
    (r) => [r.boardName, r.application.id],
    () => applicationTotals(ctx, boardId).load(campaign.id),
  );
  return mapConnection(page, (r) => r.application);
}

const trajectoriesOfCampaigns = childRows<CampaignTrajectoryMapper>(
  (ctx, campaignIds) =>
    ctx.db
      .select(getTableColumns(campaignTrajectories))
      .from(campaignTrajectories)
      .innerJoin(boards, eq(boards.id, campaignTrajectories.boardId))
      .where(inArray(campaignTrajectories.campaignId, campaignIds))
      .orderBy(asc(boards.name), asc(campaignTrajectories.id)),
  (row) => row.campaignId,
);

/** Campaign.selectedBoards: the trajectories, by board name. */
export const selectedBoardsOf = (ctx: Context, campaign: CampaignMapper) => trajectoriesOfCampaigns(ctx).load(campaign.id);

const soundingBoards = childRows<{ campaignId: string; board: Board }>(
  (ctx, campaignIds) =>
    ctx.db
      .select({ campaignId: campaignApplications.campaignId, board: boards })
      .from(campaignApplications)
      .innerJoin(boards, eq(boards.id, campaignApplications.boardId))
      .where(and(inArray(campaignApplications.campaignId, campaignIds), eq(campaignApplications.status, "SOUNDING_BOARD")))
      .orderBy(asc(boards.name), asc(boards.id)),
  (row) => row.campaignId,
);

/** Campaign.soundingBoard: every applicant not selected, by board name. */
export const soundingBoardOf = async (ctx: Context, campaign: CampaignMapper): Promise<Board[]> => (await soundingBoards(ctx).load(campaign.id)).map((r) => r.board);

const steeringGroups = childRows<SteeringGroupMemberMapper>(
  (ctx, campaignIds) =>
    ctx.db
      .select(getTableColumns(campaignSteeringMembers))
      .from(campaignSteeringMembers)
      .leftJoin(boards, eq(boards.id, campaignSteeringMembers.boardId))
      .leftJoin(organisations, eq(organisations.id, campaignSteeringMembers.organisationId))
      .where(inArray(campaignSteeringMembers.campaignId, campaignIds))
      .orderBy(sql`${campaignSteeringMembers.boardId} is null`, asc(boards.name), sql`${organisations.name}->>'nl'`, asc(campaignSteeringMembers.id)),
  (row) => row.campaignId,
);

/** Campaign.steeringGroup: boards by name, then organisations by Dutch name. */
export const steeringGroupOf = (ctx: Context, campaign: CampaignMapper) => steeringGroups(ctx).load(campaign.id);

const meetingsOfCampaigns = childRows<CampaignMeetingMapper>(
  (ctx, campaignIds) =>
    ctx.db
      .select()
      .from(campaignMeetings)
      .where(inArray(campaignMeetings.campaignId, campaignIds))
      .orderBy(asc(campaignMeetings.heldOn), asc(campaignMeetings.kind), asc(campaignMeetings.id)),
  (row) => row.campaignId,
);

/** Campaign.meetings: by day, then kind. */
export const meetingsOf = (ctx: Context, campaign: CampaignMapper) => meetingsOfCampaigns(ctx).load(campaign.id);

/** The campaigns the viewer's board has applied to, among those asked: one statement per batch. */
const appliedByViewerBoard = defineLoader<string, boolean>(async (ctx, campaignIds) => {
  if (ctx.actor.role !== "BOARD_MEMBER") return campaignIds.map(() => false);
  const rows = await ctx.db
    .select({ campaignId: campaignApplications.campaignId })
    .from(campaignApplications)
    .where(and(eq(campaignApplications.boardId, ctx.actor.boardId), inArray(campaignApplications.campaignId, [...campaignIds])));
  const applied = new Set(rows.map((r) => r.campaignId));
  return campaignIds.map((id) => applied.has(id));
});

/** Campaign.viewerCanApply: a board member whose board has not applied, while applications are open. */
export async function viewerCanApply(ctx: Context, campaign: CampaignMapper): Promise<boolean> {
  if (ctx.actor.role !== "BOARD_MEMBER" || campaignStatus(campaign) !== "OPEN_FOR_APPLICATIONS") return false;
  return !(await appliedByViewerBoard(ctx).load(campaign.id));
}

export const viewerCanManage = (ctx: Context) => can(ctx, campaignManage, undefined);

// ---------------------------------------------------------------------------------------------
// Writes: campaigns

const themeList = z
  .array(requiredText(MAX_THEME_LENGTH))
  .min(1, "must name at least one theme")
  .max(MAX_THEMES, `must name at most ${MAX_THEMES} themes`)
  .superRefine((themes, issues) => {
    const seen = new Set<string>();
    for (const [i, theme] of themes.entries()) {
      const key = theme.toLowerCase();
      if (seen.has(key)) issues.addIssue({ code: "custom", path: [i], message: "names a theme already named (themes are compared ignoring case)" });
      seen.add(key);
    }
  });

const selectionSize = z.number().int("must be a whole number").min(1, "must be from 1 to 50").max(50, "must be from 1 to 50");

const campaignFields = z.object({
  title: localizedTextInput,
  focus: localizedMultilineTextInput.nullish(),
  startsOn: isoDate.nullish(),
  endsOn: isoDate.nullish(),
  partnerId: z.string().nullish(),
  themes: themeList,
  selectionSize,
});

function checkPeriod(startsOn: string | null, endsOn: string | null): void {
  if (startsOn && endsOn && endsOn < startsOn) throw badInput("input.endsOn", "must be on or after startsOn");
}

/** A unique title (ignoring case) is the index's to guarantee; its breach is the client's to fix. */
async function titled<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (uniqueViolation(error) === "campaigns_title_key") throw badInput("input.title.nl", "is already the Dutch title of another campaign (titles are compared ignoring case)");
    throw error;
  }
}

const campaignEvent = (campaignId: string, operation: "CREATED" | "UPDATED") => ({ campaignId, part: "CAMPAIGN" as const, partId: campaignId, operation });

export const createCampaign = fn(
  campaignFields,
  async (ctx, input): Promise<CampaignMapper> =>
    titled(() =>
      change(ctx, async (tx, recorder) => {
        await assertCan(ctx, campaignManage, undefined);
        checkPeriod(input.startsOn ?? null, input.endsOn ?? null);
        const [created] = await tx
          .insert(campaigns)
          .values({
            title: input.title,
            focus: input.focus ?? null,
            startsOn: input.startsOn ?? null,
            endsOn: input.endsOn ?? null,
            partnerId: await organisationOf(tx, input.partnerId, "input.partnerId"),
            themes: input.themes,
            selectionSize: input.selectionSize,
          })
          .returning();
        if (!created) throw new Error("insert returned no row");
        await recorder.record({ operation: "createCampaign", entityType: "Campaign", entityId: created.id, before: null, after: created });
        await recorder.emit(campaignChanged, created.id, campaignEvent(created.id, "CREATED"));
        return created;
      }),
    ),
  { argument: "input", authorize: campaignManage },
);

/** The campaign's row, locked against a concurrent confirmation (`update`) or only against changes of its state (`share`). */
export async function lockCampaign(tx: Tx, campaignId: string, field: string, strength: "update" | "share" = "update"): Promise<CampaignMapper> {
  const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)).for(strength);
  if (!campaign) throw notFound("Campaign", field);
  return campaign;
}

const campaignPatch = z.object({
  id: z.string(),
  title: notNull(localizedTextInput),
  focus: localizedMultilineTextInput.nullish(),
  startsOn: isoDate.nullish(),
  endsOn: isoDate.nullish(),
  partnerId: z.string().nullish(),
  themes: notNull(themeList),
  selectionSize: notNull(selectionSize),
});

const sameThemes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

export const updateCampaign = fn(
  campaignPatch,
  async (ctx, { id, ...patch }): Promise<CampaignMapper> => {
    const rowId = expectGlobalId(id, "Campaign", "input.id");
    return titled(() =>
      change(ctx, async (tx, recorder) => {
        await assertCan(ctx, campaignManage, undefined);
        const before = await lockCampaign(tx, rowId, "input.id");
        const open = campaignStatus(before) === "OPEN_FOR_APPLICATIONS";
        if (patch.themes !== undefined && !sameThemes(patch.themes, before.themes)) {
          if (!open) throw conflict("input.themes", `The campaign is ${campaignStatus(before)}: its themes change only while applications are open`);
          await checkRemovedThemes(tx, before, patch.themes);
        }
        if (patch.selectionSize !== undefined && patch.selectionSize !== before.selectionSize && !open)
          throw conflict("input.selectionSize", `The campaign is ${campaignStatus(before)}: its selection size changes only while applications are open`);
        const values = {
          title: patch.title ?? before.title,
          focus: patch.focus === undefined ? before.focus : patch.focus,
          startsOn: patch.startsOn === undefined ? before.startsOn : patch.startsOn,
          endsOn: patch.endsOn === undefined ? before.endsOn : patch.endsOn,
          partnerId: patch.partnerId === undefined ? before.partnerId : await organisationOf(tx, patch.partnerId, "input.partnerId"),
          themes: patch.themes ?? before.themes,
          selectionSize: patch.selectionSize ?? before.selectionSize,
        };
        checkPeriod(values.startsOn, values.endsOn);
        const [after] = await tx.update(campaigns).set(values).where(eq(campaigns.id, rowId)).returning();
        if (!after) throw notFound("Campaign", "input.id");
        await recorder.record({ operation: "updateCampaign", entityType: "Campaign", entityId: rowId, before, after });
        await recorder.emit(campaignChanged, rowId, campaignEvent(rowId, "UPDATED"));
        return after;
      }),
    );
  },
  { argument: "input", authorize: campaignManage },
);

/** A theme an application feels affinity with, or a selected board works on, stays. */
async function checkRemovedThemes(tx: Tx, campaign: CampaignMapper, themes: readonly string[]): Promise<void> {
  const kept = new Set(themes.map((t) => t.toLowerCase()));
  const removed = campaign.themes.filter((t) => !kept.has(t.toLowerCase()));
  if (removed.length === 0) return;
  const used = await tx
    .select({ theme: campaignApplications.theme, themeAffinity: campaignApplications.themeAffinity })
    .from(campaignApplications)
    .where(eq(campaignApplications.campaignId, campaign.id));
  for (const theme of removed) {
    const key = theme.toLowerCase();
    if (used.some((a) => a.theme?.toLowerCase() === key || a.themeAffinity.some((t) => t.toLowerCase() === key)))
      throw conflict("input.themes", `The theme "${theme}" is used by an application of this campaign and cannot be removed`);
  }
}

/** The campaign's spelling of a theme given ignoring case, or null when it is not one of them. */
export function campaignTheme(campaign: CampaignMapper, theme: string): string | null {
  const key = theme.trim().toLowerCase();
  return campaign.themes.find((t) => t.toLowerCase() === key) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Writes: applications

const affinityInput = z.array(z.string().max(MAX_THEME_LENGTH * 2, `must be at most ${MAX_THEME_LENGTH} characters`)).max(MAX_THEMES, `must name at most ${MAX_THEMES} themes`);

/** The themes as the campaign spells them; each one of its themes, once. */
function affinityOf(campaign: CampaignMapper, given: readonly string[]): string[] {
  const out: string[] = [];
  for (const [i, theme] of given.entries()) {
    const known = campaignTheme(campaign, theme);
    if (!known) throw badInput(`input.themeAffinity.${i}`, "is not one of the campaign's themes");
    if (out.includes(known)) throw badInput(`input.themeAffinity.${i}`, "names a theme already named");
    out.push(known);
  }
  return out;
}

const applicationEvent = (a: CampaignApplicationMapper, operation: "CREATED" | "UPDATED") => ({
  applicationId: a.id,
  campaignId: a.campaignId,
  boardId: a.boardId,
  status: a.status,
  operation,
});

const applyInput = z.object({
  campaignId: z.string(),
  boardId: z.string().nullish(),
  objectives: optionalMultilineText(MAX_OBJECTIVES),
  themeAffinity: affinityInput.nullish(),
});

/** Applications are taken while the campaign is open and its last day has not passed. */
function assertOpen(campaign: CampaignMapper, field: string, doing: string): void {
  const status = campaignStatus(campaign);
  if (status !== "OPEN_FOR_APPLICATIONS") throw conflict(field, `The campaign is ${status}: ${doing} only while applications are open`);
}

export const applyToCampaign = fn(
  applyInput,
  async (ctx, input): Promise<CampaignApplicationMapper> => {
    const campaignId = expectGlobalId(input.campaignId, "Campaign", "input.campaignId");
    const actor = ctx.actor;
    let boardId: string;
    if (actor.role === "BOARD_MEMBER") {
      boardId = input.boardId == null ? actor.boardId : expectGlobalId(input.boardId, "Board", "input.boardId");
      if (boardId !== actor.boardId) throw forbidden(campaignApply.refusal);
    } else {
      if (input.boardId == null) throw badInput("input.boardId", "must name the board the application is for");
      boardId = expectGlobalId(input.boardId, "Board", "input.boardId");
    }
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, campaignApply, { boardId });
      // Shared: applications may come in together, but not while a confirmation is under way.
      const campaign = await lockCampaign(tx, campaignId, "input.campaignId", "share");
      assertOpen(campaign, "input.campaignId", "boards apply");
      const [board] = await tx.select({ id: boards.id }).from(boards).where(eq(boards.id, boardId));
      if (!board) throw badInput("input.boardId", "is not a board");
      const themeAffinity = affinityOf(campaign, input.themeAffinity ?? []);
      let created: CampaignApplicationMapper | undefined;
      try {
        [created] = await tx
          .insert(campaignApplications)
          .values({ campaignId, boardId, objectives: input.objectives ?? null, themeAffinity })
          .returning();
      } catch (error) {
        if (uniqueViolation(error) === "campaign_applications_board_key") throw conflict("input.boardId", "The board has already applied to this campaign");
        throw error;
      }
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "applyToCampaign", entityType: "CampaignApplication", entityId: created.id, before: null, after: created });
      await recorder.emit(applicationChanged, created.id, applicationEvent(created, "CREATED"));
      return created;
    });
  },
  { argument: "input", authorize: campaignApply },
);

const applicationPatch = z.object({
  id: z.string(),
  objectives: optionalMultilineText(MAX_OBJECTIVES),
  themeAffinity: notNull(affinityInput),
  motivationScore: z.number().nullish(),
  maturityScore: z.number().nullish(),
  group: z.string().nullish(),
});

/** What only editors set: checked for access before its values are. */
const EDITOR_FIELDS = ["motivationScore", "maturityScore", "group"] as const;

const score = z.number().int("must be a whole number").min(1, "must be from 1 to 5").max(5, "must be from 1 to 5").nullish();
const editorValues = z.object({ motivationScore: score, maturityScore: score, group: optionalText(MAX_GROUP) });

export const updateCampaignApplication = fn(
  applicationPatch,
  async (ctx, { id, ...patch }): Promise<CampaignApplicationMapper> => {
    const rowId = expectGlobalId(id, "CampaignApplication", "input.id");
    return change(ctx, async (tx, recorder) => {
      const [found] = await tx.select().from(campaignApplications).where(eq(campaignApplications.id, rowId));
      if (!found) throw notFound("CampaignApplication", "input.id");
      // Another board's application is FORBIDDEN, as every write of the API answers (the authorization matrix).
      await assertCan(ctx, campaignApply, { boardId: found.boardId });
      const editor = grantFor(campaignManage, ctx.actor.role) === "always";
      const sent = EDITOR_FIELDS.filter((field) => patch[field] !== undefined);
      if (!editor && sent.length > 0) throw forbidden(`Only consultants and admins set ${sent.join(", ")}`);
      const scores = parseInput(editorValues, { motivationScore: patch.motivationScore, maturityScore: patch.maturityScore, group: patch.group }, "input");
      const campaign = await lockCampaign(tx, found.campaignId, "input.id", "share");
      assertOpen(campaign, "input.id", "applications change");
      const [before] = await tx.select().from(campaignApplications).where(eq(campaignApplications.id, rowId)).for("update");
      if (!before) throw notFound("CampaignApplication", "input.id");
      const values = {
        objectives: patch.objectives === undefined ? before.objectives : patch.objectives,
        themeAffinity: patch.themeAffinity === undefined ? before.themeAffinity : affinityOf(campaign, patch.themeAffinity),
        motivationScore: scores.motivationScore === undefined ? before.motivationScore : scores.motivationScore,
        maturityScore: scores.maturityScore === undefined ? before.maturityScore : scores.maturityScore,
        groupLabel: scores.group === undefined ? before.groupLabel : scores.group,
      };
      const [after] = await tx.update(campaignApplications).set(values).where(eq(campaignApplications.id, rowId)).returning();
      if (!after) throw notFound("CampaignApplication", "input.id");
      await recorder.record({ operation: "updateCampaignApplication", entityType: "CampaignApplication", entityId: rowId, before, after });
      await recorder.emit(applicationChanged, rowId, applicationEvent(after, "UPDATED"));
      return after;
    });
  },
  { argument: "input", authorize: campaignApply },
);

// ---------------------------------------------------------------------------------------------
// Writes: the steering group

const steeringEvent = (campaignId: string, memberId: string, operation: "CREATED" | "REMOVED") => ({ campaignId, part: "STEERING_GROUP" as const, partId: memberId, operation });

export const addSteeringGroupMember = fn(
  z.object({ campaignId: z.string(), boardId: z.string().nullish(), organisationId: z.string().nullish() }),
  async (ctx, input): Promise<SteeringGroupMemberMapper> => {
    const campaignId = expectGlobalId(input.campaignId, "Campaign", "input.campaignId");
    if ((input.boardId == null) === (input.organisationId == null)) throw badInput("input", "must name exactly one of boardId and organisationId");
    const boardId = input.boardId == null ? null : expectGlobalId(input.boardId, "Board", "input.boardId");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, campaignManage, undefined);
      // Locked like a confirmation, so a board cannot be selected and join the steering group at once.
      await lockCampaign(tx, campaignId, "input.campaignId");
      const organisationId = await organisationOf(tx, input.organisationId, "input.organisationId");
      if (boardId) {
        const [board] = await tx.select({ id: boards.id }).from(boards).where(eq(boards.id, boardId));
        if (!board) throw badInput("input.boardId", "is not a board");
        const [selected] = await tx
          .select({ id: campaignApplications.id })
          .from(campaignApplications)
          .where(and(eq(campaignApplications.campaignId, campaignId), eq(campaignApplications.boardId, boardId), eq(campaignApplications.status, "SELECTED")));
        if (selected) throw badInput("input.boardId", "is a selected board of the campaign: the selected boards are not on the steering group");
      }
      let created: SteeringGroupMemberMapper | undefined;
      try {
        [created] = await tx.insert(campaignSteeringMembers).values({ campaignId, boardId, organisationId }).returning();
      } catch (error) {
        const constraint = uniqueViolation(error);
        if (constraint === "campaign_steering_members_board_key") throw conflict("input.boardId", "The board is already on the campaign's steering group");
        if (constraint === "campaign_steering_members_organisation_key") throw conflict("input.organisationId", "The organisation is already on the campaign's steering group");
        throw error;
      }
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "addSteeringGroupMember", entityType: "SteeringGroupMember", entityId: created.id, before: null, after: created });
      await recorder.emit(campaignChanged, campaignId, steeringEvent(campaignId, created.id, "CREATED"));
      return created;
    });
  },
  { argument: "input", authorize: campaignManage },
);

export const removeSteeringGroupMember = fn(
  z.object({ id: z.string() }),
  async (ctx, { id }): Promise<string> => {
    const rowId = expectGlobalId(id, "SteeringGroupMember", "id");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, campaignManage, undefined);
      const [before] = await tx.delete(campaignSteeringMembers).where(eq(campaignSteeringMembers.id, rowId)).returning();
      if (!before) throw notFound("SteeringGroupMember", "id");
      await recorder.record({ operation: "removeSteeringGroupMember", entityType: "SteeringGroupMember", entityId: rowId, before, after: null });
      await recorder.emit(campaignChanged, before.campaignId, steeringEvent(before.campaignId, rowId, "REMOVED"));
      return id;
    });
  },
  { authorize: campaignManage },
);

// ---------------------------------------------------------------------------------------------
// Writes: meetings

export const planCampaignMeeting = fn(
  z.object({ campaignId: z.string(), kind: z.enum(campaignMeetingKind.enumValues), heldOn: isoDate, title: localizedTextInput.nullish() }),
  async (ctx, input): Promise<CampaignMeetingMapper> => {
    const campaignId = expectGlobalId(input.campaignId, "Campaign", "input.campaignId");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, campaignManage, undefined);
      const campaign = await lockCampaign(tx, campaignId, "input.campaignId", "share");
      if (campaign.startsOn && input.heldOn < campaign.startsOn) throw badInput("input.heldOn", `must be on or after the campaign's first day ${campaign.startsOn}`);
      if (campaign.endsOn && input.heldOn > campaign.endsOn) throw badInput("input.heldOn", `must be on or before the campaign's last day ${campaign.endsOn}`);
      let created: CampaignMeetingMapper | undefined;
      try {
        [created] = await tx
          .insert(campaignMeetings)
          .values({ campaignId, kind: input.kind, heldOn: input.heldOn, title: input.title ?? null })
          .returning();
      } catch (error) {
        if (uniqueViolation(error) === "campaign_meetings_day_key") throw conflict("input.heldOn", `The campaign already has a ${input.kind} meeting on ${input.heldOn}`);
        throw error;
      }
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "planCampaignMeeting", entityType: "CampaignMeeting", entityId: created.id, before: null, after: created });
      await recorder.emit(campaignChanged, campaignId, { campaignId, part: "MEETING" as const, partId: created.id, operation: "CREATED" as const });
      return created;
    });
  },
  { argument: "input", authorize: campaignManage },
);

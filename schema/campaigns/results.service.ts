// A campaign's results (instruments, templates, good practices) and their embargo. A result moves
// one step at a time, DRAFT -> INTERMEDIATE -> PUBLISHED, never back: a draft is seen by editors
// only, an intermediate result also by the campaign's circle (its selected boards, its sounding
// board and its steering group, circle.ts), a published one by everyone, in the library other
// boards search by theme. Every path that reaches a result asks the same rule: row by row
// (`resultRead` on the result's scope) for node(id), nested fields and payloads, as SQL
// (`visibleResults`) for lists and their counts, so a count never confirms a hidden result.
//
// Editors (campaignManage) enter results that were not voted on (a selected board's good practice;
// the vote's kept options are drafted by votes.service.ts), correct them until they are published,
// and move them on; every change emits its typed event in the same transaction, whose audience is
// the same embargo, asked again when the event is delivered.
import { and, count, eq, getTableColumns, inArray, lte, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { campaignApplications, campaignPitchOptions, campaignResultKind, campaignResultStatus, campaignResults, campaigns } from "../../db/schema/campaigns.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, conflict, notFound } from "../shared/errors.js";
import { fn, parseInput } from "../shared/fn.js";
import { LOCALES, type LocalizedText, localizedMultilineTextInput, localizedTextInput } from "../shared/i18n.js";
import { defineLoaderFamily, rowsById } from "../shared/loaders.js";
import { can } from "../shared/policy.js";
import { afterCursor, type Connection, countRows, expectGlobalId, type Keyset, pageSize, paginate, toConnection } from "../shared/relay.js";
import { escapeLike, httpUrl, notNull } from "../shared/validation.js";
import { resultDrafted, resultIntermediate, resultPublished, resultUpdated } from "./campaigns.events.js";
import type { CampaignMapper, CampaignResultMapper as CampaignResult, PitchOptionMapper } from "./campaigns.mappers.js";
import { campaignManage } from "./campaigns.policy.js";
import { mayReadResult, visibleResults } from "./circle.js";

type Status = CampaignResult["status"];

export const campaignResultLoader = (ctx: Context) => rowsById<CampaignResult>(ctx, campaignResults);

/** A result by row id, for node(id) and nodes(ids): null unless the viewer may read it, so an embargoed id reads as unknown. */
export async function findCampaignResult(ctx: Context, id: string): Promise<CampaignResult | null> {
  const result = await campaignResultLoader(ctx).load(id);
  return result && (await mayReadResult(ctx, result)) ? result : null;
}

// ---------------------------------------------------------------------------------------------
// Nested fields: each a request loader, so a page of results costs one statement per field.

/** CampaignResult.campaign: campaigns are public. */
export async function campaignOfResult(ctx: Context, result: CampaignResult): Promise<CampaignMapper> {
  const campaign = await rowsById<CampaignMapper>(ctx, campaigns).load(result.campaignId);
  if (!campaign) throw new Error(`campaign result ${result.id}: its campaign is missing`);
  return campaign;
}

/** CampaignResult.option: the pitch option the vote kept; options are public. */
export async function optionOfResult(ctx: Context, result: CampaignResult): Promise<PitchOptionMapper | null> {
  return result.optionId ? rowsById<PitchOptionMapper>(ctx, campaignPitchOptions).load(result.optionId) : null;
}

/** CampaignResult.viewerCanPublish: an editor, and the result has a step left. */
export async function viewerCanPublish(ctx: Context, result: CampaignResult): Promise<boolean> {
  return result.status !== "PUBLISHED" && (await can(ctx, campaignManage, undefined));
}

// ---------------------------------------------------------------------------------------------
// Lists: Campaign.results and the library (Query.campaignResults)

/** By Dutch title, then id. */
const resultTitle = sql<string>`(${campaignResults.title}->>'nl')`;
const resultKeyset: Keyset = { sortKey: resultTitle, id: campaignResults.id };
const resultCursor = (r: CampaignResult): [string, string] => [r.title.nl, r.id];

const filterFields = {
  theme: z.string().trim().max(200, "must be at most 200 characters").nullish(),
  kind: z.enum(campaignResultKind.enumValues).nullish(),
  status: z.enum(campaignResultStatus.enumValues).nullish(),
  search: z.string().trim().max(100, "must be at most 100 characters").nullish(),
};

const campaignResultsArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  filter: z.object(filterFields).nullish(),
});

const libraryArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  filter: z.object({ ...filterFields, campaignId: z.string().nullish() }).nullish(),
});

type Filter = NonNullable<z.output<typeof campaignResultsArgs>["filter"]>;

/** The filter's conditions; the embargo is added by the caller. */
function filterConditions(filter: Filter | null | undefined): SQL[] {
  const conditions: SQL[] = [];
  // The campaign spells the theme; a reader's spelling matches ignoring case and surrounding spaces.
  if (filter?.theme) conditions.push(sql`lower(${campaignResults.theme}) = lower(${filter.theme})`);
  if (filter?.kind) conditions.push(eq(campaignResults.kind, filter.kind));
  // A status outside what the viewer sees simply matches nothing: no error confirms a hidden result.
  if (filter?.status) conditions.push(eq(campaignResults.status, filter.status));
  if (filter?.search) {
    // Any translation matches: a French-speaking reader searches in French.
    const pattern = `%${escapeLike(filter.search)}%`;
    conditions.push(
      sql`(${campaignResults.title}->>'nl' ilike ${pattern} or ${campaignResults.title}->>'fr' ilike ${pattern} or ${campaignResults.title}->>'en' ilike ${pattern})`,
    );
  }
  return conditions;
}

export interface ResultsArgs {
  first?: number | null;
  after?: string | null;
  filter?: {
    theme?: string | null;
    kind?: "INSTRUMENT" | "TEMPLATE" | "GOOD_PRACTICE" | null;
    status?: "DRAFT" | "INTERMEDIATE" | "PUBLISHED" | null;
    search?: string | null;
  } | null;
}

/** Query.campaignResults: the library, every campaign's results the viewer may read, the same rule in the list and its totalCount. */
export const listCampaignResults = fn(libraryArgs, async (ctx, { first, after, filter }): Promise<Connection<CampaignResult>> => {
  const conditions = filterConditions(filter);
  if (filter?.campaignId) conditions.push(eq(campaignResults.campaignId, expectGlobalId(filter.campaignId, "Campaign", "filter.campaignId")));
  return resultPage(ctx, { first, after }, and(await visibleResults(ctx), ...conditions));
});

/** Query.publishedCampaignResults: the published results only, for every reader alike (what the public sees of the library). */
export const listPublishedCampaignResults = fn(
  libraryArgs.extend({ filter: z.object({ theme: filterFields.theme, kind: filterFields.kind, search: filterFields.search }).nullish() }),
  async (ctx, { first, after, filter }) => resultPage(ctx, { first, after }, and(eq(campaignResults.status, "PUBLISHED"), ...filterConditions(filter))),
);

/** A page of the library's results matching `where`, in title order. */
function resultPage(ctx: Context, { first, after }: { first?: number | null; after?: string | null }, where: SQL | undefined): Promise<Connection<CampaignResult>> {
  return paginate(
    { first, after },
    resultKeyset,
    (page) =>
      ctx.db
        .select()
        .from(campaignResults)
        .where(and(where, page.after))
        .orderBy(...page.orderBy)
        .limit(page.limit),
    resultCursor,
    () => countRows(ctx.db, campaignResults, where),
  );
}

interface ResultPage {
  filter: Filter | null;
  after: string | null;
  size: number;
}

/** A page of results of each of many campaigns, in one statement (a window per campaign), under the embargo. */
const pagesOfResults = defineLoaderFamily<string, CampaignResult[], ResultPage>(
  (page) => JSON.stringify([page.filter, page.after, page.size]),
  async (ctx, { filter, after, size }, campaignIds) => {
    const ranked = ctx.db
      .select({
        ...getTableColumns(campaignResults),
        rank: sql<number>`row_number() over (partition by ${campaignResults.campaignId} order by ${resultTitle} asc, ${campaignResults.id} asc)`.as("rank"),
      })
      .from(campaignResults)
      .where(and(inArray(campaignResults.campaignId, [...campaignIds]), await visibleResults(ctx), ...filterConditions(filter), afterCursor(resultKeyset, after)))
      .as("ranked");
    const rows = await ctx.db
      .select()
      .from(ranked)
      .where(lte(ranked.rank, size + 1))
      .orderBy(ranked.campaignId, ranked.rank);
    return campaignIds.map((id) => rows.filter((r) => r.campaignId === id).map(({ rank: _rank, ...result }) => result as CampaignResult));
  },
);

/** How many results of each campaign the viewer may read, in one statement. */
const resultTotals = defineLoaderFamily<string, number, Filter | null>(
  (filter) => JSON.stringify(filter),
  async (ctx, filter, campaignIds) => {
    const rows = await ctx.db
      .select({ campaignId: campaignResults.campaignId, n: count() })
      .from(campaignResults)
      .where(and(inArray(campaignResults.campaignId, [...campaignIds]), await visibleResults(ctx), ...filterConditions(filter)))
      .groupBy(campaignResults.campaignId);
    return campaignIds.map((id) => rows.find((r) => r.campaignId === id)?.n ?? 0);
  },
);

/** Campaign.results: the campaign's results the viewer may read, by Dutch title; batched over the campaigns of a list. */
export async function resultsOfCampaign(ctx: Context, campaign: CampaignMapper, args: ResultsArgs): Promise<Connection<CampaignResult>> {
  const { first, after, filter } = parseInput(campaignResultsArgs, args);
  const size = pageSize(first);
  // Decoding the cursor here refuses a forged one before the batch runs.
  afterCursor(resultKeyset, after);
  // One key for equal filters, however the client spelled or ordered them.
  const normalised: Filter | null = filter ? { theme: filter.theme || null, kind: filter.kind ?? null, status: filter.status ?? null, search: filter.search || null } : null;
  const rows = await pagesOfResults(ctx, { filter: normalised, after: after ?? null, size }).load(campaign.id);
  return toConnection(rows, size, { first, after }, resultCursor, () => resultTotals(ctx, normalised).load(campaign.id));
}

// ---------------------------------------------------------------------------------------------
// Writes

/** The event payload: ids and states, never the text. Row ids, which the audience reads the result by. */
const eventPayload = (r: CampaignResult) => ({ resultId: r.id, campaignId: r.campaignId, boardId: r.boardId, kind: r.kind, theme: r.theme, status: r.status });

/** The campaign's own spelling of a theme the editor wrote in any case, or BAD_USER_INPUT. */
function campaignTheme(campaign: CampaignMapper, theme: string): string {
  const wanted = theme.trim().toLowerCase();
  const found = campaign.themes.find((t) => t.trim().toLowerCase() === wanted);
  if (!found) throw badInput("input.theme", `must be one of the campaign's themes (${campaign.themes.join(", ") || "it has none"})`);
  return found;
}

const resultFields = z.object({
  campaignId: z.string(),
  boardId: z.string().nullish(),
  kind: z.enum(campaignResultKind.enumValues),
  title: localizedTextInput,
  description: localizedMultilineTextInput.nullish(),
  theme: z.string(),
  link: httpUrl.nullish(),
});

export const createCampaignResult = fn(
  resultFields,
  async (ctx, input): Promise<CampaignResult> => {
    const campaignId = expectGlobalId(input.campaignId, "Campaign", "input.campaignId");
    const boardId = input.boardId ? expectGlobalId(input.boardId, "Board", "input.boardId") : null;
    return change(ctx, async (tx, recorder) => {
      const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, campaignId));
      if (!campaign) throw notFound("Campaign", "input.campaignId");
      // Results come from the selected boards' trajectories: there are none before the selection.
      if (!campaign.selectionConfirmedAt) throw conflict("input.campaignId", "The campaign's selection is not confirmed yet: results come from the selected boards' trajectories");
      if (boardId) await expectSelectedBoard(tx, campaignId, boardId);
      const [created] = await tx
        .insert(campaignResults)
        .values({
          campaignId,
          boardId,
          kind: input.kind,
          title: input.title,
          description: input.description ?? null,
          theme: campaignTheme(campaign, input.theme),
          link: input.link ?? null,
          status: "DRAFT",
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "createCampaignResult", entityType: "CampaignResult", entityId: created.id, before: null, after: created });
      await recorder.emit(resultDrafted, created.id, eventPayload(created));
      return created;
    });
  },
  { argument: "input", authorize: campaignManage },
);

/** A result comes from one of the campaign's selected boards. */
async function expectSelectedBoard(tx: Tx, campaignId: string, boardId: string): Promise<void> {
  const [selected] = await tx
    .select({ id: campaignApplications.id })
    .from(campaignApplications)
    .where(and(eq(campaignApplications.campaignId, campaignId), eq(campaignApplications.boardId, boardId), eq(campaignApplications.status, "SELECTED")));
  if (!selected) throw badInput("input.boardId", "is not a selected board of the campaign");
}

/** The result's row, locked, so two writers of one result take turns and each sees what the other committed. */
async function lockResult(tx: Tx, resultId: string, field: string): Promise<CampaignResult> {
  const [result] = await tx.select().from(campaignResults).where(eq(campaignResults.id, resultId)).for("update");
  if (!result) throw notFound("CampaignResult", field);
  return result;
}

const resultPatch = z.object({
  id: z.string(),
  title: notNull(localizedTextInput),
  description: localizedMultilineTextInput.nullish(),
  theme: notNull(z.string()),
  link: httpUrl.nullish(),
});

/** Two translatable texts alike, whatever order jsonb keeps their keys in. */
const sameText = (a: LocalizedText | null, b: LocalizedText | null) => (a === null || b === null ? a === b : LOCALES.every((l) => (a[l] ?? null) === (b[l] ?? null)));

export const updateCampaignResult = fn(
  resultPatch,
  async (ctx, { id, ...patch }): Promise<CampaignResult> => {
    const rowId = expectGlobalId(id, "CampaignResult", "input.id");
    return change(ctx, async (tx, recorder) => {
      const before = await lockResult(tx, rowId, "input.id");
      if (before.status === "PUBLISHED") throw conflict("input.id", "The result is published: a published result no longer changes");
      let theme = before.theme;
      if (patch.theme !== undefined) {
        const [campaign] = await tx.select().from(campaigns).where(eq(campaigns.id, before.campaignId));
        if (!campaign) throw new Error(`campaign result ${rowId}: its campaign is missing`);
        theme = campaignTheme(campaign, patch.theme);
      }
      const values = {
        title: patch.title ?? before.title,
        description: patch.description === undefined ? before.description : patch.description,
        theme,
        link: patch.link === undefined ? before.link : patch.link,
      };
      // Nothing changed: no write, no audit row and no event for subscribers to act on.
      if (sameText(values.title, before.title) && sameText(values.description, before.description) && values.theme === before.theme && values.link === before.link) return before;
      const [after] = await tx.update(campaignResults).set(values).where(eq(campaignResults.id, rowId)).returning();
      if (!after) throw notFound("CampaignResult", "input.id");
      await recorder.record({ operation: "updateCampaignResult", entityType: "CampaignResult", entityId: rowId, before, after });
      await recorder.emit(resultUpdated, rowId, eventPayload(after));
      return after;
    });
  },
  { argument: "input", authorize: campaignManage },
);

const ORDER: Record<Status, number> = { DRAFT: 0, INTERMEDIATE: 1, PUBLISHED: 2 };

/** The step from one status to the next, or the error that refuses it. */
function checkStep(from: Status, to: Status): void {
  if (ORDER[to] <= ORDER[from]) throw conflict("input.status", `The result is ${from}: a result moves forward only, one step at a time`);
  if (ORDER[to] - ORDER[from] > 1) throw badInput("input.status", "a result is intermediate before it is published: the sounding board sees it first");
}

const emitStep = (recorder: Recorder, result: CampaignResult) =>
  result.status === "INTERMEDIATE" ? recorder.emit(resultIntermediate, result.id, eventPayload(result)) : recorder.emit(resultPublished, result.id, eventPayload(result));

export const publishResult = fn(
  z.object({ resultId: z.string(), status: z.enum(campaignResultStatus.enumValues) }),
  async (ctx, input): Promise<CampaignResult> => {
    const rowId = expectGlobalId(input.resultId, "CampaignResult", "input.resultId");
    return change(ctx, async (tx, recorder) => {
      // Locked: of two editors moving the result at once, the second sees the first's step and is refused.
      const before = await lockResult(tx, rowId, "input.resultId");
      checkStep(before.status, input.status);
      const now = new Date();
      const [after] = await tx
        .update(campaignResults)
        .set(input.status === "INTERMEDIATE" ? { status: "INTERMEDIATE", intermediateAt: now } : { status: "PUBLISHED", publishedAt: now })
        .where(eq(campaignResults.id, rowId))
        .returning();
      if (!after) throw notFound("CampaignResult", "input.resultId");
      await recorder.record({ operation: "publishResult", entityType: "CampaignResult", entityId: rowId, before, after });
      await emitStep(recorder, after);
      return after;
    });
  },
  { argument: "input", authorize: campaignManage },
);

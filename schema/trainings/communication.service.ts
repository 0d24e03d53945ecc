// Action 9's reach: "In vergelijking met de periode 2021-2022 zullen in deze convenantperiode 20%
// meer lezers van nieuwsbrief en website bereikt worden (gemeten via Google-analytics)". A
// consultant enters figures from web analytics (the newsletter's readers, the website's visitors,
// each over a span of days); the API owns the arithmetic: each channel's audience per day within a
// period against the 2021-2022 baseline's, in basis points. Figures of one channel never overlap,
// so no reader is counted twice, and only counts are kept, never a person.
import { and, asc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client.js";
import { communicationChannel, communicationFigures } from "../../db/schema/programme.js";
import { todayInBrussels } from "../funding/lifecycle.js";
import { actorSubject } from "../shared/auth.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, conflict, notFound } from "../shared/errors.js";
import { fn, parseInput } from "../shared/fn.js";
import { defineLoader, rowsById } from "../shared/loaders.js";
import type { MetricBreakdown, MetricDefinition, MetricPart, MetricScope, MetricSource } from "../shared/metrics.js";
import type { NodeFetcher } from "../shared/module.js";
import { can } from "../shared/policy.js";
import { type Connection, countRows, expectGlobalId, type Keyset, paginate, toGlobalId } from "../shared/relay.js";
import { optionalText } from "../shared/validation.js";
import { batchScopes, scopeValues } from "./platform.service.js";
import { communicationFigureChanged } from "./programme.events.js";
import { periodInput } from "./reach.service.js";
import type { CommunicationFigureMapper as CommunicationFigure, CommunicationReachMapper } from "./trainings.mappers.js";
import { communicationRecord } from "./trainings.policy.js";

type Channel = (typeof communicationChannel.enumValues)[number];
const CHANNELS = communicationChannel.enumValues;

/** The period the addendum compares with ("de periode 2021-2022"): a baseline figure lies within it. */
export const BASELINE = { start: "2021-01-01", end: "2022-12-31" } as const;

/**
 * The most readers or visitors a figure may hold per day of its period. A reach period spans less
 * than 10 years (3,653 days) and the figures of a channel never overlap, so the sum of a period's
 * figures stays within a GraphQL Int (2,147,483,647); half a million a day is far above what the
 * sector's newsletter and website reach.
 */
export const MAX_AUDIENCE_PER_DAY = 500_000;

/** The largest growth a GraphQL Int carries; a growth beyond it (a baseline of a handful of readers) is reported as this. */
const MAX_GROWTH = 2_147_483_647;

export const communicationFigureLoader = (ctx: Context) => rowsById<CommunicationFigure>(ctx, communicationFigures);

/** Days from start to end, both inclusive. */
export function daysOf(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The figures are public counts; editors (communicationRecord) enter, correct and remove them. */
export const viewerCanRecordFigures = (ctx: Context) => can(ctx, communicationRecord, undefined);

// ---------------------------------------------------------------------------------------------
// The list

const figureKeyset: Keyset = {
  // Channel, then start, as one text key: the enum's label and the ISO date sort as the list must.
  sortKey: sql<string>`(${communicationFigures.channel}::text || '|' || to_char(${communicationFigures.periodStart}, 'YYYY-MM-DD'))`,
  id: communicationFigures.id,
};

const figureListArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  channel: z.enum(CHANNELS).nullish(),
});

/** Query.communicationFigures: by channel (NEWSLETTER before WEBSITE), start, id. */
export const listCommunicationFigures = fn(figureListArgs, async (ctx, { first, after, channel }): Promise<Connection<CommunicationFigure>> => {
  const where = channel ? eq(communicationFigures.channel, channel) : undefined;
  return paginate(
    { first, after },
    figureKeyset,
    (page) =>
      ctx.db
        .select()
        .from(communicationFigures)
        .where(and(where, page.after))
        .orderBy(...page.orderBy)
        .limit(page.limit),
    (f) => [`${f.channel}|${f.periodStart}`, f.id],
    () => countRows(ctx.db, communicationFigures, where),
  );
});

export async function findCommunicationFigure(ctx: Context, id: string): Promise<CommunicationFigure | null> {
  return communicationFigureLoader(ctx).load(id);
}

// ---------------------------------------------------------------------------------------------
// Writes

const audience = z.number().int("must be a whole number").min(0, "must not be negative");

/** At most MAX_AUDIENCE_PER_DAY for each day the figure covers. */
function checkAudience(value: number, start: string, end: string): void {
  const days = daysOf(start, end);
  if (value > MAX_AUDIENCE_PER_DAY * days) throw badInput("input.audience", `must be at most ${MAX_AUDIENCE_PER_DAY} a day (${MAX_AUDIENCE_PER_DAY * days} over ${days} days)`);
}

const figureFields = z.object({
  channel: z.enum(CHANNELS),
  start: isoDate,
  end: isoDate,
  audience,
  baseline: z.boolean().nullish(),
  source: optionalText(500),
});

/**
 * Figures of one channel are entered one at a time: a transaction-scoped advisory lock per
 * channel (two keys: this table's, the channel's place in the enum) is held until the commit, so
 * two figures entered at once cannot both pass the overlap check. No row could be locked instead:
 * the overlapping figure does not exist yet.
 */
const lockChannel = (tx: Executor, channel: Channel) => tx.execute(sql`select pg_advisory_xact_lock(hashtext('communication_figures'), ${CHANNELS.indexOf(channel)}::int)`);

export const recordCommunicationFigure = fn(
  figureFields,
  async (ctx, input): Promise<CommunicationFigure> => {
    const baseline = input.baseline ?? false;
    if (input.end < input.start) throw badInput("input.end", "must not be before the start");
    if (input.end > todayInBrussels()) throw badInput("input.end", "must not be in the future: a figure is measured over days that have passed");
    if (baseline && input.start < BASELINE.start) throw badInput("input.start", `must be within ${BASELINE.start} to ${BASELINE.end} for a baseline figure`);
    if (baseline && input.end > BASELINE.end) throw badInput("input.end", `must be within ${BASELINE.start} to ${BASELINE.end} for a baseline figure`);
    checkAudience(input.audience, input.start, input.end);
    return change(ctx, async (tx, recorder) => {
      await lockChannel(tx, input.channel);
      const [overlapping] = await tx
        .select()
        .from(communicationFigures)
        .where(and(eq(communicationFigures.channel, input.channel), lte(communicationFigures.periodStart, input.end), gte(communicationFigures.periodEnd, input.start)))
        .orderBy(asc(communicationFigures.periodStart))
        .limit(1);
      if (overlapping) {
        throw conflict(
          "input.start",
          `The ${input.channel.toLowerCase()} already has a figure for ${overlapping.periodStart} to ${overlapping.periodEnd}: figures of one channel never overlap`,
        );
      }
      const [created] = await tx
        .insert(communicationFigures)
        .values({
          channel: input.channel,
          periodStart: input.start,
          periodEnd: input.end,
          audience: input.audience,
          isBaseline: baseline,
          source: input.source ?? null,
          enteredBy: actorSubject(ctx.actor),
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "recordCommunicationFigure", entityType: "CommunicationFigure", entityId: created.id, before: null, after: created });
      await recorder.emit(communicationFigureChanged, created.id, {
        figureId: toGlobalId("CommunicationFigure", created.id),
        channel: created.channel,
        operation: "CREATED" as const,
      });
      return created;
    });
  },
  { argument: "input", authorize: communicationRecord },
);

const figurePatch = z.object({
  id: z.string(),
  audience: audience.nullish().transform((value, issues) => {
    if (value === null) {
      issues.addIssue({ code: "custom", message: "must not be null" });
      return z.NEVER;
    }
    return value;
  }),
  source: optionalText(500),
});

export const updateCommunicationFigure = fn(
  figurePatch,
  async (ctx, { id, audience: newAudience, source }): Promise<CommunicationFigure> => {
    const rowId = expectGlobalId(id, "CommunicationFigure", "input.id");
    return change(ctx, async (tx, recorder) => {
      const [before] = await tx.select().from(communicationFigures).where(eq(communicationFigures.id, rowId)).for("update");
      if (!before) throw notFound("CommunicationFigure", "input.id");
      const values = { audience: newAudience ?? before.audience, source: source === undefined ? before.source : source };
      checkAudience(values.audience, before.periodStart, before.periodEnd);
      const [after] = await tx.update(communicationFigures).set(values).where(eq(communicationFigures.id, rowId)).returning();
      if (!after) throw notFound("CommunicationFigure", "input.id");
      await recorder.record({ operation: "updateCommunicationFigure", entityType: "CommunicationFigure", entityId: rowId, before, after });
      await recorder.emit(communicationFigureChanged, rowId, { figureId: toGlobalId("CommunicationFigure", rowId), channel: after.channel, operation: "UPDATED" as const });
      return after;
    });
  },
  { argument: "input", authorize: communicationRecord },
);

export const removeCommunicationFigure = fn(
  z.object({ id: z.string() }),
  async (ctx, { id }): Promise<string> => {
    const rowId = expectGlobalId(id, "CommunicationFigure", "id");
    return change(ctx, async (tx, recorder) => {
      const [before] = await tx.delete(communicationFigures).where(eq(communicationFigures.id, rowId)).returning();
      if (!before) throw notFound("CommunicationFigure", "id");
      await recorder.record({ operation: "removeCommunicationFigure", entityType: "CommunicationFigure", entityId: rowId, before, after: null });
      const figureId = toGlobalId("CommunicationFigure", rowId);
      await recorder.emit(communicationFigureChanged, rowId, { figureId, channel: before.channel, operation: "REMOVED" as const });
      return figureId;
    });
  },
  { authorize: communicationRecord },
);

// ---------------------------------------------------------------------------------------------
// Growth against the baseline

/** One channel's figures within a period and the baseline's. */
export interface ChannelGrowthView {
  channel: Channel;
  audience: number;
  days: number;
  baselineAudience: number;
  baselineDays: number;
  growthBasisPoints: number | null;
}

/**
 * (audience / days) / (baseline audience / baseline days) - 1 in basis points, rounded down:
 * floor(10000 * audience * baselineDays / (days * baselineAudience)) - 10000, in integers (the
 * products pass 2^53). Null without a figure on either side or with a baseline of no one.
 */
export function growthBasisPoints(figures: Omit<ChannelGrowthView, "channel" | "growthBasisPoints">): number | null {
  if (figures.days === 0 || figures.baselineDays === 0 || figures.baselineAudience === 0) return null;
  // Every factor is non-negative, so BigInt's division (towards zero) rounds down.
  const ratio = (10_000n * BigInt(figures.audience) * BigInt(figures.baselineDays)) / (BigInt(figures.days) * BigInt(figures.baselineAudience));
  const growth = ratio - 10_000n;
  return growth > BigInt(MAX_GROWTH) ? MAX_GROWTH : Number(growth);
}

/**
 * Each channel's growth within each scope, in one statement whatever the number of scopes: the
 * non-baseline figures lying entirely within the scope's days, and the baseline figures. The
 * figures are the sector's, not a board's: a scope that names a board has no figures.
 */
async function growthWithin(db: Executor, scopes: MetricScope[]): Promise<ChannelGrowthView[][]> {
  const asked = scopes.map((s, i) => ({ s, i })).filter(({ s }) => !s.boardId);
  const sums = new Map<string, { audience: number; days: number; baselineAudience: number; baselineDays: number }>();
  if (asked.length > 0) {
    const scope = sql`scope`;
    const f = communicationFigures;
    const days = sql`(${f.periodEnd} - ${f.periodStart} + 1)`;
    const within: SQL = sql`not ${f.isBaseline} and ${f.periodStart} >= ${scope}.start_day and ${f.periodEnd} <= ${scope}.end_day`;
    const result = (await db.execute(sql`
      select ${scope}.i as i, ${f.channel} as channel,
        coalesce(sum(${f.audience}) filter (where ${within}), 0)::bigint as audience,
        coalesce(sum(${days}) filter (where ${within}), 0)::bigint as days,
        coalesce(sum(${f.audience}) filter (where ${f.isBaseline}), 0)::bigint as baseline_audience,
        coalesce(sum(${days}) filter (where ${f.isBaseline}), 0)::bigint as baseline_days
      from (values ${scopeValues(asked.map(({ s }) => s))}) as ${scope}(i, start_day, end_day)
      join ${f} on ${f.isBaseline} or (${f.periodStart} >= ${scope}.start_day and ${f.periodEnd} <= ${scope}.end_day)
      group by ${scope}.i, ${f.channel}`)) as unknown as {
      rows: { i: number; channel: Channel; audience: unknown; days: unknown; baseline_audience: unknown; baseline_days: unknown }[];
    };
    for (const r of result.rows) {
      const index = asked[Number(r.i)]!.i;
      sums.set(`${index}|${r.channel}`, {
        audience: Number(r.audience),
        days: Number(r.days),
        baselineAudience: Number(r.baseline_audience),
        baselineDays: Number(r.baseline_days),
      });
    }
  }
  return scopes.map((_, i) =>
    CHANNELS.map((channel) => {
      const figures = sums.get(`${i}|${channel}`) ?? { audience: 0, days: 0, baselineAudience: 0, baselineDays: 0 };
      return { channel, ...figures, growthBasisPoints: growthBasisPoints(figures) };
    }),
  );
}

/** Query.communicationReach: the period, checked as reach's. */
export function communicationReachOf(args: { period: z.input<typeof periodInput> }): CommunicationReachMapper {
  const { period } = parseInput(z.object({ period: periodInput }), args);
  return period;
}

/** CommunicationReach.channels: every reach a request asks for, in one statement. */
const reachGrowth = defineLoader<string, ChannelGrowthView[]>(async (ctx, keys) =>
  growthWithin(
    ctx.db,
    keys.map((key) => {
      const [start = "", end = ""] = key.split("|");
      return { start, end };
    }),
  ),
);

export const channelsOf = (ctx: Context, reach: CommunicationReachMapper) => reachGrowth(ctx).load(`${reach.start}|${reach.end}`);

// ---------------------------------------------------------------------------------------------
// The metrics funding measures

/** Every scope measured together, both channels: one statement. */
const growthOfScope = batchScopes<ChannelGrowthView[]>(growthWithin);

const channelGrowth = async (db: Executor, scope: MetricScope, channel: Channel) => (await growthOfScope(db, scope)).find((g) => g.channel === channel)!;

/**
 * A metric is a non-negative count, so the growth it reports is 0 when the reach shrank or when
 * it cannot be computed (no figure within the period, no baseline): neither meets "20% meer".
 */
const growthMetric =
  (channel: Channel): MetricSource =>
  async (db, scope) =>
    Math.max(0, (await channelGrowth(db, scope, channel)).growthBasisPoints ?? 0);

/** The figures behind the growth, for a judge to check the arithmetic. */
const growthParts =
  (channel: Channel): MetricBreakdown =>
  async (db, scope): Promise<MetricPart[]> => {
    const g = await channelGrowth(db, scope, channel);
    return [
      { label: "AUDIENCE", value: g.audience },
      { label: "DAYS", value: g.days },
      { label: "BASELINE_AUDIENCE", value: g.baselineAudience },
      { label: "BASELINE_DAYS", value: g.baselineDays },
    ];
  };

/** Node types of this part, for node(id). */
export const communicationNodes: Record<string, NodeFetcher> = {
  CommunicationFigure: findCommunicationFigure,
};

/**
 * The metrics this part counts, with their queries: each channel's growth within the period
 * against the 2021-2022 baseline, in basis points (2000 is +20%), of the figures lying entirely
 * within the period; 0 when the reach shrank or a side has no figure (a metric is a non-negative
 * count), and 0 for a scope with a board (the figures are the sector's). The parts are the figures
 * behind it: AUDIENCE, DAYS, BASELINE_AUDIENCE, BASELINE_DAYS.
 */
export const communicationMetrics: (MetricDefinition & { source?: MetricSource; breakdown?: MetricBreakdown })[] = [
  {
    key: "communication.newsletterGrowth",
    description: "Growth of newsletter readers per day against the 2021-2022 baseline, in basis points (2000 is +20%); 0 when it shrank or cannot be computed",
    module: "trainings",
    source: growthMetric("NEWSLETTER"),
    breakdown: growthParts("NEWSLETTER"),
  },
  {
    key: "communication.websiteGrowth",
    description: "Growth of website visitors per day against the 2021-2022 baseline, in basis points (2000 is +20%); 0 when it shrank or cannot be computed",
    module: "trainings",
    source: growthMetric("WEBSITE"),
    breakdown: growthParts("WEBSITE"),
  },
];

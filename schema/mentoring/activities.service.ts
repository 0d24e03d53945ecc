// A mentoring project's follow-up: what it logs (sessions held, matches made, outcomes for mentees)
// and its statistics per month, quarter or year. Both are the project's own organisation's,
// consultants' and admins' (mentoringProjectManage). Lists and statistics are batched over a page
// of projects: the activities in one statement per page (a window per project), the statistics in
// two per distinct (period, from, to) — one over the activities, one over the confirmed mentors —
// grouped by date_trunc, never one per period or per project.
import { and, count, eq, gte, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { mentoringActivities, mentoringActivityKind, mentoringOutcome, mentoringProjects, mentorRegistrations } from "../../db/schema/mentoring.js";
import { todayInBrussels } from "../funding/lifecycle.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, notFound } from "../shared/errors.js";
import { fn, parseInput } from "../shared/fn.js";
import { defineLoaderFamily, rowsById } from "../shared/loaders.js";
import { assertCan, can } from "../shared/policy.js";
import { afterCursor, type Connection, childPages, expectGlobalId, type Keyset, mapConnection, pageSize, toConnection } from "../shared/relay.js";
import { optionalMultilineText } from "../shared/validation.js";
import { mentoringActivityLogged } from "./mentoring.events.js";
import type { MentoringActivityConnectionMapper, MentoringActivityMapper, MentoringProjectMapper } from "./mentoring.mappers.js";
import { mentoringProjectManage } from "./mentoring.policy.js";

type Outcome = "JOB" | "TRAINING" | "INTERNSHIP" | "VOLUNTEERING" | "OTHER";

export interface PeriodStatistics {
  periodStart: string;
  periodEnd: string;
  sessions: number;
  matches: number;
  outcomes: number;
  outcomesByKind: { outcome: "JOB" | "TRAINING" | "INTERNSHIP" | "VOLUNTEERING" | "OTHER"; count: number }[];
  mentorsConfirmed: number;
}

export const MAX_COUNT = 100_000;
export const MAX_NOTE = 1000;
/** The longest range statistics cover, in years. */
export const MAX_STATISTICS_YEARS = 10;

const projectLoader = (ctx: Context) => rowsById<MentoringProjectMapper>(ctx, mentoringProjects);
const activityLoader = (ctx: Context) => rowsById<MentoringActivityMapper>(ctx, mentoringActivities);

/** An activity the viewer may read (the project's follow-up); null for one they may not, as for none. */
export async function findMentoringActivity(ctx: Context, id: string): Promise<MentoringActivityMapper | null> {
  const activity = await activityLoader(ctx).load(id);
  if (!activity) return null;
  const project = await projectLoader(ctx).load(activity.projectId);
  if (!project || !(await can(ctx, mentoringProjectManage, { organisationId: project.organisationId }))) return null;
  return activity;
}

/** MentoringActivity.project: the project (it always exists, by foreign key). */
export async function projectOfActivity(ctx: Context, activity: MentoringActivityMapper): Promise<MentoringProjectMapper> {
  const project = await projectLoader(ctx).load(activity.projectId);
  if (!project) throw new Error(`mentoring project ${activity.projectId} is missing`);
  return project;
}

// ---------------------------------------------------------------------------------------------
// Activities, newest first

/** Newest first: by the day it occurred, then by when it was logged (microseconds), then id. */
const activityKey = sql<string>`to_char(${mentoringActivities.occurredOn}, 'YYYY-MM-DD') || ' ' || to_char(${mentoringActivities.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const activityKeyset: Keyset = { sortKey: activityKey, id: mentoringActivities.id, descending: true };

const pagesOfActivities = defineLoaderFamily<string, (MentoringActivityMapper & { key: string })[], { after: string | null; size: number }>(
  (page) => JSON.stringify([page.after, page.size]),
  (ctx, page, projectIds) => childPages<MentoringActivityMapper>(ctx.db, mentoringActivities, mentoringActivities.projectId, projectIds, (a) => a.projectId, activityKeyset, page),
);

const activityTotals = defineLoaderFamily<string, number, null>(
  () => "",
  async (ctx, _none, projectIds) => {
    const rows = await ctx.db
      .select({ projectId: mentoringActivities.projectId, n: count() })
      .from(mentoringActivities)
      .where(inArray(mentoringActivities.projectId, [...projectIds]))
      .groupBy(mentoringActivities.projectId);
    const counts = new Map(rows.map((r) => [r.projectId, r.n]));
    return projectIds.map((id) => counts.get(id) ?? 0);
  },
);

/** The project's activities, newest first; FORBIDDEN unless mentoringProjectManage. */
export async function activitiesOf(
  ctx: Context,
  project: MentoringProjectMapper,
  args: { first?: number | null; after?: string | null },
): Promise<MentoringActivityConnectionMapper> {
  await assertCan(ctx, mentoringProjectManage, { organisationId: project.organisationId });
  const size = pageSize(args.first);
  // Decoding the cursor here refuses a forged one before the batch runs.
  afterCursor(activityKeyset, args.after);
  const rows = await pagesOfActivities(ctx, { after: args.after ?? null, size }).load(project.id);
  const page: Connection<MentoringActivityMapper & { key: string }> = toConnection(
    rows,
    size,
    args,
    (r) => [r.key, r.id],
    () => activityTotals(ctx, null).load(project.id),
  );
  return mapConnection(page, ({ key: _key, ...activity }) => activity);
}

// ---------------------------------------------------------------------------------------------
// Statistics

type Period = "MONTH" | "QUARTER" | "YEAR";
const MONTHS: Record<Period, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };
const TRUNC: Record<Period, string> = { MONTH: "month", QUARTER: "quarter", YEAR: "year" };

const statisticsArgs = z.object({ period: z.enum(["MONTH", "QUARTER", "YEAR"]), from: isoDate, to: isoDate }).superRefine((args, issues) => {
  if (args.to < args.from) issues.addIssue({ code: "custom", path: ["to"], message: "must be on or after from" });
  else if (args.to >= addMonths(args.from, 12 * MAX_STATISTICS_YEARS))
    issues.addIssue({ code: "custom", path: ["to"], message: `must be less than ${MAX_STATISTICS_YEARS} years after from` });
});

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The ISO date `months` calendar months after `date` (the same day, or the month's last). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The first day of the period holding `date`. */
function periodStartOf(date: string, period: Period): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  const step = MONTHS[period];
  const month = Math.floor((m - 1) / step) * step + 1;
  return `${pad(y, 4)}-${pad(month)}-01`;
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Every period that meets [from, to], its bounds clamped to them, so each figure covers exactly the days it names. */
export function periodsBetween(period: Period, from: string, to: string): { key: string; periodStart: string; periodEnd: string }[] {
  const out: { key: string; periodStart: string; periodEnd: string }[] = [];
  for (let start = periodStartOf(from, period); start <= to; start = addMonths(start, MONTHS[period])) {
    const end = dayBefore(addMonths(start, MONTHS[period]));
    out.push({ key: start, periodStart: start < from ? from : start, periodEnd: end > to ? to : end });
  }
  return out;
}

interface StatisticsArgs {
  period: Period;
  from: string;
  to: string;
}

const OUTCOMES = mentoringOutcome.enumValues;

const statisticsOfProjects = defineLoaderFamily<string, PeriodStatistics[], StatisticsArgs>(
  (args) => `${args.period} ${args.from} ${args.to}`,
  async (ctx, { period, from, to }, projectIds) => {
    const unit = sql.raw(`'${TRUNC[period]}'`);
    const activityPeriod = sql<string>`to_char(date_trunc(${unit}, ${mentoringActivities.occurredOn}::timestamp), 'YYYY-MM-DD')`;
    const activities = await ctx.db
      .select({
        projectId: mentoringActivities.projectId,
        period: activityPeriod,
        kind: mentoringActivities.kind,
        outcome: mentoringActivities.outcome,
        total: sql<number>`sum(${mentoringActivities.count})::int`,
      })
      .from(mentoringActivities)
      .where(and(inArray(mentoringActivities.projectId, [...projectIds]), gte(mentoringActivities.occurredOn, from), lte(mentoringActivities.occurredOn, to)))
      .groupBy(mentoringActivities.projectId, activityPeriod, mentoringActivities.kind, mentoringActivities.outcome);
    // A confirmation's day is its day in Brussels.
    const decidedDay = sql`(${mentorRegistrations.decidedAt} at time zone 'Europe/Brussels')`;
    const mentorPeriod = sql<string>`to_char(date_trunc(${unit}, ${decidedDay}), 'YYYY-MM-DD')`;
    const mentors = await ctx.db
      .select({ projectId: mentorRegistrations.projectId, period: mentorPeriod, total: count() })
      .from(mentorRegistrations)
      .where(
        and(inArray(mentorRegistrations.projectId, [...projectIds]), eq(mentorRegistrations.status, "CONFIRMED"), sql`${decidedDay}::date between ${from}::date and ${to}::date`),
      )
      .groupBy(mentorRegistrations.projectId, mentorPeriod);
    const periods = periodsBetween(period, from, to);
    return projectIds.map((projectId) =>
      periods.map(({ key, periodStart, periodEnd }) => {
        const here = activities.filter((a) => a.projectId === projectId && a.period === key);
        const sum = (kind: (typeof mentoringActivityKind.enumValues)[number]) => here.filter((a) => a.kind === kind).reduce((n, a) => n + Number(a.total), 0);
        const outcomesByKind = OUTCOMES.map((outcome: Outcome) => ({
          outcome,
          count: here.filter((a) => a.kind === "OUTCOME" && a.outcome === outcome).reduce((n, a) => n + Number(a.total), 0),
        })).filter((o) => o.count > 0);
        return {
          periodStart,
          periodEnd,
          sessions: sum("SESSION"),
          matches: sum("MATCH"),
          outcomes: sum("OUTCOME"),
          outcomesByKind,
          mentorsConfirmed: Number(mentors.find((r) => r.projectId === projectId && r.period === key)?.total ?? 0),
        };
      }),
    );
  },
);

/** The project's statistics per period; FORBIDDEN unless mentoringProjectManage. */
export async function statisticsOf(
  ctx: Context,
  project: MentoringProjectMapper,
  args: { period: "MONTH" | "QUARTER" | "YEAR"; from: string; to: string },
): Promise<PeriodStatistics[]> {
  await assertCan(ctx, mentoringProjectManage, { organisationId: project.organisationId });
  const parsed = parseInput(statisticsArgs, args);
  return statisticsOfProjects(ctx, parsed).load(project.id);
}

// ---------------------------------------------------------------------------------------------
// Logging

export const logMentoringActivity = fn(
  z
    .object({
      projectId: z.string(),
      kind: z.enum(mentoringActivityKind.enumValues),
      occurredOn: isoDate,
      count: z.number().int("must be a whole number").min(1, `must be from 1 to ${MAX_COUNT}`).max(MAX_COUNT, `must be from 1 to ${MAX_COUNT}`),
      outcome: z.enum(mentoringOutcome.enumValues).nullish(),
      note: optionalMultilineText(MAX_NOTE),
    })
    .superRefine((input, issues) => {
      if (input.kind === "OUTCOME" && input.outcome == null) issues.addIssue({ code: "custom", path: ["outcome"], message: "is required for an OUTCOME" });
      if (input.kind !== "OUTCOME" && input.outcome != null) issues.addIssue({ code: "custom", path: ["outcome"], message: `is only for an OUTCOME, not a ${input.kind}` });
    }),
  async (ctx, input): Promise<MentoringActivityMapper> => {
    const projectId = expectGlobalId(input.projectId, "MentoringProject", "input.projectId");
    return change(ctx, async (tx, recorder) => {
      const [project] = await tx.select().from(mentoringProjects).where(eq(mentoringProjects.id, projectId));
      if (!project) throw notFound("MentoringProject", "input.projectId");
      await assertCan(ctx, mentoringProjectManage, { organisationId: project.organisationId });
      const today = todayInBrussels();
      if (input.occurredOn > today) throw badInput("input.occurredOn", `must not be in the future (today is ${today} in Brussels)`);
      const [created] = await tx
        .insert(mentoringActivities)
        .values({ projectId, kind: input.kind, occurredOn: input.occurredOn, count: input.count, outcome: input.outcome ?? null, note: input.note ?? null })
        .returning();
      if (!created) throw new Error("insert returned no row");
      // The note is free text that may name a mentee: the audit log keeps whether there is one, not its words.
      const { note, ...audited } = created;
      await recorder.record({
        operation: "logMentoringActivity",
        entityType: "MentoringActivity",
        entityId: created.id,
        before: null,
        after: { ...audited, hasNote: note !== null },
      });
      await recorder.emit(mentoringActivityLogged, created.id, {
        activityId: created.id,
        projectId,
        kind: created.kind,
        count: created.count,
        occurredOn: created.occurredOn,
      });
      return created;
    });
  },
  { argument: "input", authorize: mentoringProjectManage },
);

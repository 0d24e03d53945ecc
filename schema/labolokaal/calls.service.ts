// LaboLokaal's themes, project calls and boards' applications to them, and the decision that turns
// a selected application into a project: reading them (through loaders, so a list of themes with
// their calls, projects and sessions costs a fixed number of statements) and changing them, with
// the rules and access checks. Projects' own fields, sessions and final reports live in
// projects.service.ts.
//
// A call's status is derived from today in Europe/Brussels (`callStatus`), never stored. Its terms
// (support, own contribution, the action whose ledger takes the contribution) are stored with it,
// so a later call can change them. A decision is final: it locks the application's row, so two
// decisions cannot both pass, and writes the decision, the project and the ledger's charge of the
// own contribution in one change.
import { and, asc, count, desc, eq, getTableColumns, gt, gte, inArray, lt, lte, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { boards } from "../../db/schema/boards.js";
import { laboApplications, laboProjects, laboSessions, laboThemes, projectCalls, themeFundingSource } from "../../db/schema/labolokaal.js";
import { organisations } from "../../db/schema/organisations.js";
import { chargeParticipationFee } from "../funding/cofinancing.service.js";
import { todayInBrussels } from "../funding/lifecycle.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, conflict, notFound, uniqueViolation } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { localizedMultilineTextInput, localizedTextInput } from "../shared/i18n.js";
import { childRows, defineLoader, defineLoaderFamily, rowsById } from "../shared/loaders.js";
import { moneyInput, nonNegativeMoneyInput } from "../shared/money.js";
import { assertCan, can, grantFor } from "../shared/policy.js";
import { expectGlobalId, type Keyset, paginate } from "../shared/relay.js";
import { multilineText, optionalText, requiredText } from "../shared/validation.js";
import { actionOf } from "../trainings/references.js";
import { applicationChanged, callChanged, projectChanged } from "./labolokaal.events.js";
import type { CallApplicationMapper, LearningSessionMapper, ProjectCallMapper, ProjectMapper, ThemeMapper } from "./labolokaal.mappers.js";
import { callApply, callManage, laboApplicationRead, themeManage } from "./labolokaal.policy.js";

/** "Concreet willen we inzetten op projecten die kaderen binnen 8 thema's" (seed 002). */
export const MAX_THEMES = 8;
/** The source's terms: "een financiële ondersteuning van €5000" and "een eigen bijdrage van €2000". */
export const DEFAULT_SUPPORT_CENTS = 500_000;
export const DEFAULT_OWN_CONTRIBUTION_CENTS = 200_000;
export const MAX_MOTIVATION = 5000;
export const MAX_CONTACT_NAME = 200;
export const MAX_CONTACT_PHONE = 50;
export const MAX_REASON = 2000;

export type CallStatus = "UPCOMING" | "OPEN" | "CLOSED";

/** UPCOMING before its opening day, OPEN from it through the deadline day, CLOSED after (days in Brussels). */
export function callStatus(call: Pick<ProjectCallMapper, "opensOn" | "deadline">, today: string = todayInBrussels()): CallStatus {
  if (today < call.opensOn) return "UPCOMING";
  return today <= call.deadline ? "OPEN" : "CLOSED";
}

// ---------------------------------------------------------------------------------------------
// Nodes

export const themeLoader = (ctx: Context) => rowsById<ThemeMapper>(ctx, laboThemes);
export const callLoader = (ctx: Context) => rowsById<ProjectCallMapper>(ctx, projectCalls);
export const applicationLoader = (ctx: Context) => rowsById<CallApplicationMapper>(ctx, laboApplications);
export const projectLoader = (ctx: Context) => rowsById<ProjectMapper>(ctx, laboProjects);
export const sessionLoader = (ctx: Context) => rowsById<LearningSessionMapper>(ctx, laboSessions);

export async function findTheme(ctx: Context, id: string): Promise<ThemeMapper | null> {
  return themeLoader(ctx).load(id);
}
export async function findProjectCall(ctx: Context, id: string): Promise<ProjectCallMapper | null> {
  return callLoader(ctx).load(id);
}
/** An application the viewer may read (laboApplicationRead); null for one they may not, as for none. */
export async function findCallApplication(ctx: Context, id: string): Promise<CallApplicationMapper | null> {
  const application = await applicationLoader(ctx).load(id);
  if (!application || !(await can(ctx, laboApplicationRead, { boardId: application.boardId }))) return null;
  return application;
}
export async function findProject(ctx: Context, id: string): Promise<ProjectMapper | null> {
  return projectLoader(ctx).load(id);
}
export async function findLearningSession(ctx: Context, id: string): Promise<LearningSessionMapper | null> {
  return sessionLoader(ctx).load(id);
}

/** A row that refers to a theme: the theme (it always exists, by foreign key). */
export async function themeOf(ctx: Context, row: { themeId: string }): Promise<ThemeMapper> {
  const theme = await themeLoader(ctx).load(row.themeId);
  if (!theme) throw new Error(`theme ${row.themeId} is missing`);
  return theme;
}
/** A row that refers to a call: the call. */
export async function callOf(ctx: Context, row: { callId: string }): Promise<ProjectCallMapper> {
  const call = await callLoader(ctx).load(row.callId);
  if (!call) throw new Error(`call ${row.callId} is missing`);
  return call;
}

// ---------------------------------------------------------------------------------------------
// Lists

const themeName = sql`${laboThemes.name}->>'nl'`;

/** Query.themes: by Dutch name. */
export async function listThemes(ctx: Context): Promise<ThemeMapper[]> {
  return ctx.db.select().from(laboThemes).orderBy(asc(themeName), asc(laboThemes.id));
}

/** The status filter in SQL, against today's date in Brussels. */
function statusCondition(status: CallStatus, today: string): SQL | undefined {
  if (status === "UPCOMING") return gt(projectCalls.opensOn, today);
  if (status === "OPEN") return and(lte(projectCalls.opensOn, today), gte(projectCalls.deadline, today));
  return lt(projectCalls.deadline, today);
}

/** Newest deadline first, then id. */
const callKeyset: Keyset = { sortKey: projectCalls.deadline, id: projectCalls.id, descending: true };

export const listProjectCalls = fn(
  z.object({
    first: z.number().int().nullish(),
    after: z.string().nullish(),
    filter: z.object({ themeId: z.string().nullish(), status: z.enum(["UPCOMING", "OPEN", "CLOSED"]).nullish() }).nullish(),
  }),
  async (ctx, { first, after, filter }) => {
    const themeId = filter?.themeId ? expectGlobalId(filter.themeId, "Theme", "filter.themeId") : null;
    const where = and(themeId ? eq(projectCalls.themeId, themeId) : undefined, filter?.status ? statusCondition(filter.status, todayInBrussels()) : undefined);
    return paginate(
      { first, after },
      callKeyset,
      (page) =>
        ctx.db
          .select()
          .from(projectCalls)
          .where(and(where, page.after))
          .orderBy(...page.orderBy)
          .limit(page.limit),
      (row) => [row.deadline, row.id],
      async () => (await ctx.db.select({ n: count() }).from(projectCalls).where(where))[0]?.n ?? 0,
    );
  },
);

/** Query.projects: by board name, optionally of one theme or one board. */
export const listProjects = fn(z.object({ filter: z.object({ themeId: z.string().nullish(), boardId: z.string().nullish() }).nullish() }), async (ctx, { filter }) => {
  const themeId = filter?.themeId ? expectGlobalId(filter.themeId, "Theme", "filter.themeId") : null;
  const boardId = filter?.boardId ? expectGlobalId(filter.boardId, "Board", "filter.boardId") : null;
  return ctx.db
    .select(getTableColumns(laboProjects))
    .from(laboProjects)
    .innerJoin(boards, eq(boards.id, laboProjects.boardId))
    .where(and(themeId ? eq(laboProjects.themeId, themeId) : undefined, boardId ? eq(laboProjects.boardId, boardId) : undefined))
    .orderBy(asc(boards.name), asc(laboProjects.id));
});

const callsOfThemes = childRows<ProjectCallMapper>(
  (ctx, themeIds) => ctx.db.select().from(projectCalls).where(inArray(projectCalls.themeId, themeIds)).orderBy(desc(projectCalls.deadline), desc(projectCalls.id)),
  (row) => row.themeId,
);

/** The theme's calls, newest deadline first (a loader: one statement for a list of themes). */
export async function callsOfTheme(ctx: Context, theme: ThemeMapper): Promise<ProjectCallMapper[]> {
  return callsOfThemes(ctx).load(theme.id);
}

const projectsOfThemes = childRows<ProjectMapper>(
  (ctx, themeIds) =>
    ctx.db
      .select(getTableColumns(laboProjects))
      .from(laboProjects)
      .innerJoin(boards, eq(boards.id, laboProjects.boardId))
      .where(inArray(laboProjects.themeId, themeIds))
      .orderBy(asc(boards.name), asc(laboProjects.id)),
  (row) => row.themeId,
);

/** The theme's projects, by board name (a loader). */
export async function projectsOfTheme(ctx: Context, theme: ThemeMapper): Promise<ProjectMapper[]> {
  return projectsOfThemes(ctx).load(theme.id);
}

const collectiveSessionsOfThemes = childRows<LearningSessionMapper>(
  (ctx, themeIds) =>
    ctx.db
      .select()
      .from(laboSessions)
      .where(and(inArray(laboSessions.themeId, themeIds), eq(laboSessions.kind, "COLLECTIVE")))
      .orderBy(asc(laboSessions.heldOn), asc(laboSessions.id)),
  (row) => row.themeId,
);

/** The theme's collective sessions, by day (a loader). */
export async function collectiveSessionsOfTheme(ctx: Context, theme: ThemeMapper): Promise<LearningSessionMapper[]> {
  return collectiveSessionsOfThemes(ctx).load(theme.id);
}

/** Whose applications the viewer sees: every one (editors), their own board's, or none. */
function visibleApplications(ctx: Context): { boardId: string | null } | null {
  if (grantFor(laboApplicationRead, ctx.actor.role) === "always") return { boardId: null };
  if (ctx.actor.role === "BOARD_MEMBER") return { boardId: ctx.actor.boardId };
  return null;
}

const applicationsOfCalls = defineLoaderFamily<string, CallApplicationMapper[], string | null>(
  (boardId) => boardId ?? "",
  async (ctx, boardId, callIds) => {
    const rows = await ctx.db
      .select(getTableColumns(laboApplications))
      .from(laboApplications)
      .innerJoin(boards, eq(boards.id, laboApplications.boardId))
      .where(and(inArray(laboApplications.callId, [...callIds]), boardId ? eq(laboApplications.boardId, boardId) : undefined))
      .orderBy(asc(boards.name), asc(laboApplications.id));
    return callIds.map((id) => rows.filter((r) => r.callId === id));
  },
);

/** ProjectCall.applications: every one for editors, the board's own for its members, [] for others; by board name. */
export async function applicationsOfCall(ctx: Context, call: ProjectCallMapper): Promise<CallApplicationMapper[]> {
  const visible = visibleApplications(ctx);
  if (!visible) return [];
  return applicationsOfCalls(ctx, visible.boardId).load(call.id);
}

const projectOfApplications = defineLoader<string, ProjectMapper | null>(async (ctx, applicationIds) => {
  const rows = await ctx.db
    .select()
    .from(laboProjects)
    .where(inArray(laboProjects.applicationId, [...applicationIds]));
  return applicationIds.map((id) => rows.find((r) => r.applicationId === id) ?? null);
});

/** CallApplication.project: the project it became, once selected. */
export const projectOfApplication = (ctx: Context, application: CallApplicationMapper) => projectOfApplications(ctx).load(application.id);

/** The calls the viewer's board has applied to, among those asked: one statement per batch. */
const appliedByViewerBoard = defineLoader<string, boolean>(async (ctx, callIds) => {
  if (ctx.actor.role !== "BOARD_MEMBER") return callIds.map(() => false);
  const rows = await ctx.db
    .select({ callId: laboApplications.callId })
    .from(laboApplications)
    .where(and(eq(laboApplications.boardId, ctx.actor.boardId), inArray(laboApplications.callId, [...callIds])));
  const applied = new Set(rows.map((r) => r.callId));
  return callIds.map((id) => applied.has(id));
});

/** ProjectCall.viewerCanApply: a board member whose board has not applied, while the call is open. */
export async function viewerCanApply(ctx: Context, call: ProjectCallMapper): Promise<boolean> {
  if (ctx.actor.role !== "BOARD_MEMBER" || callStatus(call) !== "OPEN") return false;
  return !(await appliedByViewerBoard(ctx).load(call.id));
}

// ---------------------------------------------------------------------------------------------
// Writes: themes and calls

export const createTheme = fn(
  z.object({ name: localizedTextInput, description: localizedMultilineTextInput.nullish(), fundingSource: z.enum(themeFundingSource.enumValues) }),
  async (ctx, input): Promise<ThemeMapper> =>
    change(ctx, async (tx, recorder) => {
      await assertCan(ctx, themeManage, undefined);
      // One theme added at a time, so two admins cannot both add the 8th and make 9.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('labo_themes'))`);
      const [row] = await tx.select({ n: count() }).from(laboThemes);
      if ((row?.n ?? 0) >= MAX_THEMES) throw conflict("input", `LaboLokaal has ${MAX_THEMES} themes already: no more can be added`);
      let created: ThemeMapper | undefined;
      try {
        [created] = await tx
          .insert(laboThemes)
          .values({ name: input.name, description: input.description ?? null, fundingSource: input.fundingSource })
          .returning();
      } catch (error) {
        if (uniqueViolation(error) === "labo_themes_name_key") throw conflict("input.name.nl", "is already the Dutch name of a theme (names are compared ignoring case)");
        throw error;
      }
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "createTheme", entityType: "Theme", entityId: created.id, before: null, after: created });
      await recorder.emit(callChanged, created.id, { callId: null, themeId: created.id, operation: "CREATED" });
      return created;
    }),
  { argument: "input", authorize: themeManage },
);

/** The call's amounts are euros: the co-financing ledger keeps EUR. */
function eurCents(field: string, value: { cents: number; currency: string } | null | undefined, fallback: number): number {
  if (value == null) return fallback;
  if (value.currency !== "EUR") throw badInput(`${field}.currency`, "must be EUR");
  return value.cents;
}

export const openProjectCall = fn(
  z.object({
    themeId: z.string(),
    title: localizedTextInput,
    description: localizedMultilineTextInput.nullish(),
    opensOn: isoDate,
    deadline: isoDate,
    support: moneyInput.nullish(),
    ownContribution: nonNegativeMoneyInput.nullish(),
    actionId: z.string().nullish(),
  }),
  async (ctx, input): Promise<ProjectCallMapper> => {
    const themeId = expectGlobalId(input.themeId, "Theme", "input.themeId");
    if (input.deadline < input.opensOn) throw badInput("input.deadline", "must be on or after opensOn");
    const supportCents = eurCents("input.support", input.support, DEFAULT_SUPPORT_CENTS);
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, callManage, undefined);
      const [theme] = await tx.select().from(laboThemes).where(eq(laboThemes.id, themeId));
      if (!theme) throw notFound("Theme", "input.themeId");
      const via = theme.fundingSource === "VIA";
      const ownContributionCents = eurCents("input.ownContribution", input.ownContribution, via ? 0 : DEFAULT_OWN_CONTRIBUTION_CENTS);
      if (via && ownContributionCents > 0) throw badInput("input.ownContribution", "must be zero: a VIA-funded theme asks no own contribution");
      if (ownContributionCents > 0 && input.actionId == null)
        throw badInput("input.actionId", "is required when an own contribution is asked: its action's ledger takes the charges");
      const actionId = await actionOf(tx, input.actionId);
      const [created] = await tx
        .insert(projectCalls)
        .values({
          themeId,
          title: input.title,
          description: input.description ?? null,
          opensOn: input.opensOn,
          deadline: input.deadline,
          supportCents,
          ownContributionCents,
          currency: "EUR",
          actionId,
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "openProjectCall", entityType: "ProjectCall", entityId: created.id, before: null, after: created });
      await recorder.emit(callChanged, created.id, { callId: created.id, themeId, operation: "CREATED" });
      return created;
    });
  },
  { argument: "input", authorize: callManage },
);

// ---------------------------------------------------------------------------------------------
// Writes: applications

const applicationEvent = (a: CallApplicationMapper, operation: "CREATED" | "UPDATED") => ({
  applicationId: a.id,
  callId: a.callId,
  boardId: a.boardId,
  decision: a.decision,
  operation,
});

/** An application as the audit keeps it: ids and states, never its contact person. */
function audited(a: CallApplicationMapper | null) {
  if (!a) return null;
  const { contactName: _name, contactEmail: _email, contactPhone: _phone, ...kept } = a;
  return kept;
}

const contactEmail = z.string().trim().toLowerCase().max(254, "must be at most 254 characters").pipe(z.email("must be an e-mail address"));

export const applyToCall = fn(
  z.object({
    callId: z.string(),
    boardId: z.string(),
    motivation: multilineText(MAX_MOTIVATION),
    contactName: requiredText(MAX_CONTACT_NAME),
    contactEmail,
    contactPhone: optionalText(MAX_CONTACT_PHONE),
  }),
  async (ctx, input): Promise<CallApplicationMapper> => {
    const callId = expectGlobalId(input.callId, "ProjectCall", "input.callId");
    const boardId = expectGlobalId(input.boardId, "Board", "input.boardId");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, callApply, { boardId });
      const [call] = await tx.select().from(projectCalls).where(eq(projectCalls.id, callId));
      if (!call) throw notFound("ProjectCall", "input.callId");
      const status = callStatus(call);
      if (status === "CLOSED") throw conflict("input.callId", `The deadline has passed: the call took applications through ${call.deadline}`);
      if (status === "UPCOMING") throw conflict("input.callId", `The call is not open yet: it takes applications from ${call.opensOn}`);
      const [board] = await tx.select({ id: boards.id }).from(boards).where(eq(boards.id, boardId));
      if (!board) throw notFound("Board", "input.boardId");
      let created: CallApplicationMapper | undefined;
      try {
        [created] = await tx
          .insert(laboApplications)
          .values({
            callId,
            boardId,
            motivation: input.motivation,
            contactName: input.contactName,
            contactEmail: input.contactEmail,
            contactPhone: input.contactPhone ?? null,
            submittedBy: ctx.actor.role === "ANONYMOUS" ? null : ctx.actor.subject,
          })
          .returning();
      } catch (error) {
        if (uniqueViolation(error) === "labo_applications_board_key") throw conflict("input.callId", "The board has already applied to this call");
        throw error;
      }
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "applyToCall", entityType: "CallApplication", entityId: created.id, before: null, after: audited(created) });
      await recorder.emit(applicationChanged, created.id, applicationEvent(created, "CREATED"));
      return created;
    });
  },
  { argument: "input", authorize: callApply },
);

const score = z.number().int("must be a whole number").min(1, "must be from 1 to 5").max(5, "must be from 1 to 5");

/** The application's row, locked so a review and a decision, or two decisions, run one after the other. */
async function lockApplication(tx: Tx, id: string): Promise<CallApplicationMapper> {
  const [found] = await tx.select().from(laboApplications).where(eq(laboApplications.id, id)).for("update");
  if (!found) throw notFound("CallApplication", "input.id");
  return found;
}

export const reviewApplication = fn(
  z.object({ id: z.string(), score }),
  async (ctx, input): Promise<CallApplicationMapper> => {
    const id = expectGlobalId(input.id, "CallApplication", "input.id");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, callManage, undefined);
      const before = await lockApplication(tx, id);
      if (before.decision) throw conflict("input.id", `The application is decided (${before.decision}): a decision is final`);
      const [after] = await tx.update(laboApplications).set({ score: input.score }).where(eq(laboApplications.id, id)).returning();
      if (!after) throw notFound("CallApplication", "input.id");
      await recorder.record({ operation: "reviewApplication", entityType: "CallApplication", entityId: id, before: audited(before), after: audited(after) });
      await recorder.emit(applicationChanged, id, applicationEvent(after, "UPDATED"));
      return after;
    });
  },
  { argument: "input", authorize: callManage },
);

export interface Decision {
  application: CallApplicationMapper;
  project: ProjectMapper | null;
}

export const decideApplication = fn(
  z.object({
    id: z.string(),
    decision: z.enum(["SELECTED", "NOT_SELECTED"]),
    reason: multilineText(MAX_REASON),
    score: score.nullish(),
    expertId: z.string().nullish(),
  }),
  async (ctx, input): Promise<Decision> => {
    const id = expectGlobalId(input.id, "CallApplication", "input.id");
    const expertId = input.expertId == null ? null : expectGlobalId(input.expertId, "Organisation", "input.expertId");
    if (input.decision === "SELECTED" && !expertId) throw badInput("input.expertId", "is required to select an application: the project's external expert");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, callManage, undefined);
      const before = await lockApplication(tx, id);
      if (before.decision) throw conflict("input.id", `The application is decided already (${before.decision}): a decision is final`);
      const decidedScore = input.score ?? before.score;
      if (decidedScore == null) throw badInput("input.score", "is required: the application has not been reviewed");
      const [after] = await tx
        .update(laboApplications)
        .set({
          score: decidedScore,
          decision: input.decision,
          reason: input.reason,
          decidedAt: new Date(),
          decidedBy: ctx.actor.role === "ANONYMOUS" ? null : ctx.actor.subject,
        })
        .where(eq(laboApplications.id, id))
        .returning();
      if (!after) throw notFound("CallApplication", "input.id");
      await recorder.record({ operation: "decideApplication", entityType: "CallApplication", entityId: id, before: audited(before), after: audited(after) });
      await recorder.emit(applicationChanged, id, applicationEvent(after, "UPDATED"));
      const project = input.decision === "SELECTED" && expertId ? await startProject(ctx, tx, recorder, after, expertId) : null;
      return { application: after, project };
    });
  },
  { argument: "input", authorize: callManage },
);

/**
 * The project of a selected application, inside the decision's change: the call's support, and its
 * own contribution unless the theme is VIA-funded (then 0, whatever the call says); an own
 * contribution is charged in the ledger of the call's action's agreement, dated today in Brussels.
 */
async function startProject(ctx: Context, tx: Tx, recorder: Recorder, application: CallApplicationMapper, expertId: string): Promise<ProjectMapper> {
  const [expert] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, expertId));
  if (!expert) throw notFound("Organisation", "input.expertId");
  const [terms] = await tx
    .select({ call: projectCalls, fundingSource: laboThemes.fundingSource })
    .from(projectCalls)
    .innerJoin(laboThemes, eq(laboThemes.id, projectCalls.themeId))
    .where(eq(projectCalls.id, application.callId));
  if (!terms) throw new Error(`call ${application.callId} is missing`);
  const { call } = terms;
  const ownContributionCents = terms.fundingSource === "VIA" ? 0 : call.ownContributionCents;
  const today = todayInBrussels();
  let chargeId: string | null = null;
  if (ownContributionCents > 0) {
    if (!call.actionId) throw conflict("input.id", "The call asks an own contribution but names no action whose ledger takes it");
    const charge = await chargeParticipationFee(ctx, tx, recorder, {
      actionId: call.actionId,
      boardId: application.boardId,
      amountCents: ownContributionCents,
      date: today,
      note: null,
      field: "input.id",
      kind: "OWN_CONTRIBUTION",
    });
    chargeId = charge.id;
  }
  const [project] = await tx
    .insert(laboProjects)
    .values({
      applicationId: application.id,
      callId: call.id,
      themeId: call.themeId,
      boardId: application.boardId,
      expertId,
      supportCents: call.supportCents,
      ownContributionCents,
      currency: call.currency,
      ownContributionChargeId: chargeId,
      startedOn: today,
    })
    .returning();
  if (!project) throw new Error("insert returned no row");
  await recorder.record({ operation: "startProject", entityType: "Project", entityId: project.id, before: null, after: project });
  await recorder.emit(projectChanged, project.id, { projectId: project.id, themeId: project.themeId, part: "PROJECT", partId: project.id });
  return project;
}

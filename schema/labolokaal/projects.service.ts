// LaboLokaal's projects once started: their sessions (the theme's learning network, collective, and
// each project's individual coaching), the counts per project, the final report, and what of a
// project only some may see (the report: the theme's space; the ledger's charge: editors). Reads go
// through loaders, so a list of projects costs a fixed number of statements.
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { boards } from "../../db/schema/boards.js";
import { laboProjects, laboSessionBoards, laboSessionKind, laboSessions, laboThemes } from "../../db/schema/labolokaal.js";
import type { Board } from "../boards/boards.service.js";
import { findCoFinancingEntry } from "../funding/cofinancing.service.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, conflict, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { childRows, defineLoader } from "../shared/loaders.js";
import { assertCan, can, grantFor } from "../shared/policy.js";
import { expectGlobalId } from "../shared/relay.js";
import { multilineText, optionalText } from "../shared/validation.js";
import { projectChanged } from "./labolokaal.events.js";
import type { FinalReportMapper, LearningSessionMapper, ProjectMapper } from "./labolokaal.mappers.js";
import { callManage, reportSubmit, sessionRecord, spaceEnter } from "./labolokaal.policy.js";
import { spaceScope } from "./membership.js";

export const MAX_REPORT_TEXT = 20_000;
export const MAX_TOPIC = 500;

// ---------------------------------------------------------------------------------------------
// Reads

const coachingOfProjects = childRows<LearningSessionMapper>(
  (ctx, projectIds) => ctx.db.select().from(laboSessions).where(inArray(laboSessions.projectId, projectIds)).orderBy(asc(laboSessions.heldOn), asc(laboSessions.id)),
  (row) => row.projectId,
);

/** Project.coachingSessions: by day. */
export const coachingSessionsOf = (ctx: Context, project: ProjectMapper) => coachingOfProjects(ctx).load(project.id);

/** Project.coachingSessionsHeld. */
export async function coachingSessionsHeld(ctx: Context, project: ProjectMapper): Promise<number> {
  return (await coachingOfProjects(ctx).load(project.id)).length;
}

/** Per project: the collective sessions of its theme its board attended (one statement per batch). */
const attendedByProjects = defineLoader<string, number>(async (ctx, projectIds) => {
  const rows = await ctx.db
    .select({ projectId: laboProjects.id, n: count() })
    .from(laboProjects)
    .innerJoin(laboSessionBoards, eq(laboSessionBoards.boardId, laboProjects.boardId))
    .innerJoin(laboSessions, and(eq(laboSessions.id, laboSessionBoards.sessionId), eq(laboSessions.themeId, laboProjects.themeId), eq(laboSessions.kind, "COLLECTIVE")))
    .where(inArray(laboProjects.id, [...projectIds]))
    .groupBy(laboProjects.id);
  const counts = new Map(rows.map((r) => [r.projectId, r.n]));
  return projectIds.map((id) => counts.get(id) ?? 0);
});

/** Project.collectiveSessionsAttended. */
export const collectiveSessionsAttended = (ctx: Context, project: ProjectMapper) => attendedByProjects(ctx).load(project.id);

const boardsOfSessions = childRows<{ sessionId: string; board: Board }>(
  (ctx, sessionIds) =>
    ctx.db
      .select({ sessionId: laboSessionBoards.sessionId, board: boards })
      .from(laboSessionBoards)
      .innerJoin(boards, eq(boards.id, laboSessionBoards.boardId))
      .where(inArray(laboSessionBoards.sessionId, sessionIds))
      .orderBy(asc(boards.name), asc(boards.id)),
  (row) => row.sessionId,
);

/** LearningSession.boards: the boards that attended a collective session, by name. */
export async function sessionBoardsOf(ctx: Context, session: LearningSessionMapper): Promise<Board[]> {
  return (await boardsOfSessions(ctx).load(session.id)).map((r) => r.board);
}

/** Project.finalReport: once submitted, for the theme's members and moderators (spaceEnter); null for others. */
export async function finalReportOf(ctx: Context, project: ProjectMapper): Promise<FinalReportMapper | null> {
  if (!project.reportSubmittedAt || project.reportExperiences == null || project.reportRecommendations == null) return null;
  if (!(await can(ctx, spaceEnter, await spaceScope(ctx, project.themeId)))) return null;
  return { experiences: project.reportExperiences, recommendations: project.reportRecommendations, submittedAt: project.reportSubmittedAt };
}

/** Project.ownContributionCharge: the ledger's entry, for consultants and admins only. */
export async function ownContributionChargeOf(ctx: Context, project: ProjectMapper) {
  if (!project.ownContributionChargeId || grantFor(callManage, ctx.actor.role) !== "always") return null;
  return findCoFinancingEntry(ctx, project.ownContributionChargeId);
}

// ---------------------------------------------------------------------------------------------
// Writes: sessions

export const recordLearningSession = fn(
  z.object({
    kind: z.enum(laboSessionKind.enumValues),
    themeId: z.string().nullish(),
    projectId: z.string().nullish(),
    heldOn: isoDate,
    topic: optionalText(MAX_TOPIC),
    boardIds: z.array(z.string()).max(100, "must name at most 100 boards").nullish(),
  }),
  async (ctx, input): Promise<LearningSessionMapper> =>
    change(ctx, async (tx, recorder) => {
      let themeId: string;
      let projectId: string | null = null;
      let expertId: string | null;
      let boardIds: string[] = [];
      if (input.kind === "COLLECTIVE") {
        if (input.themeId == null) throw badInput("input.themeId", "is required for a collective session");
        if (input.projectId != null) throw badInput("input.projectId", "must be left out for a collective session: it belongs to the theme");
        themeId = expectGlobalId(input.themeId, "Theme", "input.themeId");
        const [theme] = await tx.select({ id: laboThemes.id }).from(laboThemes).where(eq(laboThemes.id, themeId));
        if (!theme) throw notFound("Theme", "input.themeId");
        const projects = await tx.select({ boardId: laboProjects.boardId, expertId: laboProjects.expertId }).from(laboProjects).where(eq(laboProjects.themeId, themeId));
        const experts = [...new Set(projects.map((p) => p.expertId))];
        await assertCan(ctx, sessionRecord, { expertIds: experts });
        const participating = new Set(projects.map((p) => p.boardId));
        if (!input.boardIds || input.boardIds.length === 0) throw badInput("input.boardIds", "must name the participating boards that attended");
        boardIds = [...new Set(input.boardIds.map((b, i) => expectGlobalId(b, "Board", `input.boardIds.${i}`)))];
        for (const [i, boardId] of boardIds.entries()) {
          if (!participating.has(boardId)) throw badInput(`input.boardIds.${i}`, "is not a participating board of the theme (a board with a project on it)");
        }
        // The expert who led it: the recording expert's organisation, or the theme's only one.
        expertId = ctx.actor.role === "EXPERT" ? ctx.actor.organisationId : experts.length === 1 ? (experts[0] ?? null) : null;
      } else {
        if (input.projectId == null) throw badInput("input.projectId", "is required for a coaching session");
        if (input.boardIds && input.boardIds.length > 0) throw badInput("input.boardIds", "must be left out for a coaching session: it is the project's board's");
        projectId = expectGlobalId(input.projectId, "Project", "input.projectId");
        const [project] = await tx.select().from(laboProjects).where(eq(laboProjects.id, projectId));
        if (!project) throw notFound("Project", "input.projectId");
        if (input.themeId != null && expectGlobalId(input.themeId, "Theme", "input.themeId") !== project.themeId) throw badInput("input.themeId", "is not the project's theme");
        await assertCan(ctx, sessionRecord, { expertIds: [project.expertId] });
        themeId = project.themeId;
        expertId = project.expertId;
      }
      const [created] = await tx
        .insert(laboSessions)
        .values({ kind: input.kind, themeId, projectId, expertId, heldOn: input.heldOn, topic: input.topic ?? null })
        .returning();
      if (!created) throw new Error("insert returned no row");
      if (boardIds.length > 0) await tx.insert(laboSessionBoards).values(boardIds.map((boardId) => ({ sessionId: created.id, boardId })));
      await recorder.record({ operation: "recordLearningSession", entityType: "LearningSession", entityId: created.id, before: null, after: { ...created, boardIds } });
      await recorder.emit(projectChanged, created.id, { projectId, themeId, part: "SESSION" as const, partId: created.id });
      return created;
    }),
  { argument: "input", authorize: sessionRecord },
);

// ---------------------------------------------------------------------------------------------
// Writes: the final report

export const submitFinalReport = fn(
  z.object({ projectId: z.string(), experiences: multilineText(MAX_REPORT_TEXT), recommendations: multilineText(MAX_REPORT_TEXT) }),
  async (ctx, input): Promise<ProjectMapper> => {
    const projectId = expectGlobalId(input.projectId, "Project", "input.projectId");
    return change(ctx, async (tx, recorder) => {
      // Locked, so two submissions cannot both find the report missing.
      const [before] = await tx.select().from(laboProjects).where(eq(laboProjects.id, projectId)).for("update");
      if (!before) throw notFound("Project", "input.projectId");
      await assertCan(ctx, reportSubmit, { boardId: before.boardId });
      if (before.reportSubmittedAt) throw conflict("input.projectId", "The project's final report has been submitted already");
      const [after] = await tx
        .update(laboProjects)
        .set({
          reportExperiences: input.experiences,
          reportRecommendations: input.recommendations,
          reportSubmittedAt: sql`now()`,
          reportSubmittedBy: ctx.actor.role === "ANONYMOUS" ? null : ctx.actor.subject,
        })
        .where(eq(laboProjects.id, projectId))
        .returning();
      if (!after) throw notFound("Project", "input.projectId");
      // The audit keeps that it was submitted, not its text.
      const { reportExperiences: _e, reportRecommendations: _r, ...shown } = after;
      await recorder.record({ operation: "submitFinalReport", entityType: "Project", entityId: projectId, before, after: shown });
      await recorder.emit(projectChanged, projectId, { projectId, themeId: after.themeId, part: "FINAL_REPORT" as const, partId: projectId });
      return after;
    });
  },
  { argument: "input", authorize: reportSubmit },
);

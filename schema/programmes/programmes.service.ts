// Programmes: reading them (public; every nested list through a loader, so the list of every
// programme with its phases, goals, principles, milestones, steering group and projects costs a
// fixed number of statements) and the two changes consultants and admins make: filling in a
// strategic goal and keeping a phase's status and dates up to date.
//
// A programme's status is derived from its phases (`programmeStatus`), never stored. Its strategic
// goals are what the source declares (a count) beside the rows filled in: Modern HR-beleid
// declares five and lists none, so it shows five missing until someone fills them in.
import { and, asc, eq, exists, getTableColumns, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import {
  phaseStatus,
  programmeGoals,
  programmeKind,
  programmeMilestones,
  programmePhases,
  programmePrinciples,
  programmeProjects,
  programmeSteeringMembers,
  programmes,
} from "../../db/schema/programmes.js";
import type { Organisation } from "../organisations/organisations.service.js";
import { organisationLoader } from "../organisations/organisations.service.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { localizedMultilineTextInput, localizedTextInput } from "../shared/i18n.js";
import { childRows, rowsById } from "../shared/loaders.js";
import { assertCan } from "../shared/policy.js";
import { expectGlobalId } from "../shared/relay.js";
import { notNull } from "../shared/validation.js";
import { programmeChanged } from "./programmes.events.js";
import type {
  ProgrammeMapper,
  ProgrammeMilestoneMapper,
  ProgrammePhaseMapper,
  ProgrammeProjectMapper,
  ProgrammeSteeringGroupMapper,
  ProgrammeVisionMapper,
  StrategicGoalMapper,
  StrategicGoalsMapper,
} from "./programmes.mappers.js";
import { programmeManage } from "./programmes.policy.js";

export type PhaseStatus = ProgrammePhaseMapper["status"];

/** The most goals a programme may have, as the table's check on the declared count says. */
export const MAX_GOALS = 50;

/** ONGOING if any phase is; COMPLETED once every phase is; PLANNED before; null without phases. */
export function programmeStatus(phases: readonly Pick<ProgrammePhaseMapper, "status">[]): PhaseStatus | null {
  if (phases.length === 0) return null;
  if (phases.some((p) => p.status === "ONGOING")) return "ONGOING";
  if (phases.every((p) => p.status === "COMPLETED")) return "COMPLETED";
  return "PLANNED";
}

/** Declared goals not yet filled in; none when the source declares no count. */
export function missingGoals(goals: StrategicGoalsMapper): number {
  return goals.declaredCount == null ? 0 : Math.max(goals.declaredCount - goals.goals.length, 0);
}

// ---------------------------------------------------------------------------------------------
// Nodes

export const programmeLoader = (ctx: Context) => rowsById<ProgrammeMapper>(ctx, programmes);

export async function findProgramme(ctx: Context, id: string): Promise<ProgrammeMapper | null> {
  return programmeLoader(ctx).load(id);
}
export async function findStrategicGoal(ctx: Context, id: string): Promise<StrategicGoalMapper | null> {
  return rowsById<StrategicGoalMapper>(ctx, programmeGoals).load(id);
}
export async function findPhase(ctx: Context, id: string): Promise<ProgrammePhaseMapper | null> {
  return rowsById<ProgrammePhaseMapper>(ctx, programmePhases).load(id);
}
export async function findMilestone(ctx: Context, id: string): Promise<ProgrammeMilestoneMapper | null> {
  return rowsById<ProgrammeMilestoneMapper>(ctx, programmeMilestones).load(id);
}
export async function findProgrammeProject(ctx: Context, id: string): Promise<ProgrammeProjectMapper | null> {
  return rowsById<ProgrammeProjectMapper>(ctx, programmeProjects).load(id);
}

/** A row that refers to a programme: the programme (it always exists, by foreign key). */
export async function programmeOf(ctx: Context, row: { programmeId: string }): Promise<ProgrammeMapper> {
  const programme = await programmeLoader(ctx).load(row.programmeId);
  if (!programme) throw new Error(`programme ${row.programmeId} is missing`);
  return programme;
}

// ---------------------------------------------------------------------------------------------
// Lists

const dutchTitle = sql`${programmes.title}->>'nl'`;

export const listProgrammes = fn(
  z.object({ filter: z.object({ kind: z.enum(programmeKind.enumValues).nullish(), status: z.enum(phaseStatus.enumValues).nullish() }).nullish() }),
  async (ctx, { filter }): Promise<ProgrammeMapper[]> => {
    const status = filter?.status;
    return ctx.db
      .select()
      .from(programmes)
      .where(
        and(
          filter?.kind ? eq(programmes.kind, filter.kind) : undefined,
          // The contract's filter: programmes with a phase of this status (so none without phases).
          status
            ? exists(
                ctx.db
                  .select({ one: sql`1` })
                  .from(programmePhases)
                  .where(and(eq(programmePhases.programmeId, programmes.id), eq(programmePhases.status, status))),
              )
            : undefined,
        ),
      )
      .orderBy(asc(dutchTitle), asc(programmes.id));
  },
);

export async function programmeBySlug(ctx: Context, slug: string): Promise<ProgrammeMapper | null> {
  const [row] = await ctx.db.select().from(programmes).where(eq(programmes.slug, slug));
  return row ?? null;
}

const phasesOfProgrammes = childRows<ProgrammePhaseMapper>(
  (ctx, ids) => ctx.db.select().from(programmePhases).where(inArray(programmePhases.programmeId, ids)).orderBy(asc(programmePhases.position)),
  (row) => row.programmeId,
);
/** Programme.phases: in order. */
export const phasesOf = (ctx: Context, programme: ProgrammeMapper) => phasesOfProgrammes(ctx).load(programme.id);

/** Programme.status: derived from its phases (the same batch as Programme.phases). */
export const statusOf = async (ctx: Context, programme: ProgrammeMapper) => programmeStatus(await phasesOf(ctx, programme));

const goalsOfProgrammes = childRows<StrategicGoalMapper>(
  (ctx, ids) => ctx.db.select().from(programmeGoals).where(inArray(programmeGoals.programmeId, ids)).orderBy(asc(programmeGoals.position)),
  (row) => row.programmeId,
);
/** Programme.strategicGoals: the goals filled in, by position, with the declared count. */
export async function strategicGoalsOf(ctx: Context, programme: ProgrammeMapper): Promise<StrategicGoalsMapper> {
  return { declaredCount: programme.declaredGoalCount, goals: await goalsOfProgrammes(ctx).load(programme.id) };
}

const principlesOfProgrammes = childRows<typeof programmePrinciples.$inferSelect>(
  (ctx, ids) => ctx.db.select().from(programmePrinciples).where(inArray(programmePrinciples.programmeId, ids)).orderBy(asc(programmePrinciples.position)),
  (row) => row.programmeId,
);
/** Programme.principles: in the source's order. */
export const principlesOf = async (ctx: Context, programme: ProgrammeMapper) => (await principlesOfProgrammes(ctx).load(programme.id)).map((p) => p.text);

const milestonesOfProgrammes = childRows<ProgrammeMilestoneMapper>(
  (ctx, ids) =>
    ctx.db.select().from(programmeMilestones).where(inArray(programmeMilestones.programmeId, ids)).orderBy(asc(programmeMilestones.reachedOn), asc(programmeMilestones.id)),
  (row) => row.programmeId,
);
/** Programme.milestones: by day. */
export const milestonesOf = (ctx: Context, programme: ProgrammeMapper) => milestonesOfProgrammes(ctx).load(programme.id);

const projectsOfProgrammes = childRows<ProgrammeProjectMapper>(
  (ctx, ids) =>
    ctx.db.select().from(programmeProjects).where(inArray(programmeProjects.programmeId, ids)).orderBy(sql`${programmeProjects.title}->>'nl'`, asc(programmeProjects.id)),
  (row) => row.programmeId,
);
/** Programme.projects: by Dutch title. */
export const projectsOf = (ctx: Context, programme: ProgrammeMapper) => projectsOfProgrammes(ctx).load(programme.id);

/** Programme.vision: null when the source gives none. */
export function visionOf(programme: ProgrammeMapper): ProgrammeVisionMapper | null {
  return programme.vision ? { text: programme.vision, source: programme.visionSource, year: programme.visionYear } : null;
}

/** Programme.projectStaff: null when the source gives no count; "200+" is 200, at least. */
export function projectStaffOf(programme: ProgrammeMapper): { count: number; atLeast: boolean } | null {
  return programme.projectStaff == null ? null : { count: programme.projectStaff, atLeast: programme.projectStaffAtLeast };
}

export const steeringGroupOf = (programme: ProgrammeMapper): ProgrammeSteeringGroupMapper => ({ programmeId: programme.id, description: programme.steeringGroup });

const steeringMembersOfProgrammes = childRows<typeof programmeSteeringMembers.$inferSelect>(
  (ctx, ids) =>
    ctx.db
      .select(getTableColumns(programmeSteeringMembers))
      .from(programmeSteeringMembers)
      .where(inArray(programmeSteeringMembers.programmeId, ids))
      .orderBy(asc(programmeSteeringMembers.createdAt), asc(programmeSteeringMembers.id)),
  (row) => row.programmeId,
);
/** ProgrammeSteeringGroup.members: organisations through the request's organisation loader (one batch). */
export async function steeringMembersOf(ctx: Context, group: ProgrammeSteeringGroupMapper): Promise<{ organisation: Organisation | null; role: string | null }[]> {
  const members = await steeringMembersOfProgrammes(ctx).load(group.programmeId);
  return Promise.all(members.map(async (m) => ({ organisation: m.organisationId ? await organisationLoader(ctx).load(m.organisationId) : null, role: m.role })));
}

// ---------------------------------------------------------------------------------------------
// Writes

async function lockProgramme(tx: Tx, id: string, field: string): Promise<ProgrammeMapper> {
  const [programme] = await tx.select().from(programmes).where(eq(programmes.id, id)).for("update");
  if (!programme) throw notFound("Programme", field);
  return programme;
}

export const setStrategicGoal = fn(
  z.object({
    programmeId: z.string(),
    position: z.number().int("must be a whole number").min(1, `must be from 1 to ${MAX_GOALS}`).max(MAX_GOALS, `must be from 1 to ${MAX_GOALS}`),
    title: localizedTextInput,
    description: localizedMultilineTextInput.nullish(),
  }),
  async (ctx, input): Promise<{ goal: StrategicGoalMapper; programme: ProgrammeMapper }> => {
    const programmeId = expectGlobalId(input.programmeId, "Programme", "input.programmeId");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, programmeManage, undefined);
      // Locked, so two writers cannot both take the last free position of a declared count.
      const programme = await lockProgramme(tx, programmeId, "input.programmeId");
      const declared = programme.declaredGoalCount;
      if (declared != null && input.position > declared)
        throw badInput("input.position", `must be from 1 to ${declared}: the programme declares ${declared} strategic goal${declared === 1 ? "" : "s"}`);
      const [before] = await tx
        .select()
        .from(programmeGoals)
        .where(and(eq(programmeGoals.programmeId, programmeId), eq(programmeGoals.position, input.position)));
      const values = { title: input.title, description: input.description ?? null };
      const [goal] = before
        ? await tx.update(programmeGoals).set(values).where(eq(programmeGoals.id, before.id)).returning()
        : await tx
            .insert(programmeGoals)
            .values({ programmeId, position: input.position, ...values })
            .returning();
      if (!goal) throw new Error("write returned no row");
      await recorder.record({ operation: "setStrategicGoal", entityType: "StrategicGoal", entityId: goal.id, before: before ?? null, after: goal });
      await recorder.emit(programmeChanged, programmeId, { programmeId, part: "GOAL", partId: goal.id, status: null });
      return { goal, programme };
    });
  },
  { argument: "input", authorize: programmeManage },
);

export const updateProgrammePhase = fn(
  z.object({ id: z.string(), status: notNull(z.enum(phaseStatus.enumValues)), startsOn: isoDate.nullish(), endsOn: isoDate.nullish() }),
  async (ctx, { id, ...patch }): Promise<{ phase: ProgrammePhaseMapper; programme: ProgrammeMapper }> => {
    const rowId = expectGlobalId(id, "ProgrammePhase", "input.id");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, programmeManage, undefined);
      const [before] = await tx.select().from(programmePhases).where(eq(programmePhases.id, rowId)).for("update");
      if (!before) throw notFound("ProgrammePhase", "input.id");
      const values = {
        status: patch.status ?? before.status,
        startsOn: patch.startsOn === undefined ? before.startsOn : patch.startsOn,
        endsOn: patch.endsOn === undefined ? before.endsOn : patch.endsOn,
      };
      if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) throw badInput("input.endsOn", `must be on or after startsOn (${values.startsOn})`);
      const [phase] = await tx.update(programmePhases).set(values).where(eq(programmePhases.id, rowId)).returning();
      if (!phase) throw notFound("ProgrammePhase", "input.id");
      await recorder.record({ operation: "updateProgrammePhase", entityType: "ProgrammePhase", entityId: rowId, before, after: phase });
      await recorder.emit(programmeChanged, phase.programmeId, { programmeId: phase.programmeId, part: "PHASE", partId: rowId, status: phase.status });
      return { phase, programme: await programmeOf(ctx, phase) };
    });
  },
  { argument: "input", authorize: programmeManage },
);

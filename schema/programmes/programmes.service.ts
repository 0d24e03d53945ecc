// Placeholder: written by the programmes helper (see schema/programmes/programmes.graphql).
import type { Context } from "../shared/context.js";
import type { ProgrammeMapper, ProgrammeMilestoneMapper, ProgrammePhaseMapper, ProgrammeProjectMapper, StrategicGoalMapper } from "./programmes.mappers.js";

export async function findProgramme(_ctx: Context, _id: string): Promise<ProgrammeMapper | null> {
  throw new Error("not implemented");
}
export async function findStrategicGoal(_ctx: Context, _id: string): Promise<StrategicGoalMapper | null> {
  throw new Error("not implemented");
}
export async function findPhase(_ctx: Context, _id: string): Promise<ProgrammePhaseMapper | null> {
  throw new Error("not implemented");
}
export async function findMilestone(_ctx: Context, _id: string): Promise<ProgrammeMilestoneMapper | null> {
  throw new Error("not implemented");
}
export async function findProgrammeProject(_ctx: Context, _id: string): Promise<ProgrammeProjectMapper | null> {
  throw new Error("not implemented");
}

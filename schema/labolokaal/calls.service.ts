// Placeholder: written by the LaboLokaal calls helper.
import type { Context } from "../shared/context.js";
import type { CallApplicationMapper, LearningSessionMapper, ProjectCallMapper, ProjectMapper, ThemeMapper } from "./labolokaal.mappers.js";

export async function findTheme(_ctx: Context, _id: string): Promise<ThemeMapper | null> {
  throw new Error("not implemented");
}
export async function findProjectCall(_ctx: Context, _id: string): Promise<ProjectCallMapper | null> {
  throw new Error("not implemented");
}
export async function findCallApplication(_ctx: Context, _id: string): Promise<CallApplicationMapper | null> {
  throw new Error("not implemented");
}
export async function findProject(_ctx: Context, _id: string): Promise<ProjectMapper | null> {
  throw new Error("not implemented");
}
export async function findLearningSession(_ctx: Context, _id: string): Promise<LearningSessionMapper | null> {
  throw new Error("not implemented");
}
/** The theme's calls, newest deadline first (a loader: one statement for a list of themes). */
export async function callsOfTheme(_ctx: Context, _theme: ThemeMapper): Promise<ProjectCallMapper[]> {
  throw new Error("not implemented");
}
/** The theme's projects, by board name (a loader). */
export async function projectsOfTheme(_ctx: Context, _theme: ThemeMapper): Promise<ProjectMapper[]> {
  throw new Error("not implemented");
}
/** The theme's collective sessions, by day (a loader). */
export async function collectiveSessionsOfTheme(_ctx: Context, _theme: ThemeMapper): Promise<LearningSessionMapper[]> {
  throw new Error("not implemented");
}

// Placeholder: written by the mentoring directory helper.
import type { Context } from "../shared/context.js";
import type { CharterEventMapper, CharterMapper, MentoringProjectMapper, OnTheJobTrainingMapper } from "./mentoring.mappers.js";

export async function findCharter(_ctx: Context, _id: string): Promise<CharterMapper | null> {
  throw new Error("not implemented");
}
export async function findCharterEvent(_ctx: Context, _id: string): Promise<CharterEventMapper | null> {
  throw new Error("not implemented");
}
export async function findMentoringProject(_ctx: Context, _id: string): Promise<MentoringProjectMapper | null> {
  throw new Error("not implemented");
}
export async function findOnTheJobTraining(_ctx: Context, _id: string): Promise<OnTheJobTrainingMapper | null> {
  throw new Error("not implemented");
}
export async function charterOf(_ctx: Context, _project: MentoringProjectMapper): Promise<CharterMapper | null> {
  throw new Error("not implemented");
}
/** Whether the viewer may change the project (mentoringProjectManage). */
export async function viewerCanManageProject(_ctx: Context, _project: MentoringProjectMapper): Promise<boolean> {
  throw new Error("not implemented");
}

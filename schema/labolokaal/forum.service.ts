// Placeholder: written by the LaboLokaal forum helper.
import type { Context } from "../shared/context.js";
import type { ForumReplyMapper, ForumThreadConnectionMapper, ForumThreadMapper, ThemeSpaceMapper } from "./labolokaal.mappers.js";

export async function findForumThread(_ctx: Context, _id: string): Promise<ForumThreadMapper | null> {
  throw new Error("not implemented");
}
export async function findForumReply(_ctx: Context, _id: string): Promise<ForumReplyMapper | null> {
  throw new Error("not implemented");
}
/** The space's threads, most recently active first (the caller has let the viewer in). */
export async function threadsOf(_ctx: Context, _space: ThemeSpaceMapper, _args: { first?: number | null; after?: string | null }): Promise<ForumThreadConnectionMapper> {
  throw new Error("not implemented");
}

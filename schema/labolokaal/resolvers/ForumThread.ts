import { toGlobalId } from "../../shared/relay.js";
import type { ForumThreadResolvers } from "./../../types.generated.js";
import { authorOfPost, postBody, postBodyHtml, repliesOf, themeOfThread, threadCanEdit, threadCanRemove } from "../forum.service.js";

export const ForumThread: ForumThreadResolvers = {
  id: (thread) => toGlobalId("ForumThread", thread.id),
  theme: (thread, _args, ctx) => themeOfThread(ctx, thread),
  body: (thread) => postBody(thread),
  bodyHtml: (thread) => postBodyHtml(thread),
  author: (thread, _args, ctx) => authorOfPost(ctx, thread),
  removed: (thread) => thread.removedAt !== null,
  replies: (thread, args, ctx) => repliesOf(ctx, thread, args),
  viewerCanEdit: (thread, _args, ctx) => threadCanEdit(ctx, thread),
  viewerCanRemove: (thread, _args, ctx) => threadCanRemove(ctx, thread),
};

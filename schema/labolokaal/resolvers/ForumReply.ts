import { toGlobalId } from "../../shared/relay.js";
import type { ForumReplyResolvers } from "./../../types.generated.js";
import { authorOfPost, postBody, postBodyHtml, replyCanEdit, replyCanRemove, threadOfReply } from "../forum.service.js";

export const ForumReply: ForumReplyResolvers = {
  id: (reply) => toGlobalId("ForumReply", reply.id),
  thread: (reply, _args, ctx) => threadOfReply(ctx, reply),
  body: (reply) => postBody(reply),
  bodyHtml: (reply) => postBodyHtml(reply),
  author: (reply, _args, ctx) => authorOfPost(ctx, reply),
  removed: (reply) => reply.removedAt !== null,
  viewerCanEdit: (reply, _args, ctx) => replyCanEdit(ctx, reply),
  viewerCanRemove: (reply, _args, ctx) => replyCanRemove(ctx, reply),
};

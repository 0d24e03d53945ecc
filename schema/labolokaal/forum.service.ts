// A theme's forum: threads and their replies, for the theme's members and moderators only. A post
// is kept as written (Markdown or plain text) and as sanitised HTML (markdown.ts), with its author's
// subject and board or organisation (ids only). Its author edits it while they still belong to the
// space; its author or a moderator removes it, after which its text is no longer shown. A reply
// moves its thread up the list (lastActivityAt) in the same transaction.
//
// Reading: a page of threads and each thread's page of replies are loaders batched over the
// themes or threads of one request, so a space costs a fixed number of statements. Audit rows
// and events carry ids and states only, never a post's text.
import { and, count, eq, getTableColumns, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { laboReplies, laboThemes, laboThreads } from "../../db/schema/labolokaal.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, conflict, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { defineLoaderFamily, rowsById } from "../shared/loaders.js";
import { assertCan, can } from "../shared/policy.js";
import { afterCursor, type Connection, expectGlobalId, type Keyset, mapConnection, pageSize, toConnection } from "../shared/relay.js";
import { multilineText, notNull, requiredText } from "../shared/validation.js";
import { spaceChanged } from "./labolokaal.events.js";
import type {
  ForumReplyConnectionMapper,
  ForumReplyMapper,
  ForumThreadConnectionMapper,
  ForumThreadMapper,
  ParticipantProfileMapper,
  ThemeMapper,
  ThemeSpaceMapper,
} from "./labolokaal.mappers.js";
import { type AuthoredScope, postEdit, postRemove, spaceEnter, spacePost } from "./labolokaal.policy.js";
import { renderPost } from "./markdown.js";
import { spaceScope } from "./membership.js";
import { authorProfileOf } from "./profiles.service.js";

export const MAX_TITLE = 200;
export const MAX_BODY = 20_000;

// ---------------------------------------------------------------------------------------------
// Nodes

const threadLoader = (ctx: Context) => rowsById<ForumThreadMapper>(ctx, laboThreads);
const replyLoader = (ctx: Context) => rowsById<ForumReplyMapper>(ctx, laboReplies);
const themeLoader = (ctx: Context) => rowsById<ThemeMapper>(ctx, laboThemes);

/** A thread the viewer may read (they enter its theme's space); null otherwise, as for none. */
export async function findForumThread(ctx: Context, id: string): Promise<ForumThreadMapper | null> {
  const thread = await threadLoader(ctx).load(id);
  if (!thread || !(await can(ctx, spaceEnter, await spaceScope(ctx, thread.themeId)))) return null;
  return thread;
}

/** A reply the viewer may read (they enter its thread's theme's space); null otherwise. */
export async function findForumReply(ctx: Context, id: string): Promise<ForumReplyMapper | null> {
  const reply = await replyLoader(ctx).load(id);
  if (!reply) return null;
  return (await findForumThread(ctx, reply.threadId)) ? reply : null;
}

/** ForumThread.theme. */
export async function themeOfThread(ctx: Context, thread: ForumThreadMapper): Promise<ThemeMapper> {
  const theme = await themeLoader(ctx).load(thread.themeId);
  if (!theme) throw new Error(`theme ${thread.themeId} is missing`);
  return theme;
}

/** ForumReply.thread. */
export async function threadOfReply(ctx: Context, reply: ForumReplyMapper): Promise<ForumThreadMapper> {
  const thread = await threadLoader(ctx).load(reply.threadId);
  if (!thread) throw new Error(`thread ${reply.threadId} is missing`);
  return thread;
}

type Post = Pick<ForumThreadMapper, "authorSubject" | "authorBoardId" | "authorOrganisationId" | "removedAt" | "body" | "bodyHtml">;

/** A post's text, or null once it was removed. */
export const postBody = (post: Post): string | null => (post.removedAt ? null : post.body);
export const postBodyHtml = (post: Post): string | null => (post.removedAt ? null : post.bodyHtml);

/** Who wrote a post, as the platform shows them. */
export function authorOfPost(ctx: Context, post: Post): Promise<ParticipantProfileMapper> {
  return authorProfileOf(ctx, { subject: post.authorSubject, boardId: post.authorBoardId, organisationId: post.authorOrganisationId });
}

async function authoredScope(ctx: Context, themeId: string, authorSubject: string): Promise<AuthoredScope> {
  return { ...(await spaceScope(ctx, themeId)), authorSubject };
}

/** viewerCanEdit of a thread or a reply (in `themeId`'s space); never for a removed post. */
export async function viewerCanEditPost(ctx: Context, post: Post, themeId: string): Promise<boolean> {
  return !post.removedAt && can(ctx, postEdit, await authoredScope(ctx, themeId, post.authorSubject));
}

/** viewerCanRemove of a thread or a reply; never for a removed post. */
export async function viewerCanRemovePost(ctx: Context, post: Post, themeId: string): Promise<boolean> {
  return !post.removedAt && can(ctx, postRemove, await authoredScope(ctx, themeId, post.authorSubject));
}

export const threadCanEdit = (ctx: Context, thread: ForumThreadMapper) => viewerCanEditPost(ctx, thread, thread.themeId);
export const threadCanRemove = (ctx: Context, thread: ForumThreadMapper) => viewerCanRemovePost(ctx, thread, thread.themeId);
export const replyCanEdit = async (ctx: Context, reply: ForumReplyMapper) => viewerCanEditPost(ctx, reply, (await threadOfReply(ctx, reply)).themeId);
export const replyCanRemove = async (ctx: Context, reply: ForumReplyMapper) => viewerCanRemovePost(ctx, reply, (await threadOfReply(ctx, reply)).themeId);

// ---------------------------------------------------------------------------------------------
// Lists

/** Microsecond text keeps a cursor exact (a Date drops the microseconds). */
const activityText = sql<string>`to_char(${laboThreads.lastActivityAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const threadKeyset: Keyset = { sortKey: activityText, id: laboThreads.id, descending: true };

const replyCreatedText = sql<string>`to_char(${laboReplies.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const replyKeyset: Keyset = { sortKey: replyCreatedText, id: laboReplies.id };

interface Page {
  after: string | null;
  size: number;
}

type Keyed<T> = { row: T; key: string };

/** A page of threads per theme, most recently active first: one statement for the themes of a request. */
const pagesOfThreads = defineLoaderFamily<string, Keyed<ForumThreadMapper>[], Page>(
  (page) => JSON.stringify([page.after, page.size]),
  async (ctx, { after, size }, themeIds) => {
    const ranked = ctx.db
      .select({
        ...getTableColumns(laboThreads),
        key: activityText.as("key"),
        rank: sql<number>`row_number() over (partition by ${laboThreads.themeId} order by ${laboThreads.lastActivityAt} desc, ${laboThreads.id} desc)`.as("rank"),
      })
      .from(laboThreads)
      .where(and(inArray(laboThreads.themeId, [...themeIds]), afterCursor(threadKeyset, after)))
      .as("ranked");
    const rows = await ctx.db
      .select()
      .from(ranked)
      .where(lte(ranked.rank, size + 1))
      .orderBy(ranked.themeId, ranked.rank);
    return themeIds.map((id) => rows.filter((r) => r.themeId === id).map(({ rank: _rank, key, ...row }) => ({ row: row as ForumThreadMapper, key })));
  },
);

const threadTotals = defineLoaderFamily<string, number, "all">(
  () => "all",
  async (ctx, _all, themeIds) => {
    const rows = await ctx.db
      .select({ themeId: laboThreads.themeId, n: count() })
      .from(laboThreads)
      .where(inArray(laboThreads.themeId, [...themeIds]))
      .groupBy(laboThreads.themeId);
    const counts = new Map(rows.map((r) => [r.themeId, r.n]));
    return themeIds.map((id) => counts.get(id) ?? 0);
  },
);

/** A page of replies per thread, oldest first: one statement for the threads of a request. */
const pagesOfReplies = defineLoaderFamily<string, Keyed<ForumReplyMapper>[], Page>(
  (page) => JSON.stringify([page.after, page.size]),
  async (ctx, { after, size }, threadIds) => {
    const ranked = ctx.db
      .select({
        ...getTableColumns(laboReplies),
        key: replyCreatedText.as("key"),
        rank: sql<number>`row_number() over (partition by ${laboReplies.threadId} order by ${laboReplies.createdAt} asc, ${laboReplies.id} asc)`.as("rank"),
      })
      .from(laboReplies)
      .where(and(inArray(laboReplies.threadId, [...threadIds]), afterCursor(replyKeyset, after)))
      .as("ranked");
    const rows = await ctx.db
      .select()
      .from(ranked)
      .where(lte(ranked.rank, size + 1))
      .orderBy(ranked.threadId, ranked.rank);
    return threadIds.map((id) => rows.filter((r) => r.threadId === id).map(({ rank: _rank, key, ...row }) => ({ row: row as ForumReplyMapper, key })));
  },
);

const replyTotals = defineLoaderFamily<string, number, "all">(
  () => "all",
  async (ctx, _all, threadIds) => {
    const rows = await ctx.db
      .select({ threadId: laboReplies.threadId, n: count() })
      .from(laboReplies)
      .where(inArray(laboReplies.threadId, [...threadIds]))
      .groupBy(laboReplies.threadId);
    const counts = new Map(rows.map((r) => [r.threadId, r.n]));
    return threadIds.map((id) => counts.get(id) ?? 0);
  },
);

async function pageOf<T>(
  args: { first?: number | null; after?: string | null },
  keyset: Keyset,
  load: (page: Page) => Promise<Keyed<T>[]>,
  total: () => Promise<number>,
): Promise<Connection<T>> {
  const size = pageSize(args.first);
  // Decoding the cursor here refuses a forged one before the batch runs.
  afterCursor(keyset, args.after);
  const rows = await load({ after: args.after ?? null, size });
  const id = (row: T) => (row as { id: string }).id;
  return mapConnection(
    toConnection(rows, size, args, (r) => [r.key, id(r.row)], total),
    (r) => r.row,
  );
}

/** The space's threads, most recently active first (the caller has let the viewer in). */
export async function threadsOf(ctx: Context, space: ThemeSpaceMapper, args: { first?: number | null; after?: string | null }): Promise<ForumThreadConnectionMapper> {
  return pageOf(
    args,
    threadKeyset,
    (page) => pagesOfThreads(ctx, page).load(space.theme.id),
    () => threadTotals(ctx, "all").load(space.theme.id),
  );
}

/** ForumThread.replies, oldest first (the thread was read, so the viewer is in its space). */
export async function repliesOf(ctx: Context, thread: ForumThreadMapper, args: { first?: number | null; after?: string | null }): Promise<ForumReplyConnectionMapper> {
  return pageOf(
    args,
    replyKeyset,
    (page) => pagesOfReplies(ctx, page).load(thread.id),
    () => replyTotals(ctx, "all").load(thread.id),
  );
}

// ---------------------------------------------------------------------------------------------
// Changes

/** The author columns of a new post: the actor's subject and their board or organisation (ids only). */
function authorColumns(ctx: Context) {
  const actor = ctx.actor;
  if (actor.role === "ANONYMOUS") throw new Error("an anonymous caller cannot post");
  return {
    authorSubject: actor.subject,
    authorBoardId: actor.role === "BOARD_MEMBER" ? actor.boardId : null,
    authorOrganisationId: actor.role === "EXPERT" ? actor.organisationId : null,
  };
}

/** What the audit log keeps of a post: ids, times and states, never its text. */
function auditView(post: ForumThreadMapper | ForumReplyMapper) {
  const { body: _body, bodyHtml: _bodyHtml, ...rest } = post;
  if ("title" in rest) {
    const { title: _title, ...withoutTitle } = rest;
    return withoutTitle;
  }
  return rest;
}

function actorSubjectOf(ctx: Context): string {
  if (ctx.actor.role === "ANONYMOUS") throw new Error("an anonymous caller cannot change a post");
  return ctx.actor.subject;
}

async function lockThread(tx: Tx, id: string, field: string): Promise<ForumThreadMapper> {
  const [thread] = await tx.select().from(laboThreads).where(eq(laboThreads.id, id)).for("update");
  if (!thread) throw notFound("ForumThread", field);
  return thread;
}

async function lockReply(tx: Tx, id: string, field: string): Promise<{ reply: ForumReplyMapper; thread: ForumThreadMapper }> {
  const [reply] = await tx.select().from(laboReplies).where(eq(laboReplies.id, id)).for("update");
  if (!reply) throw notFound("ForumReply", field);
  const [thread] = await tx.select().from(laboThreads).where(eq(laboThreads.id, reply.threadId)).for("share");
  if (!thread) throw new Error(`thread ${reply.threadId} is missing`);
  return { reply, thread };
}

/** labo.space.changed: the theme and the post's id, never its text. */
function emitSpaceChange(recorder: Recorder, themeId: string, part: "THREAD" | "REPLY", partId: string, operation: "CREATED" | "UPDATED" | "REMOVED") {
  return recorder.emit(spaceChanged, themeId, { themeId, part, partId, operation });
}

const title = requiredText(MAX_TITLE);
const body = multilineText(MAX_BODY);

export const startThread = fn(
  z.object({ themeId: z.string(), title, body }),
  async (ctx, input): Promise<ForumThreadMapper> => {
    const themeId = expectGlobalId(input.themeId, "Theme", "input.themeId");
    // Rendered before the transaction: the first post of a process loads the renderer, which no
    // open transaction should wait for.
    const bodyHtml = await renderPost(input.body);
    return change(ctx, async (tx, recorder) => {
      const [theme] = await tx.select({ id: laboThemes.id }).from(laboThemes).where(eq(laboThemes.id, themeId));
      if (!theme) throw notFound("Theme", "input.themeId");
      await assertCan(ctx, spacePost, await spaceScope(ctx, themeId));
      const [created] = await tx
        .insert(laboThreads)
        .values({ themeId, title: input.title, body: input.body, bodyHtml, ...authorColumns(ctx) })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "startThread", entityType: "ForumThread", entityId: created.id, before: null, after: auditView(created) });
      await emitSpaceChange(recorder, themeId, "THREAD", created.id, "CREATED");
      return created;
    });
  },
  { argument: "input", authorize: spacePost },
);

export const replyToThread = fn(
  z.object({ threadId: z.string(), body }),
  async (ctx, input): Promise<ForumReplyMapper> => {
    const threadId = expectGlobalId(input.threadId, "ForumThread", "input.threadId");
    const bodyHtml = await renderPost(input.body);
    return change(ctx, async (tx, recorder) => {
      // Locked: a removal and a reply cannot cross, and replies move the thread up one by one.
      const thread = await lockThread(tx, threadId, "input.threadId");
      await assertCan(ctx, spacePost, await spaceScope(ctx, thread.themeId));
      if (thread.removedAt) throw conflict("input.threadId", "The thread was removed: it takes no more replies");
      const [created] = await tx
        .insert(laboReplies)
        .values({ threadId, body: input.body, bodyHtml, ...authorColumns(ctx) })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await tx.update(laboThreads).set({ lastActivityAt: sql`now()`, updatedAt: sql`now()` }).where(eq(laboThreads.id, threadId));
      await recorder.record({ operation: "replyToThread", entityType: "ForumReply", entityId: created.id, before: null, after: auditView(created) });
      await emitSpaceChange(recorder, thread.themeId, "REPLY", created.id, "CREATED");
      return created;
    });
  },
  { argument: "input", authorize: spacePost },
);

export const editThread = fn(
  z.object({ id: z.string(), title: notNull(title), body: notNull(body) }),
  async (ctx, input): Promise<ForumThreadMapper> => {
    const id = expectGlobalId(input.id, "ForumThread", "input.id");
    if (input.title === undefined && input.body === undefined) throw badInput("input", "must change the title or the body");
    const bodyHtml = input.body !== undefined ? await renderPost(input.body) : undefined;
    return change(ctx, async (tx, recorder) => {
      const thread = await lockThread(tx, id, "input.id");
      await assertCan(ctx, postEdit, await authoredScope(ctx, thread.themeId, thread.authorSubject));
      if (thread.removedAt) throw conflict("input.id", "The thread was removed: it can no longer be edited");
      const [updated] = await tx
        .update(laboThreads)
        .set({
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.body !== undefined ? { body: input.body, bodyHtml } : {}),
          editedAt: sql`now()`,
          updatedAt: sql`now()`,
        })
        .where(eq(laboThreads.id, id))
        .returning();
      if (!updated) throw new Error("update returned no row");
      await recorder.record({ operation: "editThread", entityType: "ForumThread", entityId: id, before: auditView(thread), after: auditView(updated) });
      await emitSpaceChange(recorder, thread.themeId, "THREAD", id, "UPDATED");
      return updated;
    });
  },
  { argument: "input", authorize: postEdit },
);

export const editReply = fn(
  z.object({ id: z.string(), body }),
  async (ctx, input): Promise<ForumReplyMapper> => {
    const id = expectGlobalId(input.id, "ForumReply", "input.id");
    const bodyHtml = await renderPost(input.body);
    return change(ctx, async (tx, recorder) => {
      const { reply, thread } = await lockReply(tx, id, "input.id");
      await assertCan(ctx, postEdit, await authoredScope(ctx, thread.themeId, reply.authorSubject));
      if (reply.removedAt) throw conflict("input.id", "The reply was removed: it can no longer be edited");
      const [updated] = await tx.update(laboReplies).set({ body: input.body, bodyHtml, editedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(laboReplies.id, id)).returning();
      if (!updated) throw new Error("update returned no row");
      await recorder.record({ operation: "editReply", entityType: "ForumReply", entityId: id, before: auditView(reply), after: auditView(updated) });
      await emitSpaceChange(recorder, thread.themeId, "REPLY", id, "UPDATED");
      return updated;
    });
  },
  { argument: "input", authorize: postEdit },
);

export const removeThread = fn(
  z.object({ id: z.string() }),
  async (ctx, input): Promise<ForumThreadMapper> => {
    const id = expectGlobalId(input.id, "ForumThread");
    return change(ctx, async (tx, recorder) => {
      const thread = await lockThread(tx, id, "id");
      await assertCan(ctx, postRemove, await authoredScope(ctx, thread.themeId, thread.authorSubject));
      if (thread.removedAt) throw conflict("id", "The thread was removed already");
      const [updated] = await tx
        .update(laboThreads)
        .set({ removedAt: sql`now()`, removedBy: actorSubjectOf(ctx), updatedAt: sql`now()` })
        .where(eq(laboThreads.id, id))
        .returning();
      if (!updated) throw new Error("update returned no row");
      await recorder.record({ operation: "removeThread", entityType: "ForumThread", entityId: id, before: auditView(thread), after: auditView(updated) });
      await emitSpaceChange(recorder, thread.themeId, "THREAD", id, "REMOVED");
      return updated;
    });
  },
  { authorize: postRemove },
);

export const removeReply = fn(
  z.object({ id: z.string() }),
  async (ctx, input): Promise<ForumReplyMapper> => {
    const id = expectGlobalId(input.id, "ForumReply");
    return change(ctx, async (tx, recorder) => {
      const { reply, thread } = await lockReply(tx, id, "id");
      await assertCan(ctx, postRemove, await authoredScope(ctx, thread.themeId, reply.authorSubject));
      if (reply.removedAt) throw conflict("id", "The reply was removed already");
      const [updated] = await tx
        .update(laboReplies)
        .set({ removedAt: sql`now()`, removedBy: actorSubjectOf(ctx), updatedAt: sql`now()` })
        .where(eq(laboReplies.id, id))
        .returning();
      if (!updated) throw new Error("update returned no row");
      await recorder.record({ operation: "removeReply", entityType: "ForumReply", entityId: id, before: auditView(reply), after: auditView(updated) });
      await emitSpaceChange(recorder, thread.themeId, "REPLY", id, "REMOVED");
      return updated;
    });
  },
  { authorize: postRemove },
);

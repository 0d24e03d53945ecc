// Documents shared in a theme's space. A member asks for a signed upload link (the document is
// PENDING under a random object key), PUTs the bytes straight to object storage, then confirms:
// the API checks the stored size and the real type from the bytes and makes it AVAILABLE, or
// removes both the object and the row. Only available, not removed documents are listed, and a
// download link is signed on each read after asking again whether the viewer belongs to the space,
// so no link outlives a membership by more than its few minutes.
import { and, count, eq, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import { laboDocuments, laboThemes } from "../../db/schema/labolokaal.js";
import { actorSubject } from "../shared/auth.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, conflict, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { rowsById } from "../shared/loaders.js";
import { assertCan, can } from "../shared/policy.js";
import { expectGlobalId, paginate } from "../shared/relay.js";
import type { SignedLink } from "../shared/storage.js";
import { optionalMultilineText, requiredText } from "../shared/validation.js";
import { documentLink } from "./document-links.js";
import { spaceChanged } from "./labolokaal.events.js";
import type { DocumentConnectionMapper, DocumentMapper, ThemeMapper, ThemeSpaceMapper } from "./labolokaal.mappers.js";
import { type AuthoredScope, postRemove, spaceEnter, spacePost, uploadConfirm } from "./labolokaal.policy.js";
import { assertInSpace, isMemberOfTheme, spaceScope } from "./membership.js";
import { byteSize, checkUploadedBytes, DOCUMENT_TYPES, declaredType, filename, MAX_DOCUMENT_BYTES, newObjectKey, UPLOAD_LINK_SECONDS } from "./uploads.js";

export interface UploadTicket {
  url: string;
  method: string;
  headers: Record<string, string>;
  expiresAt: Date;
  maxBytes: number;
}

export function uploadTicket(link: SignedLink, maxBytes: number): UploadTicket {
  return { url: link.url, method: link.method, headers: link.headers, expiresAt: link.expiresAt, maxBytes };
}

/** The viewer's token subject; the policies let only signed-in actors this far. */
export function signedInSubject(ctx: Context): string {
  const subject = actorSubject(ctx.actor);
  if (!subject) throw new Error("a signed-in actor was expected");
  return subject;
}

/** The board (a board member) or organisation (an expert) a post is shown under; none for moderators. */
export function actorAffiliation(ctx: Context): { boardId: string | null; organisationId: string | null } {
  const actor = ctx.actor;
  if (actor.role === "BOARD_MEMBER") return { boardId: actor.boardId, organisationId: null };
  if (actor.role === "EXPERT") return { boardId: null, organisationId: actor.organisationId };
  return { boardId: null, organisationId: null };
}

async function authoredScope(ctx: Context, doc: DocumentMapper): Promise<AuthoredScope> {
  return { themeId: doc.themeId, member: await isMemberOfTheme(ctx, doc.themeId), authorSubject: doc.uploadedBy };
}

/** A document by id for a viewer of its space (FORBIDDEN for others); null when unknown or removed. */
export async function findDocument(ctx: Context, id: string): Promise<DocumentMapper | null> {
  const doc = await rowsById<DocumentMapper>(ctx, laboDocuments).load(id);
  // node(id): null for those outside the theme's space, as for a document that does not exist.
  if (!doc || doc.removedAt || !(await can(ctx, spaceEnter, await spaceScope(ctx, doc.themeId)))) return null;
  return doc;
}

/** The document behind a global id, not removed, or NOT_FOUND. */
async function existingDocument(ctx: Context, globalId: string): Promise<DocumentMapper> {
  const doc = await rowsById<DocumentMapper>(ctx, laboDocuments).load(expectGlobalId(globalId, "Document"));
  if (!doc || doc.removedAt) throw notFound("Document");
  return doc;
}

const available = (themeId: string): SQL => and(eq(laboDocuments.themeId, themeId), eq(laboDocuments.status, "AVAILABLE"), isNull(laboDocuments.removedAt)) as SQL;

/** The space's AVAILABLE documents, newest first (the caller has let the viewer in). */
export async function documentsOf(ctx: Context, space: ThemeSpaceMapper, args: { first?: number | null; after?: string | null }): Promise<DocumentConnectionMapper> {
  const where = available(space.theme.id);
  return paginate(
    args,
    { sortKey: laboDocuments.confirmedAt, id: laboDocuments.id, descending: true },
    ({ after, orderBy, limit }) =>
      ctx.db
        .select()
        .from(laboDocuments)
        .where(and(where, after))
        .orderBy(...orderBy)
        .limit(limit),
    (doc) => [(doc.confirmedAt ?? doc.createdAt).toISOString(), doc.id],
    async () => {
      const [row] = await ctx.db.select({ n: count() }).from(laboDocuments).where(where);
      return row?.n ?? 0;
    },
  );
}

export async function documentTheme(ctx: Context, doc: DocumentMapper): Promise<ThemeMapper> {
  const theme = await rowsById<ThemeMapper>(ctx, laboThemes).load(doc.themeId);
  if (!theme) throw new Error("document without its theme");
  return theme;
}

/**
 * A short-lived link to download the document, signed now for a viewer who belongs to its space
 * now (FORBIDDEN otherwise); null while it is pending.
 */
export async function documentDownloadUrl(ctx: Context, doc: DocumentMapper): Promise<string | null> {
  await assertInSpace(ctx, doc.themeId);
  if (doc.status !== "AVAILABLE" || doc.removedAt || !doc.contentType) return null;
  // The API's own link: each use asks for membership again (document-links.ts).
  return documentLink(ctx.actor, doc.id);
}

export async function viewerCanRemoveDocument(ctx: Context, doc: DocumentMapper): Promise<boolean> {
  return can(ctx, postRemove, await authoredScope(ctx, doc));
}

const requestSchema = z.object({
  themeId: z.string(),
  title: requiredText(200),
  description: optionalMultilineText(2000),
  filename,
  contentType: declaredType(DOCUMENT_TYPES, "a PDF, an Office document or an image"),
  sizeBytes: byteSize(MAX_DOCUMENT_BYTES),
});

/** A member asks to share a document: a PENDING row under a random key, and a signed link to PUT the bytes. */
export const requestDocumentUpload = fn(
  requestSchema,
  async (ctx, input): Promise<{ document: DocumentMapper; upload: UploadTicket }> => {
    const themeId = expectGlobalId(input.themeId, "Theme", "input.themeId");
    const theme = await rowsById<ThemeMapper>(ctx, laboThemes).load(themeId);
    if (!theme) throw notFound("Theme", "input.themeId");
    await assertCan(ctx, spacePost, await spaceScope(ctx, themeId));
    const storageKey = newObjectKey("documents");
    const link = await ctx.services.storage.signUpload(storageKey, { contentType: input.contentType, maxBytes: input.sizeBytes, expiresInSeconds: UPLOAD_LINK_SECONDS });
    const { boardId, organisationId } = actorAffiliation(ctx);
    const document = await change(ctx, async (tx, recorder) => {
      const [created] = await tx
        .insert(laboDocuments)
        .values({
          themeId,
          title: input.title,
          description: input.description ?? null,
          filename: input.filename,
          declaredContentType: input.contentType,
          sizeBytes: input.sizeBytes,
          storageKey,
          status: "PENDING",
          uploadExpiresAt: link.expiresAt,
          uploadedBy: signedInSubject(ctx),
          uploaderBoardId: boardId,
          uploaderOrganisationId: organisationId,
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      // The audit keeps ids and states, not the title or the file's name.
      await recorder.record({ operation: "requestDocumentUpload", entityType: "Document", entityId: created.id, before: null, after: auditView(created) });
      return created;
    });
    return { document, upload: uploadTicket(link, input.sizeBytes) };
  },
  { argument: "input", authorize: spacePost },
);

const idSchema = z.object({ id: z.string() });

/**
 * The uploader (or a moderator) confirms: the bytes must be there, at most the declared size, and
 * of a real type in the allow-list of the declared family. Refused bytes are deleted with the row.
 */
export const confirmDocumentUpload = fn(
  idSchema,
  async (ctx, { id }): Promise<DocumentMapper> => {
    const doc = await existingDocument(ctx, id);
    await assertCan(ctx, uploadConfirm, await authoredScope(ctx, doc));
    if (doc.status === "AVAILABLE") return doc;
    const storage = ctx.services.storage;
    const check = await checkUploadedBytes(storage, doc.storageKey, {
      declared: doc.declaredContentType,
      allowed: DOCUMENT_TYPES,
      maxBytes: Math.min(doc.sizeBytes ?? MAX_DOCUMENT_BYTES, MAX_DOCUMENT_BYTES),
    });
    if (!check.ok && check.reason === "missing") throw conflict("id", "The file is not uploaded yet: PUT it to the upload link first");
    if (!check.ok) {
      await storage.delete(doc.storageKey);
      await change(ctx, async (tx, recorder) => {
        await tx.delete(laboDocuments).where(eq(laboDocuments.id, doc.id));
        await recorder.record({ operation: "refuseDocumentUpload", entityType: "Document", entityId: doc.id, before: auditView(doc), after: null });
      });
      throw badInput("file", check.message);
    }
    return change(ctx, async (tx, recorder) => {
      const [updated] = await tx
        .update(laboDocuments)
        .set({ status: "AVAILABLE", contentType: check.contentType, sizeBytes: check.size, confirmedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(laboDocuments.id, doc.id), eq(laboDocuments.status, "PENDING")))
        .returning();
      if (!updated) throw conflict("id", "The document was confirmed or removed meanwhile");
      await recorder.record({ operation: "confirmDocumentUpload", entityType: "Document", entityId: doc.id, before: auditView(doc), after: auditView(updated) });
      await recorder.emit(spaceChanged, doc.themeId, { themeId: doc.themeId, part: "DOCUMENT" as const, partId: doc.id, operation: "CREATED" as const });
      return updated;
    });
  },
  { authorize: spacePost },
);

/** Its uploader (while a member) or a moderator removes a document: the row is marked, the bytes deleted. */
export const removeDocument = fn(
  idSchema,
  async (ctx, { id }): Promise<DocumentMapper> => {
    // Asked before whether it was removed already: an outsider learns nothing of the document.
    const doc = await rowsById<DocumentMapper>(ctx, laboDocuments).load(expectGlobalId(id, "Document"));
    if (!doc) throw notFound("Document");
    await assertCan(ctx, postRemove, await authoredScope(ctx, doc));
    if (doc.removedAt) throw notFound("Document");
    const removed = await change(ctx, async (tx, recorder) => {
      const [updated] = await tx
        .update(laboDocuments)
        .set({ removedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(laboDocuments.id, doc.id), isNull(laboDocuments.removedAt)))
        .returning();
      if (!updated) throw notFound("Document");
      await recorder.record({ operation: "removeDocument", entityType: "Document", entityId: doc.id, before: auditView(doc), after: auditView(updated) });
      if (doc.status === "AVAILABLE")
        await recorder.emit(spaceChanged, doc.themeId, { themeId: doc.themeId, part: "DOCUMENT" as const, partId: doc.id, operation: "REMOVED" as const });
      return updated;
    });
    // After the commit: a failed delete leaves an orphan object nobody can reach, never a listed document without its bytes.
    await ctx.services.storage.delete(doc.storageKey).catch(() => {});
    return removed;
  },
  { authorize: postRemove },
);

/** What the audit log keeps of a document: ids, states, sizes; no title, description or file name. */
function auditView(doc: DocumentMapper) {
  return {
    id: doc.id,
    themeId: doc.themeId,
    status: doc.status,
    declaredContentType: doc.declaredContentType,
    contentType: doc.contentType,
    sizeBytes: doc.sizeBytes,
    uploaderBoardId: doc.uploaderBoardId,
    uploaderOrganisationId: doc.uploaderOrganisationId,
    confirmedAt: doc.confirmedAt,
    removedAt: doc.removedAt,
  };
}

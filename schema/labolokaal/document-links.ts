// A document's download link is the API's own, not the object store's:
// /labolokaal/documents/<document id>/<token>, where the token is signed for the viewer who asked
// (role, account, board or organisation) and lives 5 minutes. At every use the route asks again
// whether that viewer belongs to the document's space now, and only then redirects to a storage
// link that lives 60 seconds. So a link handed out never outlives a membership: once a board's
// project is gone, its members' links answer FORBIDDEN, even within their 5 minutes.
import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { laboDocuments, laboProjects } from "../../db/schema/labolokaal.js";
import { linkSecret, publicUrl } from "../mentoring/mentor-links.js";
import type { Actor } from "../shared/auth.js";
import type { Context } from "../shared/context.js";
import { forbidden, notFound } from "../shared/errors.js";
import type { DownloadRoute } from "../shared/module.js";
import type { DocumentMapper } from "./labolokaal.mappers.js";

/** How long a link handed to a viewer works; each use asks for membership again. */
export const DOCUMENT_LINK_SECONDS = 5 * 60;
/** How long the storage link a use redirects to works: long enough to start the download. */
export const STORAGE_REDIRECT_SECONDS = 60;

/** Who a link was signed for: what membership is asked of at each use. */
interface LinkClaims {
  /** The document's row id. */
  d: string;
  r: Actor["role"];
  b?: string;
  o?: string;
  /** Expiry, epoch seconds. */
  e: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The stage's link secret (MENTOR_LINK_SECRET, required in production), under a purpose of its
// own so that no mentor's token can pass for a document's.
function signature(payload: string): Buffer {
  return createHmac("sha256", linkSecret()).update(`document-link.v1\n${payload}`).digest();
}

/** The link for the viewer to download the document (the caller checked they may, now). */
export function documentLink(actor: Actor, documentId: string, now = new Date()): string {
  const claims: LinkClaims = {
    d: documentId,
    r: actor.role,
    ...(actor.role === "BOARD_MEMBER" ? { b: actor.boardId } : {}),
    ...(actor.role === "EXPERT" || actor.role === "PARTNER" ? { o: actor.organisationId } : {}),
    e: Math.floor(now.getTime() / 1000) + DOCUMENT_LINK_SECONDS,
  };
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${publicUrl()}/labolokaal/documents/${documentId}/${payload}.${signature(payload).toString("base64url")}`;
}

/** The claims of a link for this document; FORBIDDEN when tampered with, for another document, or expired. */
function verify(documentId: string, token: string, now = new Date()): LinkClaims {
  const refused = forbidden("This download link is not valid or has expired; ask the API for a new one");
  const [payload, sig, ...rest] = token.split(".");
  if (!payload || !sig || rest.length) throw refused;
  const given = Buffer.from(sig, "base64url");
  const expected = signature(payload);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refused;
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as LinkClaims;
  if (claims.d !== documentId || claims.e * 1000 <= now.getTime()) throw refused;
  return claims;
}

/** Whether the link's viewer belongs to the document's space now (moderators always do). */
async function stillMember(ctx: Context, doc: DocumentMapper, claims: LinkClaims): Promise<boolean> {
  if (claims.r === "ADMIN" || claims.r === "CONSULTANT") return true;
  const who = claims.r === "BOARD_MEMBER" && claims.b ? eq(laboProjects.boardId, claims.b) : claims.r === "EXPERT" && claims.o ? eq(laboProjects.expertId, claims.o) : null;
  if (!who) return false;
  const [project] = await ctx.db
    .select({ id: laboProjects.id })
    .from(laboProjects)
    .where(and(eq(laboProjects.themeId, doc.themeId), who))
    .limit(1);
  return Boolean(project);
}

export const documentLinkRoutes: DownloadRoute[] = [
  {
    path: /^\/labolokaal\/documents\/([0-9a-f-]{36})\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/,
    async serve(ctx, match) {
      const [, documentId = "", token = ""] = match;
      if (!UUID.test(documentId)) throw notFound("Document");
      const claims = verify(documentId, token);
      const [doc] = await ctx.db
        .select()
        .from(laboDocuments)
        .where(and(eq(laboDocuments.id, documentId), isNull(laboDocuments.removedAt)));
      if (doc?.status !== "AVAILABLE" || !doc.contentType) throw notFound("Document");
      if (!(await stillMember(ctx, doc, claims))) throw forbidden("You no longer belong to this theme's space");
      const link = await ctx.services.storage.signDownload(doc.storageKey, {
        filename: doc.filename,
        contentType: doc.contentType,
        expiresInSeconds: STORAGE_REDIRECT_SECONDS,
      });
      return { redirect: link.url };
    },
  },
];

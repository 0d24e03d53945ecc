// Participants' profiles on the platform: a display name and a photo per account (token subject),
// shown as the author of documents, threads and replies. A photo follows the documents' storage
// rules (a signed upload link, the bytes checked on confirmation, short signed download links).
// Without a profile an author shows as a neutral "Deelnemer", never by a name from elsewhere.
import { eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { boards } from "../../db/schema/boards.js";
import { laboProfiles } from "../../db/schema/labolokaal.js";
import { organisations } from "../../db/schema/organisations.js";
import type { Board } from "../boards/boards.service.js";
import type { OrganisationMapper } from "../organisations/organisations.mappers.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, conflict } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { defineLoader, rowsById } from "../shared/loaders.js";
import { assertCan, can } from "../shared/policy.js";
import { requiredText } from "../shared/validation.js";
import { actorAffiliation, signedInSubject, type UploadTicket, uploadTicket } from "./documents.service.js";
import type { ParticipantProfileMapper } from "./labolokaal.mappers.js";
import { profileUpdate } from "./labolokaal.policy.js";
import { byteSize, checkUploadedBytes, DOWNLOAD_LINK_SECONDS, declaredType, filename, MAX_PHOTO_BYTES, newObjectKey, PHOTO_TYPES, UPLOAD_LINK_SECONDS } from "./uploads.js";

/** The name shown for someone who set no profile. */
export const DEFAULT_DISPLAY_NAME = "Deelnemer";

type ProfileRow = typeof laboProfiles.$inferSelect;

/** Profiles by subject: one statement for a page of authors. */
const profilesBySubject = defineLoader<string, ProfileRow | null>(async (ctx, subjects) => {
  const rows = await ctx.db
    .select()
    .from(laboProfiles)
    .where(inArray(laboProfiles.subject, [...subjects]));
  const bySubject = new Map(rows.map((r) => [r.subject, r]));
  return subjects.map((s) => bySubject.get(s) ?? null);
});

function toMapper(subject: string, row: ProfileRow | null, affiliation: { boardId: string | null; organisationId: string | null }): ParticipantProfileMapper {
  return {
    subject,
    displayName: row?.displayName ?? DEFAULT_DISPLAY_NAME,
    photoKey: row?.photoKey ?? null,
    photoContentType: row?.photoContentType ?? null,
    photoAvailable: row?.photoStatus === "AVAILABLE",
    boardId: affiliation.boardId,
    organisationId: affiliation.organisationId,
  };
}

/** Who wrote or shared something, as the platform shows them (a loader by subject: one statement for a page). */
export async function authorProfileOf(ctx: Context, author: { subject: string; boardId: string | null; organisationId: string | null }): Promise<ParticipantProfileMapper> {
  return toMapper(author.subject, await profilesBySubject(ctx).load(author.subject), author);
}

/** The viewer's own profile; null until they set one. */
export async function myProfile(ctx: Context): Promise<ParticipantProfileMapper | null> {
  await assertCan(ctx, profileUpdate, undefined);
  const subject = signedInSubject(ctx);
  const row = await profilesBySubject(ctx).load(subject);
  return row ? toMapper(subject, row, actorAffiliation(ctx)) : null;
}

/** A short-lived link to the photo for signed-in participants and moderators; null for anyone else and without a confirmed photo. */
export async function profilePhotoUrl(ctx: Context, profile: ParticipantProfileMapper): Promise<string | null> {
  if (!profile.photoAvailable || !profile.photoKey || !profile.photoContentType) return null;
  if (!(await can(ctx, profileUpdate, undefined))) return null;
  const extension = profile.photoContentType.split("/")[1] ?? "img";
  const link = await ctx.services.storage.signDownload(profile.photoKey, {
    filename: `photo.${extension}`,
    contentType: profile.photoContentType,
    expiresInSeconds: DOWNLOAD_LINK_SECONDS,
  });
  return link.url;
}

export async function profileBoard(ctx: Context, profile: ParticipantProfileMapper): Promise<Board | null> {
  return profile.boardId ? rowsById<Board>(ctx, boards).load(profile.boardId) : null;
}

export async function profileOrganisation(ctx: Context, profile: ParticipantProfileMapper): Promise<OrganisationMapper | null> {
  return profile.organisationId ? rowsById<OrganisationMapper>(ctx, organisations).load(profile.organisationId) : null;
}

async function ownRow(ctx: Context): Promise<ProfileRow | null> {
  const [row] = await ctx.db
    .select()
    .from(laboProfiles)
    .where(eq(laboProfiles.subject, signedInSubject(ctx)));
  return row ?? null;
}

/** What the audit log keeps of a profile: its states, not the name. */
function auditView(row: ProfileRow | null) {
  return row && { id: row.id, subject: row.subject, photoStatus: row.photoStatus, photoContentType: row.photoContentType };
}

/** Sets the viewer's display name (creating their profile). */
export const updateProfile = fn(
  z.object({ displayName: requiredText(80) }),
  async (ctx, input): Promise<ParticipantProfileMapper> => {
    const subject = signedInSubject(ctx);
    const row = await change(ctx, async (tx, recorder) => {
      const before = await ownRow(ctx);
      const [saved] = await tx
        .insert(laboProfiles)
        .values({ subject, displayName: input.displayName })
        .onConflictDoUpdate({ target: laboProfiles.subject, set: { displayName: input.displayName, updatedAt: new Date() } })
        .returning();
      if (!saved) throw new Error("upsert returned no row");
      await recorder.record({ operation: "updateProfile", entityType: "ParticipantProfile", entityId: saved.id, before: auditView(before), after: auditView(saved) });
      return saved;
    });
    return toMapper(subject, row, actorAffiliation(ctx));
  },
  { argument: "input", authorize: profileUpdate },
);

/** A signed link to upload a new photo (an image of at most 5 MB); it stays PENDING until confirmed. */
export const requestProfilePhotoUpload = fn(
  z.object({ filename, contentType: declaredType(PHOTO_TYPES, "an image (PNG, JPEG, GIF or WebP)"), sizeBytes: byteSize(MAX_PHOTO_BYTES) }),
  async (ctx, input): Promise<{ profile: ParticipantProfileMapper; upload: UploadTicket }> => {
    const subject = signedInSubject(ctx);
    const photoKey = newObjectKey("photos");
    const link = await ctx.services.storage.signUpload(photoKey, { contentType: input.contentType, maxBytes: input.sizeBytes, expiresInSeconds: UPLOAD_LINK_SECONDS });
    const photo = { photoKey, photoContentType: input.contentType, photoStatus: "PENDING" as const, photoUploadExpiresAt: link.expiresAt };
    const { row, replaced } = await change(ctx, async (tx, recorder) => {
      const before = await ownRow(ctx);
      const [saved] = await tx
        .insert(laboProfiles)
        .values({ subject, displayName: DEFAULT_DISPLAY_NAME, ...photo })
        .onConflictDoUpdate({ target: laboProfiles.subject, set: { ...photo, updatedAt: new Date() } })
        .returning();
      if (!saved) throw new Error("upsert returned no row");
      await recorder.record({ operation: "requestProfilePhotoUpload", entityType: "ParticipantProfile", entityId: saved.id, before: auditView(before), after: auditView(saved) });
      return { row: saved, replaced: before?.photoKey ?? null };
    });
    // The previous photo (or an upload never confirmed) is replaced: its bytes go.
    if (replaced) await ctx.services.storage.delete(replaced).catch(() => {});
    return { profile: toMapper(subject, row, actorAffiliation(ctx)), upload: uploadTicket(link, input.sizeBytes) };
  },
  { argument: "input", authorize: profileUpdate },
);

/** Checks the uploaded photo's bytes (at most 5 MB, a real image) and shows it, or removes it. */
export const confirmProfilePhotoUpload = fn(
  z.object({}),
  async (ctx): Promise<ParticipantProfileMapper> => {
    const subject = signedInSubject(ctx);
    const current = await ownRow(ctx);
    if (!current?.photoKey) throw conflict("photo", "No photo upload was requested");
    if (current.photoStatus === "AVAILABLE") return toMapper(subject, current, actorAffiliation(ctx));
    const storage = ctx.services.storage;
    const check = await checkUploadedBytes(storage, current.photoKey, { declared: current.photoContentType ?? "", allowed: PHOTO_TYPES, maxBytes: MAX_PHOTO_BYTES });
    if (!check.ok && check.reason === "missing") throw conflict("photo", "The photo is not uploaded yet: PUT it to the upload link first");
    const set = check.ok
      ? { photoStatus: "AVAILABLE" as const, photoContentType: check.contentType, photoUploadExpiresAt: null }
      : { photoKey: null, photoStatus: null, photoContentType: null, photoUploadExpiresAt: null };
    if (!check.ok) await storage.delete(current.photoKey);
    const row = await change(ctx, async (tx, recorder) => {
      const [saved] = await tx
        .update(laboProfiles)
        .set({ ...set, updatedAt: new Date() })
        .where(eq(laboProfiles.id, current.id))
        .returning();
      if (!saved) throw new Error("update returned no row");
      await recorder.record({
        operation: check.ok ? "confirmProfilePhotoUpload" : "refuseProfilePhotoUpload",
        entityType: "ParticipantProfile",
        entityId: saved.id,
        before: auditView(current),
        after: auditView(saved),
      });
      return saved;
    });
    if (!check.ok) throw badInput("file", check.message);
    return toMapper(subject, row, actorAffiliation(ctx));
  },
  { authorize: profileUpdate },
);

// Participants' profiles: a display name (1-80 characters, one line) and a photo under the same
// storage rules as documents (an image of at most 5 MB, checked from its bytes), through the real
// local server. Signed-in participants and moderators see photo links; anonymous callers have no
// profile, and see no photo.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema/audit.js";
import { laboProfiles } from "../../db/schema/labolokaal.js";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { profilePhotoUrl } from "../../schema/labolokaal/profiles.service.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi, token } from "../helpers/api.js";

let api: TestApi;
let server: LocalServer;

beforeAll(async () => {
  api = await createTestApi();
  server = await startLocalServer(api.app, { port: 0, ping: async () => {}, storage: api.services.storage });
});
afterAll(async () => {
  await server.close();
  await api.close();
});
beforeEach(() => api.reset());

const local = (url: string) => url.replace("http://localhost:4000", new URL(server.url).origin);

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

const MEMBER: Actor = { role: "BOARD_MEMBER", sub: "profile-member", board: "6f1c2a4e-1111-4111-8111-111111111111" };
const EXPERT: Actor = { role: "EXPERT", sub: "profile-expert", org: "6f1c2a4e-2222-4222-8222-222222222222" };
const CONSULTANT: Actor = { role: "CONSULTANT", sub: "profile-consultant" };
const PARTNER: Actor = { role: "PARTNER", sub: "profile-partner", org: "6f1c2a4e-3333-4333-8333-333333333333" };

const MY_PROFILE = graphql(`
  query ProfilesMine {
    myProfile { displayName photoUrl }
  }
`);
const UPDATE = graphql(`
  mutation ProfilesUpdate($input: UpdateProfileInput!) {
    updateProfile(input: $input) { profile { displayName photoUrl } }
  }
`);
const REQUEST_PHOTO = graphql(`
  mutation ProfilesRequestPhoto($input: RequestProfilePhotoUploadInput!) {
    requestProfilePhotoUpload(input: $input) { profile { displayName photoUrl } upload { url method headers expiresAt maxBytes } }
  }
`);
const CONFIRM_PHOTO = graphql(`
  mutation ProfilesConfirmPhoto {
    confirmProfilePhotoUpload { profile { displayName photoUrl } }
  }
`);

async function uploadPhoto(as: Actor, bytes: Buffer, contentType = "image/png") {
  const { requestProfilePhotoUpload } = await api.ok(REQUEST_PHOTO, { input: { filename: "ik.png", contentType, sizeBytes: bytes.length } }, { as });
  const { upload } = requestProfilePhotoUpload;
  expect(upload).toMatchObject({ method: "PUT", headers: { "content-type": contentType }, maxBytes: bytes.length });
  const response = await fetch(local(upload.url), { method: "PUT", headers: upload.headers as Record<string, string>, body: bytes });
  expect(response.status).toBe(200);
  return upload;
}

describe("display name", () => {
  it("is null until set, then the trimmed name; setting it again changes it", async () => {
    expect((await api.ok(MY_PROFILE, {}, { as: MEMBER })).myProfile).toBeNull();
    const { updateProfile } = await api.ok(UPDATE, { input: { displayName: "  An Peeters  " } }, { as: MEMBER });
    expect(updateProfile.profile).toEqual({ displayName: "An Peeters", photoUrl: null });
    await api.ok(UPDATE, { input: { displayName: "An P." } }, { as: MEMBER });
    expect((await api.ok(MY_PROFILE, {}, { as: MEMBER })).myProfile).toEqual({ displayName: "An P.", photoUrl: null });
    // One profile per account; the audit log keeps no name.
    expect(await api.database.db.select().from(laboProfiles)).toHaveLength(1);
    const audit = await api.database.db.select().from(auditLog).where(eq(auditLog.entityType, "ParticipantProfile")).orderBy(auditLog.createdAt, auditLog.id);
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain("An P");
  });

  it("refuses an empty, too long or multi-line name, or one with control characters", async () => {
    for (const displayName of ["", "   ", "x".repeat(81), "An\nPeeters", "An\u0007"]) {
      expect(errorOf(await api.exec(UPDATE, { input: { displayName } }, { as: MEMBER })), JSON.stringify(displayName)).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.displayName",
      });
    }
    expect((await api.exec(UPDATE, { input: { displayName: "x".repeat(80) } }, { as: MEMBER })).errors).toBeUndefined();
  });

  it("belongs to participants, coaches and moderators only", async () => {
    for (const as of [MEMBER, EXPERT, CONSULTANT]) expect((await api.exec(UPDATE, { input: { displayName: "Naam" } }, { as })).errors, as.role).toBeUndefined();
    expect(errorOf(await api.exec(UPDATE, { input: { displayName: "Naam" } }, { as: PARTNER }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(UPDATE, { input: { displayName: "Naam" } }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(MY_PROFILE, {}))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(MY_PROFILE, {}, { as: PARTNER }))).toMatchObject({ code: "FORBIDDEN" });
    const input = { filename: "ik.png", contentType: "image/png", sizeBytes: 10 };
    expect(errorOf(await api.exec(REQUEST_PHOTO, { input }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(REQUEST_PHOTO, { input }, { as: PARTNER }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(CONFIRM_PHOTO, {}))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(CONFIRM_PHOTO, {}, { as: PARTNER }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("photo", () => {
  it("uploads, confirms and downloads through a short signed link", async () => {
    await api.ok(UPDATE, { input: { displayName: "Expert Eva" } }, { as: EXPERT });
    const upload = await uploadPhoto(EXPERT, PNG);
    expect(upload.url).not.toContain("ik.png");
    // Pending: no link yet.
    expect((await api.ok(MY_PROFILE, {}, { as: EXPERT })).myProfile?.photoUrl).toBeNull();
    const { confirmProfilePhotoUpload } = await api.ok(CONFIRM_PHOTO, {}, { as: EXPERT });
    expect(confirmProfilePhotoUpload.profile.displayName).toBe("Expert Eva");
    const url = confirmProfilePhotoUpload.profile.photoUrl!;
    expect(url).toBeTruthy();
    const response = await fetch(local(url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PNG);
  });

  it("gives a profile with only a photo the neutral name", async () => {
    await uploadPhoto(MEMBER, PNG);
    expect((await api.ok(CONFIRM_PHOTO, {}, { as: MEMBER })).confirmProfilePhotoUpload.profile.displayName).toBe("Deelnemer");
  });

  it("refuses a PDF declared as a PNG, removes its bytes and leaves the profile without a photo", async () => {
    const upload = await uploadPhoto(MEMBER, PDF, "image/png");
    const result = await api.exec(CONFIRM_PHOTO, {}, { as: MEMBER });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "file" });
    expect(await api.services.storage.head(new URL(upload.url).pathname.replace("/storage/", ""))).toBeNull();
    const [row] = await api.database.db.select().from(laboProfiles);
    expect(row).toMatchObject({ photoKey: null, photoStatus: null });
    expect(errorOf(await api.exec(CONFIRM_PHOTO, {}, { as: MEMBER }))).toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a declared type that is no image and a size over 5 MB", async () => {
    const input = { filename: "ik.png", contentType: "image/png", sizeBytes: 5 * 1024 * 1024 };
    expect((await api.exec(REQUEST_PHOTO, { input }, { as: MEMBER })).errors).toBeUndefined();
    expect(errorOf(await api.exec(REQUEST_PHOTO, { input: { ...input, sizeBytes: 5 * 1024 * 1024 + 1 } }, { as: MEMBER }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.sizeBytes",
    });
    expect(errorOf(await api.exec(REQUEST_PHOTO, { input: { ...input, contentType: "application/pdf" } }, { as: MEMBER }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.contentType",
    });
    expect(errorOf(await api.exec(REQUEST_PHOTO, { input: { ...input, contentType: "image/svg+xml" } }, { as: MEMBER }))).toMatchObject({ field: "input.contentType" });
  });

  it("answers CONFLICT when nothing was requested or nothing uploaded yet", async () => {
    expect(errorOf(await api.exec(CONFIRM_PHOTO, {}, { as: MEMBER }))).toMatchObject({ code: "CONFLICT" });
    await api.ok(REQUEST_PHOTO, { input: { filename: "ik.png", contentType: "image/png", sizeBytes: PNG.length } }, { as: MEMBER });
    const result = await api.exec(CONFIRM_PHOTO, {}, { as: MEMBER });
    expect(errorOf(result)).toMatchObject({ code: "CONFLICT" });
    expect(result.errors?.[0]?.message).toMatch(/not uploaded yet/);
  });

  it("replaces the previous photo, deleting its bytes", async () => {
    const first = await uploadPhoto(MEMBER, PNG);
    await api.ok(CONFIRM_PHOTO, {}, { as: MEMBER });
    await uploadPhoto(MEMBER, PNG);
    expect(await api.services.storage.head(new URL(first.url).pathname.replace("/storage/", ""))).toBeNull();
    expect((await api.ok(CONFIRM_PHOTO, {}, { as: MEMBER })).confirmProfilePhotoUpload.profile.photoUrl).toBeTruthy();
  });

  it("signs photo links for signed-in participants and moderators only, never for an anonymous viewer", async () => {
    const profile = { subject: "s", displayName: "Deelnemer", photoKey: "photos/abc", photoContentType: "image/png", photoAvailable: true, boardId: null, organisationId: null };
    const anonymous = await api.app.createContext({});
    expect(await profilePhotoUrl(anonymous, profile)).toBeNull();
    const partner = await api.app.createContext({ authorization: `Bearer ${await token(PARTNER)}` });
    expect(await profilePhotoUrl(partner, profile)).toBeNull();
    for (const as of [MEMBER, EXPERT, CONSULTANT]) {
      const ctx = await api.app.createContext({ authorization: `Bearer ${await token(as)}` });
      expect(await profilePhotoUrl(ctx, profile), as.role).toMatch(/\/storage\/photos\/abc\?/);
      expect(await profilePhotoUrl(ctx, { ...profile, photoAvailable: false }), as.role).toBeNull();
    }
  });
});

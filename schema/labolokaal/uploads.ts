// The rules every upload of the platform follows, documents and profile photos alike: which types
// a client may declare, how large a file may be, and the check of the bytes once uploaded. The real
// type comes from the file's first bytes (file-type), never from its name or the declared type:
// a file is accepted only when what it is belongs to the allow-list and to the family declared.
// file-type is loaded when the first upload is checked: a cold start that checks none does not
// parse it (in the Lambda bundle it is a chunk of its own).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { ObjectStore } from "../shared/storage.js";
import { requiredText } from "../shared/validation.js";

export const MAX_DOCUMENT_BYTES = 26_214_400; // 25 MB
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024; // 5 MB
/** Upload links live about 15 minutes, download links about 5. */
export const UPLOAD_LINK_SECONDS = 15 * 60;
export const DOWNLOAD_LINK_SECONDS = 5 * 60;
/** How much of a file is read to tell its type: enough for the entries of an Office zip container. */
const SNIFF_BYTES = 256 * 1024;

type Family = "pdf" | "office" | "image";

/** The declared types a client may upload, by family. */
const ALLOWED: Record<string, Family> = {
  "application/pdf": "pdf",
  "application/msword": "office",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "office",
  "application/vnd.ms-excel": "office",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "office",
  "application/vnd.ms-powerpoint": "office",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "office",
  "application/vnd.oasis.opendocument.text": "office",
  "application/vnd.oasis.opendocument.spreadsheet": "office",
  "application/vnd.oasis.opendocument.presentation": "office",
  "image/png": "image",
  "image/jpeg": "image",
  "image/gif": "image",
  "image/webp": "image",
};

/** Office's legacy formats (doc, xls, ppt) are compound files: file-type says "cfb", not which one. */
const LEGACY_OFFICE = new Set(["application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"]);

export const DOCUMENT_TYPES = Object.keys(ALLOWED);
export const PHOTO_TYPES = DOCUMENT_TYPES.filter((type) => ALLOWED[type] === "image");

/** A declared content type of the list (compared without parameters or case). */
export const declaredType = (allowed: readonly string[], what: string) =>
  z
    .string()
    .max(200)
    .transform((v) => v.split(";")[0]!.trim().toLowerCase())
    .refine((v) => allowed.includes(v), `must be ${what}: one of ${allowed.join(", ")}`);

/** A file's name as the uploader's computer had it: one line, no folders. */
export const filename = requiredText(255).refine((v) => !/[/\\]/.test(v), "must be a file name without folders (no / or \\)");

export const byteSize = (max: number) =>
  z
    .number()
    .int("must be a whole number of bytes")
    .min(1, "must be at least 1 byte")
    .max(max, `must be at most ${max} bytes (${Math.round(max / 1024 / 1024)} MB)`);

/** A fresh object key: a prefix and a random id, never derived from the file's name. */
export function newObjectKey(prefix: "documents" | "photos"): string {
  return `${prefix}/${randomUUID()}`;
}

export type ByteCheck = { ok: true; contentType: string; size: number } | { ok: false; reason: "missing" } | { ok: false; reason: "refused"; message: string };

/**
 * Checks the uploaded object: present, at most `maxBytes`, and of a real type in `allowed` of the
 * declared family. The caller removes what is refused.
 */
export async function checkUploadedBytes(
  store: ObjectStore,
  key: string,
  { declared, allowed, maxBytes }: { declared: string; allowed: readonly string[]; maxBytes: number },
): Promise<ByteCheck> {
  const object = await store.head(key);
  if (!object) return { ok: false, reason: "missing" };
  if (object.size > maxBytes) return { ok: false, reason: "refused", message: `is larger than the ${maxBytes} bytes it may have` };
  if (object.size === 0) return { ok: false, reason: "refused", message: "is empty" };
  const [{ fileTypeFromBuffer }, start] = await Promise.all([import("file-type"), store.readStart(key, Math.min(object.size, SNIFF_BYTES))]);
  const detected = await fileTypeFromBuffer(start);
  const contentType = realType(detected?.mime, declared);
  if (!contentType || !allowed.includes(contentType) || ALLOWED[contentType] !== ALLOWED[declared]) {
    return { ok: false, reason: "refused", message: allowed === PHOTO_TYPES ? "is not a PNG, JPEG, GIF or WebP image" : "is not a PDF, Office document or image" };
  }
  return { ok: true, contentType, size: object.size };
}

/** The type the bytes show; a compound file counts as the legacy Office type declared, if one was. */
function realType(detected: string | undefined, declared: string): string | null {
  if (!detected) return null;
  if (detected === "application/x-cfb") return LEGACY_OFFICE.has(declared) ? declared : null;
  return detected;
}

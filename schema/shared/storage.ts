// Object storage for uploaded files (documents, profile photos): an S3 bucket per stage on AWS, a
// folder under the data directory locally. The API never streams a file through GraphQL: it hands
// out short-lived signed upload and download links, and checks the uploaded bytes afterwards.
// Which store runs is configuration (objectStoreFromEnv); services only see the ObjectStore interface.
//
// The folder store signs its own links the way a presigned S3 URL works: an HMAC over the method,
// the key, the expiry and what the link allows (the upload's content type and size, the download's
// name and type). Whoever holds the link may use it until it expires, and nothing else: a changed
// parameter breaks the signature. The local server serves them (functions/http.ts, serveFolderStore).
//
// The AWS SDK (the S3 client and the presigner, with their share of @smithy) is loaded when an S3
// store is first used, not when this module is: the local server, which uses the folder, never
// loads it, and a Lambda cold start that touches no file does not parse it (in the bundle the
// dynamic imports are chunks of their own).

import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { dirname, join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import type { S3Client } from "@aws-sdk/client-s3";

export interface SignedLink {
  url: string;
  /** The HTTP method the link is for. */
  method: "PUT" | "GET";
  /** Headers the client must send with it (the content type for an upload). */
  headers: Record<string, string>;
  expiresAt: Date;
}

export interface StoredObject {
  size: number;
}

export interface ObjectStore {
  /** A link to PUT the object's bytes, valid for `expiresInSeconds`. */
  signUpload(key: string, options: { contentType: string; maxBytes: number; expiresInSeconds: number }): Promise<SignedLink>;
  /** A link to GET the object, valid for `expiresInSeconds`, served as an attachment named `filename`. */
  signDownload(key: string, options: { filename: string; contentType: string; expiresInSeconds: number }): Promise<SignedLink>;
  /** The object's size, or null when nothing was uploaded under the key. */
  head(key: string): Promise<StoredObject | null>;
  /** The first `bytes` bytes of the object (to check its real type). */
  readStart(key: string, bytes: number): Promise<Uint8Array>;
  delete(key: string): Promise<void>;
}

/** Keys the services make: lower-case segments (a prefix and a random id), never a file's name or a path out of the folder. */
const KEY = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/;

function assertKey(key: string): void {
  if (!KEY.test(key) || key.length > 200) throw new Error("invalid object key");
}

/** `attachment; filename="..."; filename*=UTF-8''...`: an ASCII fallback and the real name (RFC 6266). */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7E]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

const DEV_SIGNING_SECRET = "talent-local-storage-development-secret";

export interface FolderStoreOptions {
  /** Where the objects live. */
  dir: string;
  /** The local server's address, which serves the signed links under /storage/. */
  publicUrl: string;
  /** The signing key; null in production without STORAGE_SIGNING_SECRET, where signing then fails. */
  secret: string | null;
  now?: () => Date;
}

/** The verdict on a request to a signed local link. */
type Verdict = { ok: true; key: string; params: URLSearchParams } | { ok: false; status: 403 | 404; message: string };

export class FolderStore implements ObjectStore {
  readonly dir: string;
  private readonly publicUrl: string;
  private readonly secret: string | null;
  private readonly now: () => Date;

  constructor({ dir, publicUrl, secret, now = () => new Date() }: FolderStoreOptions) {
    this.dir = resolve(dir);
    this.publicUrl = publicUrl.replace(/\/+$/, "");
    this.secret = secret;
    this.now = now;
  }

  private path(key: string): string {
    assertKey(key);
    return join(this.dir, ...key.split("/"));
  }

  private sign(method: "PUT" | "GET", key: string, params: URLSearchParams): string {
    // Every parameter the link carries is signed, in a fixed order, one per line.
    if (!this.secret) throw new Error("STORAGE_SIGNING_SECRET must be set for the folder store in production");
    const lines = [method, key, ...[...params.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`)];
    return createHmac("sha256", this.secret).update(lines.join("\n")).digest("base64url");
  }

  private link(method: "PUT" | "GET", key: string, params: URLSearchParams, headers: Record<string, string>, expiresInSeconds: number): SignedLink {
    assertKey(key);
    const expiresAt = new Date(Math.floor(this.now().getTime() / 1000 + expiresInSeconds) * 1000);
    params.set("expires", String(expiresAt.getTime() / 1000));
    params.set("signature", this.sign(method, key, params));
    return { url: `${this.publicUrl}/storage/${key}?${params}`, method, headers, expiresAt };
  }

  async signUpload(key: string, { contentType, maxBytes, expiresInSeconds }: { contentType: string; maxBytes: number; expiresInSeconds: number }): Promise<SignedLink> {
    return this.link("PUT", key, new URLSearchParams({ type: contentType, max: String(maxBytes) }), { "content-type": contentType }, expiresInSeconds);
  }

  async signDownload(key: string, { filename, contentType, expiresInSeconds }: { filename: string; contentType: string; expiresInSeconds: number }): Promise<SignedLink> {
    return this.link("GET", key, new URLSearchParams({ filename, type: contentType }), {}, expiresInSeconds);
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const info = await stat(this.path(key));
      return info.isFile() ? { size: info.size } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async readStart(key: string, bytes: number): Promise<Uint8Array> {
    const file = await open(this.path(key), "r");
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await file.read(buffer, 0, bytes, 0);
      return new Uint8Array(buffer.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  /** Checks a request to a signed link: its key, its expiry and its signature. Like S3, nothing else (no token, no membership). */
  verify(method: "PUT" | "GET", pathname: string, search: URLSearchParams): Verdict {
    const key = decodeURIComponent(pathname.replace(/^\/storage\//, ""));
    if (!KEY.test(key)) return { ok: false, status: 404, message: "No such object" };
    const params = new URLSearchParams(search);
    const signature = params.get("signature") ?? "";
    params.delete("signature");
    const expires = Number(params.get("expires"));
    const expected = Buffer.from(this.sign(method, key, params));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, status: 403, message: "The link's signature does not match" };
    if (!Number.isFinite(expires) || expires * 1000 < this.now().getTime()) return { ok: false, status: 403, message: "The link has expired" };
    return { ok: true, key, params };
  }

  /** Answers a PUT or GET of a signed link; the local server routes /storage/* here. */
  async serve(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method === "PUT" ? "PUT" : req.method === "GET" || req.method === "HEAD" ? "GET" : null;
    if (!method) return reply(res, 405, "Only PUT and GET");
    const verdict = this.verify(method, url.pathname, url.searchParams);
    if (!verdict.ok) return reply(res, verdict.status, verdict.message);
    const { key, params } = verdict;
    if (method === "PUT") return this.receive(req, res, key, params);
    const path = this.path(key);
    const info = await this.head(key);
    if (!info) return reply(res, 404, "No such object");
    res.writeHead(200, {
      "content-type": params.get("type") ?? "application/octet-stream",
      "content-length": info.size,
      "content-disposition": attachmentDisposition(params.get("filename") ?? "download"),
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    if (req.method === "HEAD") return void res.end();
    await pipeline(createReadStream(path), res);
  }

  /** Streams an upload into the folder; a body over the signed size is refused (413) and nothing is kept. */
  private async receive(req: IncomingMessage, res: ServerResponse, key: string, params: URLSearchParams): Promise<void> {
    const max = Number(params.get("max"));
    // As S3 does for a signed content type: the request must carry the type the link was made for.
    if ((req.headers["content-type"] ?? "") !== params.get("type")) return reply(res, 403, "The content type is not the one the link was signed for");
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > max) {
      // Refused before reading: the connection closes, so the client stops sending.
      res.setHeader("connection", "close");
      return reply(res, 413, "The body is larger than the link allows");
    }
    const path = this.path(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.${randomUUID()}.part`;
    let size = 0;
    let tooLarge = false;
    try {
      await pipeline(
        req,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > max) {
              tooLarge = true;
              throw new Error("too large");
            }
            yield chunk;
          }
        },
        createWriteStream(partial),
      );
    } catch (error) {
      await rm(partial, { force: true });
      if (tooLarge) {
        res.setHeader("connection", "close");
        return reply(res, 413, "The body is larger than the link allows");
      }
      throw error;
    }
    await rename(partial, path);
    res.writeHead(200, { "content-length": 0 });
    res.end();
  }
}

function reply(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ error: message });
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** `load` runs once, on the first call; a failed load is forgotten, so that the next call tries again. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}

const s3Sdk = lazy(() => import("@aws-sdk/client-s3"));
const presigner = lazy(() => import("@aws-sdk/s3-request-presigner"));

export interface S3StoreOptions {
  bucket: string;
  /** The stage's region, for the client made on first use. */
  region?: string;
  /** A client to use instead of one made on first use (tests give one with fake credentials or a stubbed `send`). */
  client?: S3Client;
}

/** The bucket of the stage, through presigned URLs (Signature Version 4). */
export class S3Store implements ObjectStore {
  readonly bucket: string;
  /** The store's one client: the given one, or one of the region made when first needed. */
  readonly client: () => Promise<S3Client>;

  constructor({ bucket, region, client }: S3StoreOptions) {
    this.bucket = bucket;
    this.client = client ? async () => client : lazy(async () => new (await s3Sdk()).S3Client({ region }));
  }

  async signUpload(key: string, { contentType, maxBytes, expiresInSeconds }: { contentType: string; maxBytes: number; expiresInSeconds: number }): Promise<SignedLink> {
    assertKey(key);
    const [{ PutObjectCommand }, { getSignedUrl }, client] = await Promise.all([s3Sdk(), presigner(), this.client()]);
    // Content type and length are signed headers: S3 refuses an upload of another type or size.
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: contentType, ContentLength: maxBytes });
    const url = await getSignedUrl(client, command, { expiresIn: expiresInSeconds, signableHeaders: new Set(["content-type", "content-length"]) });
    return { url, method: "PUT", headers: { "content-type": contentType }, expiresAt: new Date(Date.now() + expiresInSeconds * 1000) };
  }

  async signDownload(key: string, { filename, contentType, expiresInSeconds }: { filename: string; contentType: string; expiresInSeconds: number }): Promise<SignedLink> {
    assertKey(key);
    const [{ GetObjectCommand }, { getSignedUrl }, client] = await Promise.all([s3Sdk(), presigner(), this.client()]);
    const command = new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: attachmentDisposition(filename), ResponseContentType: contentType });
    const url = await getSignedUrl(client, command, { expiresIn: expiresInSeconds });
    return { url, method: "GET", headers: {}, expiresAt: new Date(Date.now() + expiresInSeconds * 1000) };
  }

  async head(key: string): Promise<StoredObject | null> {
    assertKey(key);
    const [{ HeadObjectCommand }, client] = await Promise.all([s3Sdk(), this.client()]);
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async readStart(key: string, bytes: number): Promise<Uint8Array> {
    assertKey(key);
    const [{ GetObjectCommand }, client] = await Promise.all([s3Sdk(), this.client()]);
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${bytes - 1}` }));
      return object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      // An empty object has no byte 0: S3 answers 416.
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 416) return new Uint8Array();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    const [{ DeleteObjectCommand }, client] = await Promise.all([s3Sdk(), this.client()]);
    await client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === "NotFound" || e?.name === "NoSuchKey" || e?.$metadata?.httpStatusCode === 404;
}

/** The stage's store: S3 when STORAGE_BUCKET is set, else a folder (STORAGE_DIR, default .data/storage). */
export function objectStoreFromEnv(env: NodeJS.ProcessEnv = process.env): ObjectStore {
  const bucket = env.STORAGE_BUCKET?.trim();
  if (bucket) return new S3Store({ bucket, region: env.AWS_REGION });
  // Outside production a fixed development key; in production only a configured one (checked when signing,
  // so a stage that never uploads still starts).
  const secret = env.STORAGE_SIGNING_SECRET?.trim() || (env.NODE_ENV === "production" ? null : DEV_SIGNING_SECRET);
  return new FolderStore({ dir: env.STORAGE_DIR?.trim() || join(".data", "storage"), publicUrl: env.PUBLIC_URL?.trim() || "http://localhost:4000", secret });
}

// The object stores on their own: the S3 store signs presigned URLs with the real presigner (fake
// static credentials, no network) and reads, heads and deletes through the client's `send`; the
// folder store keeps objects inside its folder, signs every parameter of a link and verifies them;
// the environment picks the store.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, describe, expect, it } from "vitest";
import { attachmentDisposition, FolderStore, objectStoreFromEnv, S3Store } from "../../schema/shared/storage.js";

const client = () => new S3Client({ region: "eu-west-1", credentials: { accessKeyId: "AKIAEXAMPLEEXAMPLE", secretAccessKey: "fake-secret-key" } });

describe("S3Store", () => {
  const store = new S3Store({ bucket: "talent-api-dev-storage", client: client() });

  it("signs an upload URL for PUT with the content type and length as signed headers, valid for the given seconds", async () => {
    const link = await store.signUpload("documents/0b7e1c1e-5c1f-4b8e-9d5e-1f2a3b4c5d6e", { contentType: "application/pdf", maxBytes: 1234, expiresInSeconds: 900 });
    const url = new URL(link.url);
    expect(url.protocol).toBe("https:");
    expect(url.host).toBe("talent-api-dev-storage.s3.eu-west-1.amazonaws.com");
    expect(url.pathname).toBe("/documents/0b7e1c1e-5c1f-4b8e-9d5e-1f2a3b4c5d6e");
    expect(url.searchParams.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
    expect(url.searchParams.get("X-Amz-Credential")).toMatch(/^AKIAEXAMPLEEXAMPLE\/\d{8}\/eu-west-1\/s3\/aws4_request$/);
    expect(url.searchParams.get("X-Amz-Expires")).toBe("900");
    expect(url.searchParams.get("X-Amz-SignedHeaders")?.split(";")).toEqual(expect.arrayContaining(["content-length", "content-type", "host"]));
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    expect(link).toMatchObject({ method: "PUT", headers: { "content-type": "application/pdf" } });
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(890_000);
  });

  it("signs a download URL for GET that serves the object as an attachment with its name and type", async () => {
    const link = await store.signDownload("documents/abc", { filename: "Verslag één.pdf", contentType: "application/pdf", expiresInSeconds: 300 });
    const url = new URL(link.url);
    expect(url.host).toBe("talent-api-dev-storage.s3.eu-west-1.amazonaws.com");
    expect(url.pathname).toBe("/documents/abc");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("300");
    expect(url.searchParams.get("response-content-disposition")).toBe(attachmentDisposition("Verslag één.pdf"));
    expect(url.searchParams.get("response-content-type")).toBe("application/pdf");
    expect(link.method).toBe("GET");
  });

  it("heads, reads the first bytes with a Range and deletes through the client; a missing object heads as null", async () => {
    const sent: unknown[] = [];
    const stub = client();
    stub.send = (async (command: unknown) => {
      sent.push(command);
      if (command instanceof HeadObjectCommand) {
        if (command.input.Key === "documents/missing") throw Object.assign(new Error("NotFound"), { name: "NotFound", $metadata: { httpStatusCode: 404 } });
        return { ContentLength: 4321 };
      }
      if (command instanceof GetObjectCommand) return { Body: { transformToByteArray: async () => new Uint8Array([1, 2, 3]) } };
      if (command instanceof DeleteObjectCommand) return {};
      throw new Error("unexpected command");
    }) as S3Client["send"];
    const stubbed = new S3Store({ bucket: "b", client: stub });
    expect(await stubbed.head("documents/present")).toEqual({ size: 4321 });
    expect(await stubbed.head("documents/missing")).toBeNull();
    expect(await stubbed.readStart("documents/present", 100)).toEqual(new Uint8Array([1, 2, 3]));
    await stubbed.delete("documents/present");
    const get = sent.find((c) => c instanceof GetObjectCommand) as GetObjectCommand;
    expect(get.input).toEqual({ Bucket: "b", Key: "documents/present", Range: "bytes=0-99" });
    const del = sent.find((c) => c instanceof DeleteObjectCommand) as DeleteObjectCommand;
    expect(del.input).toEqual({ Bucket: "b", Key: "documents/present" });
  });

  it("refuses keys that are not the services' own (paths, names)", async () => {
    await expect(store.signUpload("../secret", { contentType: "image/png", maxBytes: 1, expiresInSeconds: 60 })).rejects.toThrow();
    await expect(store.signDownload("Documents/Verslag.pdf", { filename: "x", contentType: "image/png", expiresInSeconds: 60 })).rejects.toThrow();
  });
});

describe("FolderStore", () => {
  const dir = mkdtempSync(join(tmpdir(), "talent-storage-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const store = new FolderStore({ dir, publicUrl: "http://localhost:4000/", secret: "test-secret" });

  it("signs links to the local server under /storage/ that verify only with every parameter unchanged and before expiry", async () => {
    const link = await store.signUpload("photos/abc", { contentType: "image/png", maxBytes: 10, expiresInSeconds: 60 });
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe("http://localhost:4000/storage/photos/abc");
    expect(store.verify("PUT", url.pathname, url.searchParams)).toMatchObject({ ok: true, key: "photos/abc" });
    // The same link for another method, with another size or type, or by another secret does not verify.
    expect(store.verify("GET", url.pathname, url.searchParams)).toMatchObject({ ok: false, status: 403 });
    for (const [name, value] of [
      ["max", "11"],
      ["type", "image/gif"],
      ["expires", String(Number(url.searchParams.get("expires")) + 60)],
    ] as const) {
      const changed = new URLSearchParams(url.searchParams);
      changed.set(name, value);
      expect(store.verify("PUT", url.pathname, changed), name).toMatchObject({ ok: false, status: 403 });
    }
    const other = new FolderStore({ dir, publicUrl: "http://localhost:4000", secret: "another-secret" });
    expect(other.verify("PUT", url.pathname, url.searchParams)).toMatchObject({ ok: false, status: 403 });
    const later = new FolderStore({ dir, publicUrl: "http://localhost:4000", secret: "test-secret", now: () => new Date(Date.now() + 61_000) });
    expect(later.verify("PUT", url.pathname, url.searchParams)).toMatchObject({ ok: false, status: 403, message: "The link has expired" });
  });

  it("keeps objects inside its folder: a key with dots, capitals or a leading slash is refused", async () => {
    for (const key of ["../x", "documents/../../x", "/etc/passwd", "Documents/x", "documents/x.pdf", ""]) {
      await expect(store.signUpload(key, { contentType: "image/png", maxBytes: 1, expiresInSeconds: 60 }), key).rejects.toThrow();
      await expect(store.head(key), key).rejects.toThrow();
    }
    expect(store.verify("GET", "/storage/..%2F..%2Fetc%2Fpasswd", new URLSearchParams())).toMatchObject({ ok: false, status: 404 });
  });

  it("stops a chunked upload (no content length) once it passes the signed size, keeping no partial file", async () => {
    const http = createServer((req, res) => void store.serve(req, res, new URL(req.url ?? "/", "http://localhost")));
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const { port } = http.address() as AddressInfo;
    try {
      const send = async (chunks: Buffer[]) => {
        const link = await store.signUpload("documents/chunked", { contentType: "application/pdf", maxBytes: 1000, expiresInSeconds: 60 });
        const url = new URL(link.url);
        return new Promise<number>((resolve, reject) => {
          const req = request(
            { host: "127.0.0.1", port, method: "PUT", path: `${url.pathname}${url.search}`, headers: { "content-type": "application/pdf", "transfer-encoding": "chunked" } },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on("error", reject);
          for (const chunk of chunks) req.write(chunk);
          req.end();
        });
      };
      expect(await send([Buffer.alloc(600), Buffer.alloc(600)])).toBe(413);
      expect(await store.head("documents/chunked")).toBeNull();
      expect(readdirSync(join(dir, "documents"))).toEqual([]);
      expect(await send([Buffer.alloc(600), Buffer.alloc(400)])).toBe(200);
      expect(await store.head("documents/chunked")).toEqual({ size: 1000 });
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  });

  it("heads a missing object as null", async () => {
    expect(await store.head("documents/none")).toBeNull();
  });
});

describe("objectStoreFromEnv", () => {
  it("uses the bucket when STORAGE_BUCKET is set, in the stage's region", async () => {
    const store = objectStoreFromEnv({ STORAGE_BUCKET: "talent-api-production-storage", AWS_REGION: "eu-west-1" });
    expect(store).toBeInstanceOf(S3Store);
    expect((store as S3Store).bucket).toBe("talent-api-production-storage");
    // The client is made on first use (the SDK loads then), once: its region is the stage's.
    const made = await (store as S3Store).client();
    expect(await made.config.region()).toBe("eu-west-1");
    expect(await (store as S3Store).client()).toBe(made);
  });

  it("uses a folder otherwise, signing for PUBLIC_URL", async () => {
    const store = objectStoreFromEnv({ STORAGE_DIR: "/tmp/talent-storage-env", PUBLIC_URL: "https://api.example.org" });
    expect(store).toBeInstanceOf(FolderStore);
    expect((store as FolderStore).dir).toBe("/tmp/talent-storage-env");
    expect((await store.signDownload("documents/a", { filename: "a.pdf", contentType: "application/pdf", expiresInSeconds: 60 })).url).toMatch(
      /^https:\/\/api\.example\.org\/storage\/documents\/a\?/,
    );
  });

  it("refuses to sign with the development secret in production", async () => {
    const store = objectStoreFromEnv({ NODE_ENV: "production", STORAGE_DIR: "/tmp/talent-storage-env" });
    await expect(store.signDownload("documents/a", { filename: "a.pdf", contentType: "application/pdf", expiresInSeconds: 60 })).rejects.toThrow(/STORAGE_SIGNING_SECRET/);
    const configured = objectStoreFromEnv({ NODE_ENV: "production", STORAGE_DIR: "/tmp/talent-storage-env", STORAGE_SIGNING_SECRET: "s3cret" });
    await expect(configured.signDownload("documents/a", { filename: "a.pdf", contentType: "application/pdf", expiresInSeconds: 60 })).resolves.toMatchObject({ method: "GET" });
  });
});

// Object storage for uploaded files (documents, profile photos): an S3 bucket per stage on AWS, a
// folder under the data directory locally. The API never streams a file through GraphQL: it hands
// out short-lived signed upload and download links, and checks the uploaded bytes afterwards.
// Which store runs is configuration (objectStoreFromEnv); services only see the ObjectStore interface.
//
// Placeholder: the storage helper implements the folder store (with its own signed links served by
// the local server) and the S3 store (@aws-sdk/s3-request-presigner) here.

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

/** The stage's store: S3 when STORAGE_BUCKET is set, else a folder (STORAGE_DIR, default .data/storage). */
export function objectStoreFromEnv(_env: NodeJS.ProcessEnv = process.env): ObjectStore {
  const missing = async (): Promise<never> => {
    throw new Error("object store not implemented");
  };
  return { signUpload: missing, signDownload: missing, head: missing, readStart: missing, delete: missing };
}

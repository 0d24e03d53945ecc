// Object storage of the stage: one private S3 bucket for the platform's uploaded files (documents,
// profile photos). Nothing in it is public: browsers reach objects only through short-lived
// presigned links the API signs (schema/shared/storage.ts, S3Store), so the bucket's CORS allows
// those PUTs and GETs from the stage's origins. Objects are encrypted at rest (SSE-S3, with a
// bucket key), and production keeps old versions and keeps the bucket on `sst remove` (the app's
// removal is "retain" and the stage is protected there, sst.config.ts).

const production = $app.stage === "production";
const origins = (process.env.CORS_ORIGINS?.trim() ?? "")
  .split(",")
  .map((origin) => origin.trim())
  .filter(Boolean);

export const storage = new sst.aws.Bucket("Storage", {
  // Private: no public or CloudFront statement in its policy.
  versioning: production,
  enforceHttps: true,
  cors: {
    allowOrigins: origins.length ? origins : production ? [] : ["*"],
    allowMethods: ["GET", "PUT"],
    allowHeaders: ["content-type"],
    maxAge: "3600 seconds",
  },
});

export const storageEncryption = new aws.s3.BucketServerSideEncryptionConfigurationV2("StorageEncryption", {
  bucket: storage.name,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }],
});

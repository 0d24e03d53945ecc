// Object storage of the stage: one private S3 bucket for the platform's uploaded files (documents,
// profile photos). Nothing in it is public: browsers reach objects only through short-lived
// presigned links the API signs (schema/shared/storage.ts, S3Store), so the bucket's CORS allows
// those PUTs and GETs from the stage's origins. Objects are encrypted at rest (SSE-S3, with a
// bucket key), and production keeps old versions and keeps the bucket on `sst remove` (the app's
// removal is "retain" and the stage is protected there, sst.config.ts).

// SST's Bucket and Pulumi's encryption resource, declared as narrowly as infra/sst-globals.d.ts
// declares the rest (until they move there).
declare global {
  namespace sst.aws {
    interface BucketArgs {
      access?: "public" | "cloudfront";
      versioning?: SstInput<boolean>;
      enforceHttps?: SstInput<boolean>;
      cors?:
        | false
        | {
            allowOrigins?: string[];
            allowMethods?: ("DELETE" | "GET" | "HEAD" | "POST" | "PUT")[];
            allowHeaders?: string[];
            exposeHeaders?: string[];
            maxAge?: SstDuration;
          };
    }
    class Bucket implements SstResource {
      constructor(name: string, args?: BucketArgs, opts?: SstResourceOptions);
      readonly urn: SstOutput<string>;
      readonly name: SstOutput<string>;
      readonly arn: SstOutput<string>;
    }
  }
  namespace aws.s3 {
    interface BucketServerSideEncryptionConfigurationV2Args {
      bucket: SstInput<string>;
      rules: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" | "aws:kms" }; bucketKeyEnabled?: boolean }[];
    }
    class BucketServerSideEncryptionConfigurationV2 implements SstResource {
      constructor(name: string, args: BucketServerSideEncryptionConfigurationV2Args, opts?: SstResourceOptions);
      readonly urn: SstOutput<string>;
    }
  }
}

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

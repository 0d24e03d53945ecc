// Evaluates infra/storage.ts for each stage with SST's globals replaced by recording fakes: one
// private, encrypted bucket per stage, versioned in production, whose CORS allows only the
// presigned PUTs and GETs from the stage's origins.
import { afterEach, describe, expect, it, vi } from "vitest";

interface Created {
  type: string;
  name: string;
  args: any;
}

let created: Created[] = [];

class FakeBucket {
  readonly urn: string;
  readonly name: string;
  readonly arn: string;
  constructor(
    logicalName: string,
    readonly args?: unknown,
  ) {
    this.urn = `urn:sst.aws.Bucket:${logicalName}`;
    this.name = `bucket-name:${logicalName}`;
    this.arn = `arn:bucket:${logicalName}`;
    created.push({ type: "sst.aws.Bucket", name: logicalName, args });
  }
}

class FakeEncryption {
  readonly urn: string;
  constructor(logicalName: string, args: unknown) {
    this.urn = `urn:encryption:${logicalName}`;
    created.push({ type: "aws.s3.BucketServerSideEncryptionConfigurationV2", name: logicalName, args });
  }
}

async function deploy(stage: string, env: Record<string, string> = {}) {
  created = [];
  vi.resetModules();
  vi.stubGlobal("sst", { aws: { Bucket: FakeBucket } });
  vi.stubGlobal("aws", { s3: { BucketServerSideEncryptionConfigurationV2: FakeEncryption } });
  vi.stubGlobal("$app", { name: "talent-api", stage, removal: stage === "production" ? "retain" : "remove", protect: stage === "production" });
  vi.stubEnv("CORS_ORIGINS", undefined);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return import("../../infra/storage.js");
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe.each(["dev", "pr-42", "production"])("stage %s", (stage) => {
  it("declares one private bucket, encrypted at rest with SSE-S3, and exports it", async () => {
    const { storage } = await deploy(stage);
    expect(created.map((c) => `${c.type} ${c.name}`)).toEqual(["sst.aws.Bucket Storage", "aws.s3.BucketServerSideEncryptionConfigurationV2 StorageEncryption"]);
    const bucket = created[0]!;
    expect(bucket.args.access).toBeUndefined();
    expect(bucket.args.enforceHttps).toBe(true);
    expect(created[1]!.args).toEqual({
      bucket: (storage as unknown as FakeBucket).name,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }],
    });
  });

  it("keeps old versions in production only", async () => {
    await deploy(stage);
    expect(created[0]!.args.versioning).toBe(stage === "production");
  });

  it("lets browsers PUT and GET through presigned links from the stage's origins only", async () => {
    await deploy(stage, { CORS_ORIGINS: "https://talent.example, https://admin.talent.example" });
    expect(created[0]!.args.cors).toMatchObject({
      allowOrigins: ["https://talent.example", "https://admin.talent.example"],
      allowMethods: ["GET", "PUT"],
      allowHeaders: ["content-type"],
    });
  });

  it("allows no origin in production when none is configured, any in a development stage", async () => {
    await deploy(stage);
    expect(created[0]!.args.cors.allowOrigins).toEqual(stage === "production" ? [] : ["*"]);
  });
});

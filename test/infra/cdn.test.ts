// infra/cdn.ts evaluated for each stage with SST's globals replaced by recording fakes: what the
// CloudFront distribution in front of the API caches, keys on and forwards. No AWS involved.
import { afterEach, describe, expect, it, vi } from "vitest";

interface Created {
  type: string;
  name: string;
  args: unknown;
}

let created: Created[] = [];

/** A deploy-time value: `apply` runs at once on the known value, as Pulumi does once it is resolved. */
class FakeOutput<T> {
  constructor(readonly value: T) {}
  apply<U>(fn: (value: T) => U): FakeOutput<U> {
    return new FakeOutput(fn(this.value));
  }
}

class FakeCachePolicy {
  readonly urn = "urn:aws.cloudfront.CachePolicy:ApiCachePolicy";
  readonly id = "cache-policy-id";
  constructor(
    name: string,
    readonly args: aws.cloudfront.CachePolicyArgs,
  ) {
    created.push({ type: "aws.cloudfront.CachePolicy", name, args });
  }
}

class FakeCdn {
  readonly urn = "urn:sst.aws.Cdn:ApiCdn";
  readonly url = "https://d123.cloudfront.example";
  constructor(
    name: string,
    readonly args: sst.aws.CdnArgs,
  ) {
    created.push({ type: "sst.aws.Cdn", name, args });
  }
}

const API_URL = "https://abc123.execute-api.eu-west-1.amazonaws.com";

async function cdnFor(stage: string): Promise<{ cdn: FakeCdn | null; policy: FakeCachePolicy | undefined }> {
  created = [];
  vi.resetModules();
  vi.stubGlobal("$app", { name: "talent-api", stage, removal: "remove", protect: false });
  vi.stubGlobal("sst", { aws: { Cdn: FakeCdn } });
  vi.stubGlobal("aws", { cloudfront: { CachePolicy: FakeCachePolicy } });
  const { apiCdn } = await import("../../infra/cdn.js");
  const cdn = apiCdn(new FakeOutput(API_URL) as unknown as SstOutput<string>) as unknown as FakeCdn | null;
  const policyArgs = created.find((c) => c.type === "aws.cloudfront.CachePolicy");
  return { cdn, policy: policyArgs ? ({ args: policyArgs.args } as FakeCachePolicy) : undefined };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the CDN in front of the API", () => {
  it("exists in production only", async () => {
    for (const stage of ["dev", "pr-42"]) {
      const { cdn } = await cdnFor(stage);
      expect(cdn, stage).toBeNull();
      expect(created, stage).toEqual([]);
    }
    const { cdn } = await cdnFor("production");
    expect(cdn).not.toBeNull();
    expect(created.map((c) => `${c.type} ${c.name}`)).toEqual(["aws.cloudfront.CachePolicy ApiCachePolicy", "sst.aws.Cdn ApiCdn"]);
  });

  it("has the API Gateway as its one origin, over HTTPS, addressed by its host", async () => {
    const { cdn } = await cdnFor("production");
    const origins = cdn!.args.origins as aws.cloudfront.DistributionOrigin[];
    expect(origins).toHaveLength(1);
    expect((origins[0]!.domainName as unknown as FakeOutput<string>).value).toBe("abc123.execute-api.eu-west-1.amazonaws.com");
    expect(origins[0]!.customOriginConfig).toMatchObject({ originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.2"] });
    const behaviour = cdn!.args.defaultCacheBehavior as aws.cloudfront.DistributionDefaultCacheBehavior;
    expect(behaviour.targetOriginId).toBe(origins[0]!.originId);
    // A redirect to HTTPS would turn a POST into a GET.
    expect(behaviour.viewerProtocolPolicy).toBe("https-only");
  });

  it("lets every method reach the API (POST, OPTIONS for CORS) and caches only GET and HEAD", async () => {
    const { cdn } = await cdnFor("production");
    const behaviour = cdn!.args.defaultCacheBehavior as aws.cloudfront.DistributionDefaultCacheBehavior;
    expect([...behaviour.allowedMethods].sort()).toEqual(["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]);
    expect([...behaviour.cachedMethods].sort()).toEqual(["GET", "HEAD"]);
  });

  it("keeps an answer only as long as the API's Cache-Control says, and nothing that says nothing", async () => {
    const { cdn, policy } = await cdnFor("production");
    expect(policy!.args).toMatchObject({ minTtl: 0, defaultTtl: 0 });
    expect(policy!.args.maxTtl).toBeGreaterThanOrEqual(300);
    const behaviour = cdn!.args.defaultCacheBehavior as aws.cloudfront.DistributionDefaultCacheBehavior;
    expect(behaviour.cachePolicyId).toBe("cache-policy-id");
  });

  it("keys the cache on the query string, the token, the language and the origin, and no cookie", async () => {
    const { policy } = await cdnFor("production");
    const key = policy!.args.parametersInCacheKeyAndForwardedToOrigin;
    expect(key.queryStringsConfig.queryStringBehavior).toBe("all");
    expect(key.headersConfig.headerBehavior).toBe("whitelist");
    expect([...(key.headersConfig.headers?.items ?? [])].map((h) => h.toLowerCase()).sort()).toEqual(["accept-language", "authorization", "origin"]);
    expect(key.cookiesConfig.cookieBehavior).toBe("none");
  });

  it("forwards every viewer header but Host (Origin for CORS, the CSRF-prevention header), as AWS's managed policy does", async () => {
    const { cdn } = await cdnFor("production");
    const behaviour = cdn!.args.defaultCacheBehavior as aws.cloudfront.DistributionDefaultCacheBehavior;
    // AWS's managed "AllViewerExceptHostHeader": API Gateway must receive its own Host.
    expect(behaviour.originRequestPolicyId).toBe("b689b0a8-53d0-40ab-baf2-68738e2966ac");
  });
});

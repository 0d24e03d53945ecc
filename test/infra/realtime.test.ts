// infra/realtime.ts evaluated with SST's globals replaced by recording fakes (as infra.test.ts
// does): per stage, a WebSocket API whose three routes run functions/realtime.ts, linked to the
// database and to the API itself (for the management endpoint), and a dispatcher every minute.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

interface Made {
  type: string;
  name: string;
  args: unknown;
  opts?: unknown;
  routes?: { route: string; handler: unknown }[];
}
let made: Made[] = [];

class Fake {
  readonly urn: string;
  constructor(type: string, name: string, args?: unknown, opts?: unknown, extra: Partial<Made> = {}) {
    this.urn = `urn:${type}:${name}`;
    made.push({ type, name, args, opts, ...extra });
  }
}
class FakeSecret extends Fake {
  readonly value: string;
  constructor(readonly name: string) {
    super("sst.Secret", name);
    this.value = `secret:${name}`;
  }
}
class FakeFunction extends Fake {
  readonly arn: string;
  readonly name: string;
  constructor(name: string, args: unknown, opts?: unknown) {
    super("sst.aws.Function", name, args, opts);
    this.arn = `arn:${name}`;
    this.name = `function-name:${name}`;
  }
}
class FakeApiGatewayV2 extends Fake {
  // An Output as infra/cdn.ts uses it (`.apply`), stringified by $interpolate.
  readonly url = { apply: <U>(fn: (value: string) => U) => fn("https://api.example"), toString: () => "https://api.example" };
  constructor(name: string, args?: unknown) {
    super("sst.aws.ApiGatewayV2", name, args);
  }
  route() {
    return { urn: "urn:route" };
  }
}
class FakeWebSocket extends Fake {
  readonly url: string;
  readonly managementEndpoint: string;
  readonly routes: { route: string; handler: unknown }[] = [];
  constructor(name: string, args?: unknown) {
    const routes: { route: string; handler: unknown }[] = [];
    super("sst.aws.ApiGatewayWebSocket", name, args, undefined, { routes });
    this.routes = routes;
    this.url = `wss://${name}.execute-api.example/${"$default"}`;
    this.managementEndpoint = `https://${name}.execute-api.example/management`;
  }
  route(route: string, handler: unknown) {
    this.routes.push({ route, handler });
    return { urn: `urn:ws-route:${route}` };
  }
}
/** The resources this test does not look at (mail, storage, the CDN): made, not checked. */
class FakeOther extends Fake {
  readonly name: string;
  constructor(name: string, args?: unknown) {
    super("other", name, args);
    this.name = `name:${name}`;
  }
}
class FakeCron extends Fake {
  constructor(name: string, args: unknown, opts?: unknown) {
    super("sst.aws.Cron", name, args, opts);
  }
}
class FakeInvocation extends Fake {
  constructor(name: string, args: unknown) {
    super("aws.lambda.Invocation", name, args);
  }
}

async function deploy(stage: string) {
  made = [];
  vi.resetModules();
  vi.stubGlobal("$config", (config: SstConfig) => config);
  vi.stubGlobal("$interpolate", (literals: TemplateStringsArray, ...values: unknown[]) =>
    literals.reduce((out, literal, i) => out + literal + (i < values.length ? String(values[i]) : ""), ""),
  );
  vi.stubGlobal("sst", {
    Secret: FakeSecret,
    aws: { Function: FakeFunction, ApiGatewayV2: FakeApiGatewayV2, ApiGatewayWebSocket: FakeWebSocket, Cron: FakeCron, Email: FakeOther, Bucket: FakeOther, Cdn: FakeOther },
  });
  vi.stubGlobal("aws", {
    lambda: { Invocation: FakeInvocation },
    s3: { BucketServerSideEncryptionConfigurationV2: FakeOther },
    cloudfront: { CachePolicy: FakeOther },
  });
  vi.stubEnv("MAIL_FROM", stage === "production" ? "no-reply@talent.example.be" : undefined);
  vi.stubGlobal("$app", { name: "talent-api", stage, removal: "remove", protect: false });
  const { default: config } = await import("../../sst.config.js");
  config.app({ stage });
  return config.run();
}

describe.each(["dev", "pr-42", "production"])("stage %s", (stage) => {
  let outputs: Awaited<ReturnType<typeof deploy>>;
  beforeAll(async () => {
    outputs = await deploy(stage);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  const socket = () => {
    const apis = made.filter((m) => m.type === "sst.aws.ApiGatewayWebSocket");
    expect(apis).toHaveLength(1);
    return apis[0]!;
  };

  it("declares one WebSocket API with $connect, $disconnect and $default on functions/realtime.ts, and outputs its URL", () => {
    const api = socket();
    expect(api.name).toBe("RealtimeApi");
    const routes = Object.fromEntries(api.routes!.map((r) => [r.route, (r.handler as sst.aws.FunctionArgs).handler]));
    expect(routes).toEqual({ $connect: "functions/realtime.connect", $disconnect: "functions/realtime.disconnect", $default: "functions/realtime.message" });
    expect((outputs as Record<string, unknown>).realtime).toBe("wss://RealtimeApi.execute-api.example/$default");
  });

  it("gives every route the database, the auth settings, the management endpoint and a link to the API", () => {
    for (const { handler } of socket().routes!) {
      const args = handler as sst.aws.FunctionArgs;
      expect(args.environment).toMatchObject({
        STAGE: stage,
        DATABASE_DRIVER: "neon",
        DATABASE_URL: "secret:DatabaseUrl",
        AUTH_JWKS_URL: "secret:AuthJwksUrl",
        AUTH_ISSUER: "secret:AuthIssuer",
        REALTIME_ENDPOINT: "https://RealtimeApi.execute-api.example/management",
      });
      expect(args.link?.map((l) => (l as unknown as { urn: string }).urn)).toEqual(
        expect.arrayContaining(["urn:sst.Secret:DatabaseUrl", "urn:sst.aws.ApiGatewayWebSocket:RealtimeApi"]),
      );
    }
  });

  it("runs the dispatcher every minute for under a minute, linked to the database and the API, after the migrations", () => {
    const cron = made.find((m) => m.type === "sst.aws.Cron" && m.name === "RealtimeDispatcher");
    expect(cron).toBeDefined();
    const args = cron!.args as sst.aws.CronArgs;
    expect(args.schedule).toBe("rate(1 minute)");
    const fn = args.function as sst.aws.FunctionArgs;
    expect(fn.handler).toBe("functions/realtime.dispatch");
    expect(fn.timeout).toBe("60 seconds");
    expect(fn.environment?.REALTIME_ENDPOINT).toBe("https://RealtimeApi.execute-api.example/management");
    expect(fn.link?.map((l) => (l as unknown as { urn: string }).urn)).toEqual(
      expect.arrayContaining(["urn:sst.Secret:DatabaseUrl", "urn:sst.aws.ApiGatewayWebSocket:RealtimeApi"]),
    );
    expect((cron!.opts as { dependsOn: { urn: string }[] }).dependsOn.map((d) => d.urn)).toContain("urn:aws.lambda.Invocation:MigrateOnDeploy");
  });
});

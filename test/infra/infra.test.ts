// Evaluates sst.config.ts and infra/* for each stage with SST's globals replaced by recording
// fakes, and checks what each stage would deploy. No AWS, Pulumi or SST CLI involved.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { lambdaNodejs } from "../../infra/lambda-build.js";

interface Created {
  type: string;
  name: string;
  args: unknown;
  instance: object;
}

let created: Created[] = [];

// Plain marker strings stand in for deploy-time Outputs, so the test can see which value went where.
class FakeSecret {
  readonly urn: string;
  readonly value: string;
  constructor(readonly name: string) {
    this.urn = `urn:sst.Secret:${name}`;
    this.value = `secret:${name}`;
    created.push({ type: "sst.Secret", name, args: undefined, instance: this });
  }
}

class FakeFunction {
  readonly urn: string;
  readonly arn: string;
  readonly name: string;
  readonly url: string;
  constructor(
    logicalName: string,
    readonly args: sst.aws.FunctionArgs,
    readonly opts?: SstResourceOptions,
  ) {
    this.urn = `urn:sst.aws.Function:${logicalName}`;
    this.arn = `arn:${logicalName}`;
    this.name = `function-name:${logicalName}`;
    this.url = `https://${logicalName}.lambda.example`;
    created.push({ type: "sst.aws.Function", name: logicalName, args, instance: this });
  }
}

/** An Output of a string as infra code uses it: `.apply` maps it, `$interpolate` stringifies it. */
class FakeOutput {
  constructor(readonly value: string) {}
  apply<U>(fn: (value: string) => U): U {
    return fn(this.value);
  }
  toString(): string {
    return this.value;
  }
}

class FakeApiGatewayV2 {
  readonly urn: string;
  readonly url: FakeOutput;
  readonly routes: { route: string; handler: SstInput<string> | sst.aws.FunctionArgs }[] = [];
  constructor(
    logicalName: string,
    readonly args?: sst.aws.ApiGatewayV2Args,
  ) {
    this.urn = `urn:sst.aws.ApiGatewayV2:${logicalName}`;
    this.url = new FakeOutput(`https://${logicalName}.execute-api.example`);
    created.push({ type: "sst.aws.ApiGatewayV2", name: logicalName, args, instance: this });
  }
  route(route: string, handler: SstInput<string> | sst.aws.FunctionArgs): { urn: string } {
    this.routes.push({ route, handler });
    return { urn: `urn:route:${route}` };
  }
}

class FakeApiGatewayWebSocket {
  readonly urn: string;
  readonly url: string;
  readonly managementEndpoint: string;
  readonly routes: { route: string; handler: unknown }[] = [];
  constructor(
    logicalName: string,
    readonly args?: unknown,
  ) {
    this.urn = `urn:sst.aws.ApiGatewayWebSocket:${logicalName}`;
    this.url = `wss://${logicalName}.execute-api.example`;
    this.managementEndpoint = `https://${logicalName}.execute-api.example/management`;
    created.push({ type: "sst.aws.ApiGatewayWebSocket", name: logicalName, args, instance: this });
  }
  route(route: string, handler: unknown): { urn: string } {
    this.routes.push({ route, handler });
    return { urn: `urn:ws-route:${route}` };
  }
}

class FakeEmail {
  readonly urn: string;
  readonly sender: string;
  constructor(
    logicalName: string,
    readonly args: sst.aws.EmailArgs,
  ) {
    this.urn = `urn:sst.aws.Email:${logicalName}`;
    this.sender = String(args.sender);
    created.push({ type: "sst.aws.Email", name: logicalName, args, instance: this });
  }
}

class FakeBucket {
  readonly urn: string;
  readonly name: string;
  readonly arn: string;
  constructor(
    logicalName: string,
    readonly args?: sst.aws.BucketArgs,
  ) {
    this.urn = `urn:sst.aws.Bucket:${logicalName}`;
    this.name = `bucket-name:${logicalName}`;
    this.arn = `arn:bucket:${logicalName}`;
    created.push({ type: "sst.aws.Bucket", name: logicalName, args, instance: this });
  }
}

class FakeBucketEncryption {
  readonly urn: string;
  constructor(
    logicalName: string,
    readonly args: aws.s3.BucketServerSideEncryptionConfigurationV2Args,
  ) {
    this.urn = `urn:aws.s3.BucketServerSideEncryptionConfigurationV2:${logicalName}`;
    created.push({ type: "aws.s3.BucketServerSideEncryptionConfigurationV2", name: logicalName, args, instance: this });
  }
}

class FakeCron {
  readonly urn: string;
  constructor(
    logicalName: string,
    readonly args: sst.aws.CronArgs,
    readonly opts?: SstResourceOptions,
  ) {
    this.urn = `urn:sst.aws.Cron:${logicalName}`;
    created.push({ type: "sst.aws.Cron", name: logicalName, args, instance: this });
  }
}

class FakeInvocation {
  readonly urn: string;
  constructor(
    logicalName: string,
    readonly args: aws.lambda.InvocationArgs,
  ) {
    this.urn = `urn:aws.lambda.Invocation:${logicalName}`;
    created.push({ type: "aws.lambda.Invocation", name: logicalName, args, instance: this });
  }
}

/** The one fake of class `cls` declared under the logical name `name`. */
function only<T>(cls: new (...args: never[]) => T, name: string): T {
  const matches = created
    .filter((c) => c.name === name)
    .map((c) => c.instance)
    .filter((i): i is T & object => i instanceof cls);
  expect(matches, `exactly one ${cls.name} named ${name}`).toHaveLength(1);
  const [one] = matches;
  if (!one) throw new Error(`no ${cls.name} named ${name}`);
  return one;
}

class FakeCachePolicy {
  readonly urn: string;
  readonly id: string;
  constructor(
    name: string,
    readonly args: aws.cloudfront.CachePolicyArgs,
  ) {
    this.urn = `urn:aws.cloudfront.CachePolicy:${name}`;
    this.id = `cache-policy:${name}`;
    created.push({ type: "aws.cloudfront.CachePolicy", name, args, instance: this });
  }
}

class FakeCdn {
  readonly urn: string;
  readonly url: string;
  constructor(
    name: string,
    readonly args: sst.aws.CdnArgs,
  ) {
    this.urn = `urn:sst.aws.Cdn:${name}`;
    this.url = `https://${name}.cloudfront.example`;
    created.push({ type: "sst.aws.Cdn", name, args, instance: this });
  }
}

function stubSstGlobals(stage: string): void {
  vi.stubGlobal("$config", (config: SstConfig) => config);
  vi.stubGlobal("$interpolate", (literals: TemplateStringsArray, ...values: unknown[]) =>
    literals.reduce((out, literal, i) => out + literal + (i < values.length ? String(values[i]) : ""), ""),
  );
  vi.stubGlobal("sst", {
    Secret: FakeSecret,
    aws: {
      Function: FakeFunction,
      ApiGatewayV2: FakeApiGatewayV2,
      ApiGatewayWebSocket: FakeApiGatewayWebSocket,
      Cron: FakeCron,
      Email: FakeEmail,
      Bucket: FakeBucket,
      Cdn: FakeCdn,
    },
  });
  vi.stubGlobal("aws", {
    lambda: { Invocation: FakeInvocation },
    s3: { BucketServerSideEncryptionConfigurationV2: FakeBucketEncryption },
    cloudfront: { CachePolicy: FakeCachePolicy },
  });
  // Replaced by app()'s answer before run(), as SST does.
  vi.stubGlobal("$app", { name: "unset", stage, removal: "remove", protect: false });
}

const stages = ["dev", "pr-42", "production"] as const;
const PRODUCTION_MAIL_FROM = "Talent API <no-reply@talent.example.be>";

/** Evaluates the app for `stage` as `sst deploy --stage <stage>` would, with `env` in the deploy's environment. */
async function deploy(stage: string, env: Record<string, string> = {}): Promise<{ app: SstApp; outputs: Record<string, SstInput<string>> | void }> {
  created = [];
  // Infra modules declare resources when first imported: re-evaluate them for this stage.
  vi.resetModules();
  stubSstGlobals(stage);
  vi.stubEnv("CORS_ORIGINS", undefined);
  vi.stubEnv("PUBLIC_URL", undefined);
  // Production must name the sender of its mail (infra/mail.ts); other stages may leave it out.
  vi.stubEnv("MAIL_FROM", stage === "production" ? PRODUCTION_MAIL_FROM : undefined);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { default: config } = await import("../../sst.config.js");
  const app = config.app({ stage });
  vi.stubGlobal("$app", {
    name: app.name,
    stage,
    removal: app.removal ?? "retain",
    protect: app.protect ?? false,
  });
  return { app, outputs: await config.run() };
}

describe.each(stages)("stage %s", (stage) => {
  let app: SstApp;
  let outputs: Record<string, SstInput<string>> | void;

  beforeAll(async () => {
    ({ app, outputs } = await deploy(stage));
  });

  afterAll(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it("names the app and deploys it to eu-west-1 on AWS", () => {
    expect(app.name).toBe("talent-api");
    expect(app.home).toBe("aws");
    expect(app.providers?.aws?.region).toBe("eu-west-1");
  });

  it("protects and retains production only", () => {
    const production = stage === "production";
    expect(app.removal).toBe(production ? "retain" : "remove");
    expect(app.protect).toBe(production);
  });

  it("declares the same resources under the same names in every stage", () => {
    expect(created.map((c) => `${c.type} ${c.name}`)).toEqual([
      "sst.Secret DatabaseUrl",
      "sst.Secret AuthJwksUrl",
      "sst.Secret AuthIssuer",
      "sst.Secret WebhookSecretKey",
      "sst.Secret MentorLinkSecret",
      "sst.aws.Function Migrator",
      "aws.lambda.Invocation MigrateOnDeploy",
      "sst.aws.Bucket Storage",
      "aws.s3.BucketServerSideEncryptionConfigurationV2 StorageEncryption",
      ...(stage === "production" ? ["sst.aws.Email Email"] : []),
      "sst.aws.Function GraphqlFunction",
      "sst.aws.ApiGatewayV2 Api",
      // Production's public reads go through a CDN (infra/cdn.ts, test/infra/cdn.test.ts).
      ...(stage === "production" ? ["aws.cloudfront.CachePolicy ApiCachePolicy", "sst.aws.Cdn ApiCdn"] : []),
      "sst.aws.Cron WebhookDispatcher",
      "sst.aws.ApiGatewayWebSocket RealtimeApi",
      "sst.aws.Cron RealtimeDispatcher",
    ]);
  });

  it("bundles every function with the options the bundle tests and the benchmark build with", () => {
    const fn = only(FakeFunction, "GraphqlFunction");
    expect(fn.args.nodejs).toEqual(lambdaNodejs);
    // Every other function too (the migrator, the dispatchers, the WebSocket routes): none carries PGlite.
    const functionArgs = created.flatMap(({ instance }) => {
      if (instance instanceof FakeFunction) return [instance.args];
      if (instance instanceof FakeCron) return [instance.args.function as sst.aws.FunctionArgs];
      if (instance instanceof FakeApiGatewayWebSocket) return instance.routes.map((r) => r.handler as sst.aws.FunctionArgs);
      return [];
    });
    expect(functionArgs.length).toBeGreaterThanOrEqual(7);
    for (const args of functionArgs) expect(args.nodejs, args.handler).toEqual(lambdaNodejs);
    expect(lambdaNodejs).toMatchObject({ format: "esm", minify: true, splitting: true, plugins: "infra/lambda-plugins.mjs" });
    // SST loads the plugins from that path, relative to sst.config.ts.
    expect(existsSync(lambdaNodejs.plugins)).toBe(true);
  });

  it("runs the GraphQL handler on Node 22 with the stage's secrets in its environment", () => {
    const fn = only(FakeFunction, "GraphqlFunction");
    expect(fn.args.handler).toBe("functions/graphql.handler");
    expect(fn.args.runtime).toBe("nodejs22.x");
    expect(fn.args.link).toEqual(
      expect.arrayContaining([
        only(FakeSecret, "DatabaseUrl"),
        only(FakeSecret, "AuthJwksUrl"),
        only(FakeSecret, "AuthIssuer"),
        only(FakeSecret, "MentorLinkSecret"),
        only(FakeBucket, "Storage"),
        ...(stage === "production" ? [only(FakeEmail, "Email")] : []),
      ]),
    );
    expect(fn.args.environment).toEqual({
      STAGE: stage,
      NODE_ENV: "production",
      DATABASE_DRIVER: "neon",
      DATABASE_URL: "secret:DatabaseUrl",
      AUTH_JWKS_URL: "secret:AuthJwksUrl",
      AUTH_ISSUER: "secret:AuthIssuer",
      MENTOR_LINK_SECRET: "secret:MentorLinkSecret",
      STORAGE_BUCKET: "bucket-name:Storage",
      // Mail through SES where the stage names a sender (production must); elsewhere into the function's /tmp.
      ...(stage === "production" ? { MAIL_DRIVER: "ses", MAIL_FROM: PRODUCTION_MAIL_FROM } : { MAIL_DRIVER: "folder", MAIL_DIR: "/tmp/mail" }),
    });
  });

  it("routes POST /graphql, GET /graphql, GET /health, the report downloads and their preflights to the GraphQL function", () => {
    const api = only(FakeApiGatewayV2, "Api");
    const fn = only(FakeFunction, "GraphqlFunction");
    expect(api.routes).toContainEqual({ route: "POST /graphql", handler: fn.arn });
    expect(api.routes.map((r) => r.route).sort()).toEqual([
      "GET /graphql",
      "GET /health",
      "GET /labolokaal/{proxy+}",
      "GET /mentoring/{proxy+}",
      "GET /reports/{proxy+}",
      "OPTIONS /graphql",
      "OPTIONS /reports/{proxy+}",
      "POST /graphql",
    ]);
    expect(api.routes.every((r) => r.handler === fn.arn)).toBe(true);
  });

  it("leaves CORS to the function: API Gateway's own, which would answer preflights and replace its headers, is off", () => {
    expect(only(FakeApiGatewayV2, "Api").args?.cors).toBe(false);
  });

  it("runs the webhook dispatcher every minute on Node 22, with the database and the webhook secret key, after the migrations", () => {
    const cron = only(FakeCron, "WebhookDispatcher");
    expect(cron.args.schedule).toBe("rate(1 minute)");
    const fn = cron.args.function as sst.aws.FunctionArgs;
    expect(fn.handler).toBe("functions/webhooks.handler");
    expect(fn.runtime).toBe("nodejs22.x");
    // It works ~50 s per run: the timeout leaves room for the last sends.
    expect(fn.timeout).toBe("60 seconds");
    expect(fn.link).toEqual([only(FakeSecret, "DatabaseUrl"), only(FakeSecret, "WebhookSecretKey")]);
    expect(fn.environment).toEqual({
      STAGE: stage,
      NODE_ENV: "production",
      DATABASE_DRIVER: "neon",
      DATABASE_URL: "secret:DatabaseUrl",
      WEBHOOK_SECRET_KEY: "secret:WebhookSecretKey",
    });
    expect(cron.opts?.dependsOn).toEqual([only(FakeInvocation, "MigrateOnDeploy")]);
  });

  it("migrates the stage's database on every deploy, before the API function is updated", () => {
    const migrator = only(FakeFunction, "Migrator");
    expect(migrator.args.handler).toBe("functions/migrate.handler");
    expect(migrator.args.runtime).toBe("nodejs22.x");
    expect(migrator.args.link).toContain(only(FakeSecret, "DatabaseUrl"));
    expect(migrator.args.environment).toMatchObject({
      STAGE: stage,
      DATABASE_DRIVER: "neon",
      DATABASE_URL: "secret:DatabaseUrl",
    });
    expect(migrator.args.copyFiles).toContainEqual({ from: "db/migrations", to: "db/migrations" });

    const invocation = only(FakeInvocation, "MigrateOnDeploy");
    expect(invocation.args.functionName).toBe(migrator.name);
    // A fresh input per deploy is what triggers a new invocation.
    expect(typeof invocation.args.input).toBe("string");
    expect(JSON.parse(String(invocation.args.input))).toEqual({ deployedAt: expect.any(Number) });

    const graphql = only(FakeFunction, "GraphqlFunction");
    expect(graphql.opts?.dependsOn).toContain(invocation);
  });

  it("outputs the API, GraphQL and realtime endpoint URLs, and production's CDN", () => {
    expect(Object.fromEntries(Object.entries(outputs ?? {}).map(([name, value]) => [name, String(value)]))).toEqual({
      api: "https://Api.execute-api.example",
      graphql: "https://Api.execute-api.example/graphql",
      ...(stage === "production" ? { cdn: "https://ApiCdn.cloudfront.example", graphqlCdn: "https://ApiCdn.cloudfront.example/graphql" } : {}),
      migrator: "function-name:Migrator",
      realtime: "wss://RealtimeApi.execute-api.example",
      storage: "bucket-name:Storage",
    });
  });
});

describe("CORS_ORIGINS at deploy time", () => {
  afterAll(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it("reaches the GraphQL function's environment as the stage's allowed origins", async () => {
    for (const stage of stages) {
      await deploy(stage, { CORS_ORIGINS: "https://app.example, https://admin.example" });
      expect(only(FakeFunction, "GraphqlFunction").args.environment).toMatchObject({ CORS_ORIGINS: "https://app.example, https://admin.example" });
    }
  });

  it("is left out when unset, so production allows no origin and other stages any", async () => {
    await deploy("production");
    expect(only(FakeFunction, "GraphqlFunction").args.environment).not.toHaveProperty("CORS_ORIGINS");
  });

  it("fails a production deploy without a mail sender, and not another stage's", async () => {
    await expect(deploy("production", { MAIL_FROM: "" })).rejects.toThrow(/MAIL_FROM/);
    await deploy("dev", { MAIL_FROM: "" });
    expect(only(FakeFunction, "GraphqlFunction").args.environment).toMatchObject({ MAIL_DRIVER: "folder" });
  });

  it("fails a production deploy that would allow every origin, and not another stage's", async () => {
    await expect(deploy("production", { CORS_ORIGINS: "https://app.example,*" })).rejects.toThrow(/CORS_ORIGINS/);
    await deploy("dev", { CORS_ORIGINS: "*" });
    expect(only(FakeFunction, "GraphqlFunction").args.environment).toMatchObject({ CORS_ORIGINS: "*" });
  });
});

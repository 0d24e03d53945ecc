// Ambient types for the SST/Pulumi globals that sst.config.ts and infra/*.ts use.
//
// Why this file exists: SST declares these globals in .sst/platform/config.d.ts, which only
// `sst install` / `sst dev` generate (and they download Pulumi and its providers). CI and
// developers without that step still typecheck the infrastructure against this file.
// It declares a narrow subset of the real API, each shape no wider than SST's own, so
// code that typechecks here also typechecks against the generated types.
//
// It never reaches a deploy: SST bundles sst.config.ts with esbuild, which strips types and
// does not read .d.ts files. It is a script (no import/export) so its declarations are global.

/** Pulumi's `Output<T>`: a value known only once the resource is deployed. */
interface SstOutput<T> {
  apply<U>(fn: (value: T) => SstInput<U>): SstOutput<U>;
}

/** Pulumi's `Input<T>`: a plain value, or one that is resolved at deploy time. */
type SstInput<T> = T | SstOutput<T> | Promise<T>;

/** Anything Pulumi can order other resources after (`dependsOn`). */
interface SstResource {
  readonly urn: SstOutput<string>;
}

/** The subset of Pulumi's resource options this project sets. */
interface SstResourceOptions {
  dependsOn?: SstResource | SstResource[];
}

type SstStage = string;

interface SstAppInput {
  stage: SstStage;
}

interface SstApp {
  name: string;
  home: "aws" | "cloudflare" | "local";
  /** `retain` keeps stateful resources on `sst remove`; `remove` deletes everything. */
  removal?: "remove" | "retain" | "retain-all";
  /** When true, `sst remove` refuses to run on the stage. */
  protect?: boolean;
  providers?: {
    aws?: { region?: string; profile?: string; version?: string };
  };
}

interface SstConfig {
  app(input: SstAppInput): SstApp;
  run(): Promise<Record<string, SstInput<string>> | void>;
}

declare function $config(config: SstConfig): SstConfig;

declare const $app: Readonly<{
  name: string;
  stage: SstStage;
  removal: "remove" | "retain" | "retain-all";
  protect: boolean;
}>;

declare function $interpolate(literals: TemplateStringsArray, ...placeholders: SstInput<unknown>[]): SstOutput<string>;

type SstDuration = `${number} ${"second" | "seconds" | "minute" | "minutes"}`;
type SstSize = `${number} ${"MB" | "GB"}`;

declare namespace sst {
  /** A value set per stage with `sst secret set NAME VALUE --stage STAGE`. */
  class Secret implements SstResource {
    constructor(name: string, placeholder?: SstInput<string>);
    readonly urn: SstOutput<string>;
    readonly name: SstOutput<string>;
    readonly value: SstOutput<string>;
  }

  /** What `link` accepts here; SST accepts any linkable component. */
  type Linkable = Secret | aws.Function | aws.ApiGatewayWebSocket | aws.Email | aws.Bucket;

  namespace aws {
    interface FunctionArgs {
      handler: string;
      runtime?: "nodejs18.x" | "nodejs20.x" | "nodejs22.x" | "nodejs24.x";
      memory?: SstSize;
      timeout?: SstDuration;
      link?: Linkable[];
      environment?: Record<string, SstInput<string>>;
      /** Files copied into the function package, `to` relative to the package root. */
      copyFiles?: { from: string; to?: string }[];
      description?: string;
    }

    class Function implements SstResource {
      constructor(name: string, args: FunctionArgs, opts?: SstResourceOptions);
      readonly urn: SstOutput<string>;
      readonly arn: SstOutput<string>;
      readonly name: SstOutput<string>;
      readonly url: SstOutput<string>;
    }

    interface CronArgs {
      /** `rate(1 minute)` or `cron(...)`, as EventBridge reads them. */
      schedule: `rate(${string})` | `cron(${string})`;
      /** The function to run: its handler, or its args. */
      function: string | FunctionArgs;
      enabled?: boolean;
    }

    /** A function run on a schedule by EventBridge. */
    class Cron implements SstResource {
      constructor(name: string, args: CronArgs, opts?: SstResourceOptions);
      readonly urn: SstOutput<string>;
    }

    interface ApiGatewayV2Args {
      cors?:
        | boolean
        | {
            allowOrigins?: string[];
            allowMethods?: ("GET" | "POST" | "OPTIONS" | "*")[];
            allowHeaders?: string[];
            maxAge?: SstDuration;
          };
    }

    class ApiGatewayV2LambdaRoute implements SstResource {
      readonly urn: SstOutput<string>;
    }

    /** A WebSocket API; linking it to a function grants execute-api:ManageConnections. */
    class ApiGatewayWebSocket implements SstResource {
      constructor(name: string, args?: Record<string, never>, opts?: SstResourceOptions);
      readonly urn: SstOutput<string>;
      /** wss://... of the stage. */
      readonly url: SstOutput<string>;
      /** https://... where PostToConnection and DeleteConnection are sent. */
      readonly managementEndpoint: SstOutput<string>;
      /** `route` is "$connect", "$disconnect", "$default" or a route key; `handler` a function ARN or the args of a new function. */
      route(route: string, handler: SstInput<string> | FunctionArgs): SstResource;
    }

    interface EmailArgs {
      /** An address or a domain to verify as an SES identity. */
      sender: SstInput<string>;
    }
    /** An SES identity (and configuration set); linking it lets a function send from it. */
    class Email implements SstResource {
      constructor(name: string, args: EmailArgs, opts?: SstResourceOptions);
      readonly urn: SstOutput<string>;
      readonly sender: SstOutput<string>;
    }

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
    /** An S3 bucket; linking it lets a function read and write its objects. */
    class Bucket implements SstResource {
      constructor(name: string, args?: BucketArgs, opts?: SstResourceOptions);
      readonly urn: SstOutput<string>;
      readonly name: SstOutput<string>;
      readonly arn: SstOutput<string>;
    }

    /** The CloudFront distribution's arguments that infra/cdn.ts sets (SST passes them to aws.cloudfront.Distribution). */
    interface CdnArgs {
      comment?: SstInput<string>;
      origins: SstInput<aws.cloudfront.DistributionOrigin[]>;
      defaultCacheBehavior: SstInput<aws.cloudfront.DistributionDefaultCacheBehavior>;
      /** Whether the deploy waits until CloudFront has spread the distribution (minutes); true by default. */
      wait?: SstInput<boolean>;
    }
    /** A CloudFront distribution. */
    class Cdn implements SstResource {
      constructor(name: string, args: CdnArgs, opts?: SstResourceOptions);
      readonly urn: SstOutput<string>;
      /** https://<id>.cloudfront.net */
      readonly url: SstOutput<string>;
    }

    class ApiGatewayV2 implements SstResource {
      constructor(name: string, args?: ApiGatewayV2Args, opts?: SstResourceOptions);
      readonly urn: SstOutput<string>;
      readonly url: SstOutput<string>;
      /** `rawRoute` is "METHOD /path"; `handler` a function ARN or the args of a new function. */
      route(rawRoute: string, handler: SstInput<string> | FunctionArgs): ApiGatewayV2LambdaRoute;
    }
  }
}

/** The @pulumi/aws provider, which SST exposes as the global `aws`. */
declare namespace aws {
  namespace cloudfront {
    type Method = "DELETE" | "GET" | "HEAD" | "OPTIONS" | "PATCH" | "POST" | "PUT";
    interface CachePolicyArgs {
      comment?: SstInput<string>;
      /** Seconds; CloudFront keeps an answer for the origin's max-age, bounded by minTtl and maxTtl, and for defaultTtl when the origin says nothing. */
      minTtl?: SstInput<number>;
      defaultTtl?: SstInput<number>;
      maxTtl?: SstInput<number>;
      /** What the cache key holds; CloudFront forwards all of it to the origin. */
      parametersInCacheKeyAndForwardedToOrigin: {
        cookiesConfig: { cookieBehavior: "none" | "whitelist" | "allExcept" | "all"; cookies?: { items?: string[] } };
        headersConfig: { headerBehavior: "none" | "whitelist"; headers?: { items?: string[] } };
        queryStringsConfig: { queryStringBehavior: "none" | "whitelist" | "allExcept" | "all"; queryStrings?: { items?: string[] } };
        enableAcceptEncodingGzip?: SstInput<boolean>;
        enableAcceptEncodingBrotli?: SstInput<boolean>;
      };
    }
    /** A cache policy: the cache key and the bounds of how long answers are kept. */
    class CachePolicy implements SstResource {
      constructor(name: string, args: CachePolicyArgs, opts?: SstResourceOptions);
      readonly urn: SstOutput<string>;
      readonly id: SstOutput<string>;
    }
    interface DistributionOrigin {
      originId: SstInput<string>;
      domainName: SstInput<string>;
      customOriginConfig?: {
        httpPort: number;
        httpsPort: number;
        originProtocolPolicy: "http-only" | "https-only" | "match-viewer";
        originSslProtocols: ("TLSv1" | "TLSv1.1" | "TLSv1.2" | "SSLv3")[];
        originReadTimeout?: number;
      };
    }
    interface DistributionDefaultCacheBehavior {
      targetOriginId: SstInput<string>;
      viewerProtocolPolicy: "allow-all" | "https-only" | "redirect-to-https";
      allowedMethods: Method[];
      cachedMethods: Method[];
      cachePolicyId?: SstInput<string>;
      originRequestPolicyId?: SstInput<string>;
      compress?: boolean;
    }
  }
  namespace s3 {
    interface BucketServerSideEncryptionConfigurationV2Args {
      bucket: SstInput<string>;
      rules: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" | "aws:kms" }; bucketKeyEnabled?: boolean }[];
    }
    /** Default encryption at rest of a bucket's objects. */
    class BucketServerSideEncryptionConfigurationV2 implements SstResource {
      constructor(name: string, args: BucketServerSideEncryptionConfigurationV2Args, opts?: SstResourceOptions);
      readonly urn: SstOutput<string>;
    }
  }
  namespace lambda {
    interface InvocationArgs {
      functionName: SstInput<string>;
      /** JSON passed as the event; a change of it invokes the function again. */
      input: SstInput<string>;
      qualifier?: SstInput<string>;
    }

    /** Invokes a function synchronously during the deploy; a function error fails the deploy. */
    class Invocation implements SstResource {
      constructor(name: string, args: InvocationArgs, opts?: SstResourceOptions);
      readonly urn: SstOutput<string>;
      readonly result: SstOutput<string>;
    }
  }
}

// The public GraphQL endpoint: one Lambda function behind an API Gateway HTTP API.
import { migrateOnDeploy } from "./database.js";
import { lambdaNodejs } from "./lambda-build.js";
import { mailEnvironment, mailLink } from "./mail.js";
import { authIssuer, authJwksUrl, databaseUrl, mentorLinkSecret } from "./secrets.js";
import { storage } from "./storage.js";

// The address the API is reached at, for links it mails (a mentor's confirmation link); from the
// deploy's environment, as the stage's domain is known before the API is.
const publicUrl = process.env.PUBLIC_URL?.trim() ?? "";

// The browser origins that may call the stage's API, comma-separated, from the deploy's
// environment (a CI variable, or a `.env.<stage>` file, which SST loads for that stage).
// Unset, any origin may outside production and none may in production; `*` is refused there,
// here so that the deploy fails rather than the function's cold starts.
const corsOrigins = process.env.CORS_ORIGINS?.trim() ?? "";
if ($app.stage === "production" && corsOrigins.split(",").some((origin) => origin.trim() === "*")) {
  throw new Error("CORS_ORIGINS must list origins in production, not *");
}

export const graphqlFunction = new sst.aws.Function(
  "GraphqlFunction",
  {
    description: "GraphQL API",
    handler: "functions/graphql.handler",
    runtime: "nodejs22.x",
    memory: "1024 MB",
    // API Gateway gives up after 30 s; failing earlier lets the function log why.
    timeout: "20 seconds",
    // Minified ESM split into chunks, without what Lambda never runs (infra/lambda-build.ts, which
    // the bundle tests and the benchmark build with too).
    nodejs: lambdaNodejs,
    link: [databaseUrl, authJwksUrl, authIssuer, mentorLinkSecret, storage, ...mailLink],
    // The handler reads its configuration from process.env only, so it runs the same under
    // tests and locally as on Lambda, without the `sst` runtime SDK.
    environment: {
      STAGE: $app.stage,
      NODE_ENV: "production",
      DATABASE_DRIVER: "neon",
      DATABASE_URL: databaseUrl.value,
      AUTH_JWKS_URL: authJwksUrl.value,
      AUTH_ISSUER: authIssuer.value,
      MENTOR_LINK_SECRET: mentorLinkSecret.value,
      // Uploads go to the stage's bucket through presigned links (schema/shared/storage.ts).
      STORAGE_BUCKET: storage.name,
      ...mailEnvironment,
      ...(corsOrigins ? { CORS_ORIGINS: corsOrigins } : {}),
      ...(publicUrl ? { PUBLIC_URL: publicUrl } : {}),
    },
  },
  // New code may expect the new schema: update the function only once migrations succeeded.
  { dependsOn: [migrateOnDeploy] },
);

// CORS is the function's (schema/shared/settings.ts, the same code as the local server's), with
// the stage's CORS_ORIGINS: API Gateway's own CORS would answer every preflight itself and
// replace the function's headers, and it is on unless turned off.
export const api = new sst.aws.ApiGatewayV2("Api", { cors: false });

api.route("POST /graphql", graphqlFunction.arn);
// Apollo serves queries over GET too (and rejects mutations there).
api.route("GET /graphql", graphqlFunction.arn);
// The handler answers /health itself after checking the database.
api.route("GET /health", graphqlFunction.arn);
// The funder's justification report as a CSV download.
api.route("GET /reports/{proxy+}", graphqlFunction.arn);
// Document download links, checked against the viewer's membership at each use, then redirected to S3.
api.route("GET /labolokaal/{proxy+}", graphqlFunction.arn);
// The pages of the links mailed to mentors (confirm their address, withdraw).
api.route("GET /mentoring/{proxy+}", graphqlFunction.arn);
// Browsers' CORS preflights, answered by the function from the stage's allowed origins.
api.route("OPTIONS /graphql", graphqlFunction.arn);
api.route("OPTIONS /reports/{proxy+}", graphqlFunction.arn);

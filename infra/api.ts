// The public GraphQL endpoint: one Lambda function behind an API Gateway HTTP API.
import { migrateOnDeploy } from "./database.js";
import { authIssuer, authJwksUrl, databaseUrl } from "./secrets.js";

export const graphqlFunction = new sst.aws.Function(
  "GraphqlFunction",
  {
    description: "GraphQL API",
    handler: "functions/graphql.handler",
    runtime: "nodejs22.x",
    memory: "1024 MB",
    // API Gateway gives up after 30 s; failing earlier lets the function log why.
    timeout: "20 seconds",
    link: [databaseUrl, authJwksUrl, authIssuer],
    // The handler reads its configuration from process.env only, so it runs the same under
    // tests and locally as on Lambda, without the `sst` runtime SDK.
    environment: {
      STAGE: $app.stage,
      NODE_ENV: "production",
      DATABASE_DRIVER: "neon",
      DATABASE_URL: databaseUrl.value,
      AUTH_JWKS_URL: authJwksUrl.value,
      AUTH_ISSUER: authIssuer.value,
    },
  },
  // New code may expect the new schema: update the function only once migrations succeeded.
  { dependsOn: [migrateOnDeploy] },
);

export const api = new sst.aws.ApiGatewayV2("Api", {
  cors: {
    allowOrigins: ["*"],
    allowMethods: ["GET", "POST"],
    // Listed by name because a `*` in Access-Control-Allow-Headers never covers Authorization.
    allowHeaders: ["authorization", "content-type", "accept-language", "apollo-require-preflight", "x-request-id"],
  },
});

api.route("POST /graphql", graphqlFunction.arn);
// Apollo serves queries over GET too (and rejects mutations there).
api.route("GET /graphql", graphqlFunction.arn);
// The handler answers /health itself after checking the database.
api.route("GET /health", graphqlFunction.arn);
// The funder's justification report as a CSV download.
api.route("GET /reports/{proxy+}", graphqlFunction.arn);

// GraphQL subscriptions on AWS: an API Gateway WebSocket API per stage whose $connect,
// $disconnect and $default routes speak graphql-transport-ws (functions/realtime.ts), and a
// dispatcher run every minute that polls the outbox for ~55 s and posts matching events to the
// connections through the API's management endpoint. Connections and subscriptions live in the
// stage's database.
import { migrateOnDeploy } from "./database.js";
import { lambdaNodejs } from "./lambda-build.js";
import { authIssuer, authJwksUrl, databaseUrl } from "./secrets.js";

export const realtimeApi = new sst.aws.ApiGatewayWebSocket("RealtimeApi");

const environment = {
  STAGE: $app.stage,
  NODE_ENV: "production",
  DATABASE_DRIVER: "neon",
  DATABASE_URL: databaseUrl.value,
  AUTH_JWKS_URL: authJwksUrl.value,
  AUTH_ISSUER: authIssuer.value,
  // Where messages are posted back (PostToConnection, DeleteConnection).
  REALTIME_ENDPOINT: realtimeApi.managementEndpoint,
};

/** A route's function: linked to the database, the auth settings and the API (which grants execute-api:ManageConnections). */
const route = (handler: string, description: string): sst.aws.FunctionArgs => ({
  handler,
  description,
  runtime: "nodejs22.x",
  nodejs: lambdaNodejs,
  memory: "512 MB",
  timeout: "10 seconds",
  link: [databaseUrl, authJwksUrl, authIssuer, realtimeApi],
  environment,
});

realtimeApi.route("$connect", route("functions/realtime.connect", "GraphQL WebSocket: accepts graphql-transport-ws connections"));
realtimeApi.route("$disconnect", route("functions/realtime.disconnect", "GraphQL WebSocket: forgets a connection and its subscriptions"));
realtimeApi.route("$default", route("functions/realtime.message", "GraphQL WebSocket: connection_init, subscribe, complete, ping"));

export const realtimeDispatcher = new sst.aws.Cron(
  "RealtimeDispatcher",
  {
    schedule: "rate(1 minute)",
    function: {
      ...route("functions/realtime.dispatch", "Posts campaign result events to GraphQL WebSocket subscriptions"),
      // It polls for ~55 s; the rest is room for the last batch.
      timeout: "60 seconds",
    },
  },
  // It reads tables the migrations make.
  { dependsOn: [migrateOnDeploy] },
);

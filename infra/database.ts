// Schema migrations: a function that applies db/migrations to the stage's database, and an
// invocation of it in every deploy, so a stage's schema never depends on someone running it.
import { lambdaNodejs } from "./lambda-build.js";
import { databaseUrl } from "./secrets.js";

export const migrator = new sst.aws.Function("Migrator", {
  description: "Applies db/migrations to this stage's database",
  handler: "functions/migrate.handler",
  runtime: "nodejs22.x",
  // Bundled as every function is (infra/lambda-build.ts): the Neon driver only, no PGlite or node-postgres.
  nodejs: lambdaNodejs,
  // Migrations can hold locks while they rewrite tables; API Gateway's 30 s limit does not apply.
  timeout: "5 minutes",
  link: [databaseUrl],
  environment: {
    STAGE: $app.stage,
    DATABASE_DRIVER: "neon",
    // Passed as a plain variable so the handler does not need the `sst` runtime SDK.
    DATABASE_URL: databaseUrl.value,
    NODE_ENV: "production",
  },
  // The SQL files are read at run time, so the bundler cannot see them: ship them beside the
  // bundle, where db/migrate.ts looks for them (db/migrations under the working directory).
  copyFiles: [{ from: "db/migrations", to: "db/migrations" }],
});

// The input changes on every deploy, which is what makes the provider invoke the function again.
// The invocation is synchronous: a migration that throws fails the deploy before the API
// function (which depends on this) is updated to code expecting the new schema.
export const migrateOnDeploy = new aws.lambda.Invocation("MigrateOnDeploy", {
  functionName: migrator.name,
  input: JSON.stringify({ deployedAt: Date.now() }),
});

// The webhook dispatcher on AWS: a function run every minute that fans out the outbox's new
// events to partners' webhook subscriptions and sends the deliveries that are due
// (functions/webhooks.ts). Overlapping runs are safe (SKIP LOCKED); each stops after ~50 s.
import { migrateOnDeploy } from "./database.js";
import { lambdaNodejs } from "./lambda-build.js";
import { databaseUrl, webhookSecretKey } from "./secrets.js";

export const webhookDispatcher = new sst.aws.Cron(
  "WebhookDispatcher",
  {
    schedule: "rate(1 minute)",
    function: {
      description: "Delivers webhooks to partners",
      handler: "functions/webhooks.handler",
      runtime: "nodejs22.x",
      nodejs: lambdaNodejs,
      memory: "512 MB",
      // It stops taking batches after ~50 s; the rest is room for the last sends (5 s timeout).
      timeout: "60 seconds",
      link: [databaseUrl, webhookSecretKey],
      environment: {
        STAGE: $app.stage,
        NODE_ENV: "production",
        DATABASE_DRIVER: "neon",
        DATABASE_URL: databaseUrl.value,
        WEBHOOK_SECRET_KEY: webhookSecretKey.value,
      },
    },
  },
  // It reads tables the migrations make.
  { dependsOn: [migrateOnDeploy] },
);

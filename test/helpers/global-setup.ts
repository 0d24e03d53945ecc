// Runs once per `vitest run`, before any test file: migrates one database and hands it to the
// workers (test/helpers/db.ts), so each file starts from a ready copy instead of migrating.
import type { TestProject } from "vitest/node";
import { preparePgliteDump, preparePostgresTemplate, TEST_DATABASE_URL } from "./db.js";

export default async function setup(project: TestProject): Promise<void> {
  if (TEST_DATABASE_URL) project.provide("postgresTemplate", await preparePostgresTemplate(TEST_DATABASE_URL));
  else project.provide("pgliteDump", await preparePgliteDump());
}

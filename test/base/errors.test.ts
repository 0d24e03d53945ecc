// Unexpected failures reach the client as a bare INTERNAL_SERVER_ERROR: no SQL, no stack trace,
// no table names. This file breaks its own database to provoke one.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskError } from "../../schema/shared/errors.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, type TestApi } from "../helpers/api.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await api.database.db.execute(sql`drop table organisations cascade`);
});
afterAll(() => api.close());

describe("error masking", () => {
  it("hides a database failure behind INTERNAL_SERVER_ERROR and logs it without its message", async () => {
    api.logs.length = 0;
    const result = await api.exec(graphql(`query ErrorsOrganisations { organisations { edges { node { id } } } }`));
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error!.message).toBe("Internal server error");
    expect(error!.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
    expect(JSON.stringify(result)).not.toMatch(/select|relation|does not exist|stack/i);
    const report = api.logs.find((l) => l.msg === "unexpected error");
    expect(report).toBeDefined();
    expect(JSON.stringify(report)).not.toMatch(/select/i);
  });

  it("keeps typed errors as they are, minus any stack trace", () => {
    const formatted = maskError({ message: "Invalid input: name must not be empty", extensions: { code: "BAD_USER_INPUT", field: "name", stacktrace: ["at x"] } }, null);
    expect(formatted).toEqual({ message: "Invalid input: name must not be empty", extensions: { code: "BAD_USER_INPUT", field: "name" } });
    expect(maskError({ message: "boom at /work/x.ts:1", extensions: {} }, new Error("boom"))).toMatchObject({
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});

// The executable schema is built from the generated SDL without validating it again at each cold
// start (schema/server.ts, assumeValid): this test is where it is validated, so a broken SDL still
// fails CI.
import { buildASTSchema, isObjectType, validateSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { resolvers } from "../../schema/resolvers.generated.js";
import { buildSchema } from "../../schema/server.js";
import { typeDefs } from "../../schema/typeDefs.generated.js";

describe("the executable schema", () => {
  it("is built from valid SDL", () => {
    expect(validateSchema(buildASTSchema(typeDefs)).map((error) => error.message)).toEqual([]);
    expect(validateSchema(buildSchema()).map((error) => error.message)).toEqual([]);
  });

  it("has every resolver of the map attached to its field", () => {
    const schema = buildSchema();
    let attached = 0;
    for (const [typeName, fields] of Object.entries(resolvers)) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) continue;
      for (const [fieldName, resolver] of Object.entries(fields as Record<string, unknown>)) {
        if (fieldName.startsWith("__")) continue;
        const field = type.getFields()[fieldName];
        expect(field, `${typeName}.${fieldName}`).toBeDefined();
        const expected = typeof resolver === "function" ? resolver : (resolver as { resolve?: unknown; subscribe?: unknown }).resolve;
        // graphql-tools binds the function it attaches: the field has a resolver of its own.
        if (expected) expect(field!.resolve?.name, `${typeName}.${fieldName}`).toMatch(new RegExp(`${(expected as () => void).name}$`));
        attached++;
      }
    }
    expect(attached).toBeGreaterThan(500);
  });
});

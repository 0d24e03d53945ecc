// The static cache policy (schema/shared/cache-policy.ts): Apollo's rules for @cacheControl
// hints, applied to the fields a document selects, checked against Apollo's own plugin on a small
// schema.
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import { makeExecutableSchema } from "@graphql-tools/schema";
import { getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { cachePolicyOf } from "../../schema/shared/cache-policy.js";

const schema = makeExecutableSchema({
  typeDefs: /* GraphQL */ `
    enum CacheControlScope { PUBLIC PRIVATE }
    directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
    type Query {
      boards: [Board!]! @cacheControl(maxAge: 300)
      board: Board @cacheControl(maxAge: 60)
      unhinted: [Board!]!
      me: Person @cacheControl(maxAge: 30, scope: PRIVATE)
      version: String @cacheControl(maxAge: 600)
      bare: String
    }
    type Board @cacheControl(maxAge: 120) {
      name: String!
      population: Int @cacheControl(maxAge: 10)
      viewerCanEdit: Boolean! @cacheControl(maxAge: 0)
      mayor: Person
      region: Region @cacheControl(inheritMaxAge: true)
    }
    type Region { name: String! }
    type Person @cacheControl(maxAge: 500, scope: PRIVATE) { name: String! }
  `,
  resolvers: {
    Query: {
      boards: () => [{ name: "Gent", population: 1 }],
      board: () => ({ name: "Gent", population: 1 }),
      unhinted: () => [{ name: "Gent" }],
      me: () => ({ name: "An" }),
      version: () => "1",
      bare: () => "x",
    },
    Board: { viewerCanEdit: () => false, mayor: () => ({ name: "M" }), region: () => ({ name: "Oost-Vlaanderen" }) },
  },
});

function staticPolicy(query: string) {
  const document = parse(query);
  return cachePolicyOf(schema, document, getOperationAST(document)!);
}

/** The policy Apollo's own plugin reaches by resolving every field. */
async function apolloPolicy(query: string) {
  let seen: { maxAge: number; scope: string } | null = null;
  const server = new ApolloServer({
    schema,
    plugins: [
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ overallCachePolicy }) {
              const policy = overallCachePolicy.policyIfCacheable();
              seen = policy ? { maxAge: policy.maxAge, scope: policy.scope } : { maxAge: 0, scope: overallCachePolicy.scope ?? "PUBLIC" };
            },
          };
        },
      },
    ],
  });
  await server.start();
  await server.executeOperation({ query });
  await server.stop();
  return seen!;
}

const QUERIES = [
  "{ boards { name } }",
  "{ boards { name population } }",
  "{ boards { name viewerCanEdit } }",
  "{ board { name region { name } } }",
  "{ boards { mayor { name } } }",
  "{ unhinted { name } }",
  "{ me { name } }",
  "{ version }",
  "{ bare }",
  "{ version bare }",
  "{ version boards { name } }",
  "{ __typename }",
  "query Named { ...Root } fragment Root on Query { boards { ... on Board { name population } } }",
];

describe("the static cache policy", () => {
  it.each(QUERIES)("agrees with Apollo's plugin on %s", async (query) => {
    const ours = staticPolicy(query);
    const apollo = await apolloPolicy(query);
    expect(ours.maxAge).toBe(apollo.maxAge);
    // Scope only matters for a cacheable answer.
    if (ours.maxAge > 0) expect(ours.scope).toBe(apollo.scope);
  });

  it("follows the hints of fields and types", () => {
    // A field's own hint wins over its type's: boards says 300, Board 120.
    expect(staticPolicy("{ boards { name } }")).toEqual({ maxAge: 300, scope: "PUBLIC" });
    // A private type makes the whole answer private.
    expect(staticPolicy("{ boards { mayor { name } } }")).toEqual({ maxAge: 300, scope: "PRIVATE" });
    expect(staticPolicy("{ boards { population } }")).toEqual({ maxAge: 10, scope: "PUBLIC" });
    expect(staticPolicy("{ board { region { name } } }")).toEqual({ maxAge: 60, scope: "PUBLIC" });
    expect(staticPolicy("{ me { name } }")).toEqual({ maxAge: 30, scope: "PRIVATE" });
    // Where the field has no hint, its type's applies; a root scalar without one is not cacheable.
    expect(staticPolicy("{ unhinted { name } }").maxAge).toBe(120);
    expect(staticPolicy("{ bare }").maxAge).toBe(0);
    expect(staticPolicy("{ version bare }").maxAge).toBe(0);
  });

  it("counts a field under @skip or a fragment as selected: stricter, never more public", () => {
    expect(staticPolicy("query ($no: Boolean = true) { boards { name viewerCanEdit @skip(if: $no) } }").maxAge).toBe(0);
    expect(staticPolicy("{ boards { name ... on Board { mayor { name } } } }").scope).toBe("PRIVATE");
  });

  it("computes once per parsed document", () => {
    const document = parse("{ boards { name } }");
    const operation = getOperationAST(document)!;
    expect(cachePolicyOf(schema, document, operation)).toBe(cachePolicyOf(schema, document, operation));
  });
});

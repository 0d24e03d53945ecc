// The kit's lookahead (schema/shared/lookahead.ts): what a query selects below a field, through
// aliases, fragments and inline fragments, so a resolver can read those levels in its statement.
import { type FieldNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { selects } from "../../schema/shared/lookahead.js";

/** The info of the root field `tracks` (or the first root field) of `query`. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fieldNodes = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  const fragments = Object.fromEntries(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  return { fieldNodes, fragments };
}

describe("selects", () => {
  it("follows a path of field names below the field", () => {
    const info = infoOf(`{ tracks { title actions { title partners { name } } } }`);
    expect(selects(info, "actions")).toBe(true);
    expect(selects(info, "actions", "partners")).toBe(true);
    expect(selects(info, "actions", "partners", "name")).toBe(true);
    expect(selects(info, "actions", "effortCommitments")).toBe(false);
    expect(selects(info, "partners")).toBe(false);
  });

  it("looks through aliases, fragments, nested fragments and inline fragments", () => {
    const info = infoOf(`
      query { tracks { ...TrackParts } }
      fragment TrackParts on Track { first: actions { ... on Action { ...ActionParts } } }
      fragment ActionParts on Action { partners { name } }
    `);
    expect(selects(info, "actions", "partners")).toBe(true);
    expect(selects(info, "first")).toBe(false);
  });

  it("merges the selections of a field asked for twice", () => {
    const info = infoOf(`{ tracks { title } tracks { actions { number } } }`);
    expect(selects(info, "actions", "number")).toBe(true);
  });
});

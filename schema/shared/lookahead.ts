// What the query asks for below the field being resolved: a resolver that loads a list can load
// the next levels the query selects in the same statement (a join) and prime their loaders, so
// that a list with its relations two levels deep costs two statements, not one per level
// (issue 14). Only field names count: aliases, fragments and inline fragments are looked
// through, and a type condition is not checked, so a lookahead may fetch a level a fragment on
// another type asked for; it never misses one.
import { type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";

type Fragments = Record<string, FragmentDefinitionNode>;

/** What a selected leaf field contributes: a path may end on one. */
const LEAF: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: [] };

/** The selection sets of the fields named `name` directly in `sets`. */
function childSets(sets: readonly SelectionSetNode[], name: string, fragments: Fragments): SelectionSetNode[] {
  const found: SelectionSetNode[] = [];
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === "Field") {
        if (selection.name.value === name) found.push(selection.selectionSet ?? LEAF);
      } else if (selection.kind === "InlineFragment") {
        visit(selection.selectionSet, seen);
      } else {
        const fragment = fragments[selection.name.value];
        // A fragment spread twice is looked at once (validation already refused cycles).
        if (fragment && !seen.has(fragment.name.value)) visit(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
  };
  for (const set of sets) visit(set, new Set());
  return found;
}

/**
 * Whether the query selects `path` below the field being resolved: `selects(info, "actions",
 * "partners")` is true when `tracks { actions { partners { name } } }` is asked for.
 */
export function selects(info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">, ...path: string[]): boolean {
  let sets = info.fieldNodes.flatMap((node: FieldNode) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = childSets(sets, name, info.fragments);
    if (sets.length === 0) return false;
  }
  return true;
}

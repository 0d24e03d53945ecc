// Input no layer below may see: a NUL (U+0000), which PostgreSQL text and jsonb cannot hold,
// and unpaired UTF-16 surrogates, which UTF-8 cannot encode (drivers silently turn them into
// U+FFFD in text and jsonb refuses them). Either one made a search, a write or a cursor fail
// with INTERNAL_SERVER_ERROR, wherever it came in; so before anything executes, every string
// the operation carries, in its literal arguments (at any depth, in fragments and directives
// too) and in the variables those arguments use, is checked here, and the operation refused as
// BAD_USER_INPUT naming the argument path the way the services do: `input.name`,
// `filter.search`, `ids.1`, `scenario.additionalEligibleCosts.currency`.
//
// What else a field may hold (control characters, bidirectional overrides, zero-width
// characters, lengths) depends on the kind of field and lives in the field's zod schema
// (schema/shared/validation.ts); this guard only refuses what no field can hold.
import type { ApolloServerPlugin } from "@apollo/server";
import { type DirectiveNode, type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from "graphql";
import type { Context } from "./context.js";
import { badInput } from "./errors.js";
import { unstorable } from "./validation.js";

export interface HostileInput {
  /** The argument path, as services name fields: `input.name.nl`, `ids.1`. */
  field: string;
  reason: string;
}

/**
 * The first string of the operation no layer below can take, or null. Walks without recursion
 * into the values, so a deeply nested variable cannot exhaust the stack.
 */
export function findHostileInput(document: DocumentNode, operation: OperationDefinitionNode, variables: Readonly<Record<string, unknown>> | null | undefined): HostileInput | null {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const defaults = new Map(operation.variableDefinitions?.map((v) => [v.variable.name.value, v.defaultValue]) ?? []);
  const given = variables ?? {};

  // Values still to look at: literal nodes or JSON from the variables, each with its path.
  const pending: { value: unknown; literal: boolean; path: string }[] = [];
  const visitedFragments = new Set<string>();
  const selectionSets: SelectionSetNode[] = [operation.selectionSet];
  const addDirectives = (directives: readonly DirectiveNode[] | undefined) => {
    for (const directive of directives ?? []) for (const arg of directive.arguments ?? []) pending.push({ value: arg.value, literal: true, path: arg.name.value });
  };
  addDirectives(operation.directives);
  while (selectionSets.length) {
    for (const selection of selectionSets.pop()!.selections) {
      addDirectives(selection.directives);
      if (selection.kind === Kind.FIELD) {
        for (const arg of selection.arguments ?? []) pending.push({ value: arg.value, literal: true, path: arg.name.value });
        if (selection.selectionSet) selectionSets.push(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        selectionSets.push(selection.selectionSet);
      } else if (!visitedFragments.has(selection.name.value)) {
        visitedFragments.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) {
          addDirectives(fragment.directives);
          selectionSets.push(fragment.selectionSet);
        }
      }
    }
  }

  while (pending.length) {
    const { value, literal, path } = pending.pop()!;
    if (literal) {
      const node = value as ValueNode;
      switch (node.kind) {
        case Kind.STRING: {
          const reason = unstorable(node.value);
          if (reason) return { field: path, reason };
          break;
        }
        case Kind.LIST:
          node.values.forEach((item, i) => pending.push({ value: item, literal: true, path: `${path}.${i}` }));
          break;
        case Kind.OBJECT:
          for (const field of node.fields) pending.push({ value: field.value, literal: true, path: `${path}.${field.name.value}` });
          break;
        case Kind.VARIABLE: {
          const name = node.name.value;
          if (Object.hasOwn(given, name)) pending.push({ value: given[name], literal: false, path });
          else {
            const fallback = defaults.get(name);
            if (fallback) pending.push({ value: fallback, literal: true, path });
          }
          break;
        }
        default:
          // Ints, floats, booleans, enums and null are checked by the lexer and the schema.
          break;
      }
    } else if (typeof value === "string") {
      const reason = unstorable(value);
      if (reason) return { field: path, reason };
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => pending.push({ value: item, literal: false, path: `${path}.${i}` }));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        // A key the input type does not define is refused by coercion, naming it; a key that
        // cannot be stored is refused here, without repeating it.
        if (unstorable(key)) return { field: path, reason: "must not have a field name with NUL characters or unpaired surrogates" };
        pending.push({ value: item, literal: false, path: `${path}.${key}` });
      }
    }
  }
  return null;
}

/** Refuses, before execution, an operation carrying a string no layer below can take. */
export function hostileInputPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const found = findHostileInput(document, operation, request.variables);
          if (!found) return;
          const error = badInput(found.field, found.reason);
          // A request error like a variable that fails coercion (Apollo answers those with 400);
          // Apollo removes the `http` extension from the response.
          error.extensions.http = { status: 400 };
          throw error;
        },
      };
    },
  };
}

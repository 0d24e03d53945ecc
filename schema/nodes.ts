// Resolves a global id to its object for `node(id)`, with the fetchers the modules declare.
// Fetchers go through their module's DataLoader, so `nodes(ids)` costs one statement per type,
// and return null for what the actor may not see.
import { modules } from "./modules.js";
import type { Context } from "./shared/context.js";
import type { NodeFetcher } from "./shared/module.js";
import { fromGlobalId } from "./shared/relay.js";
import type { ResolversInterfaceTypes } from "./types.generated.js";

type NodeObject = ResolversInterfaceTypes<Record<string, never>>["Node"];

const fetchers = new Map<string, NodeFetcher>();
for (const module of modules) {
  for (const [typename, fetch] of Object.entries(module.nodes ?? {})) {
    if (fetchers.has(typename)) throw new Error(`node type ${typename} is declared twice`);
    fetchers.set(typename, fetch);
  }
}

/** The GraphQL type names `node(id)` resolves. */
export const nodeTypes = (): string[] => [...fetchers.keys()];

export async function findNode(ctx: Context, globalId: string): Promise<NodeObject | null> {
  const parsed = fromGlobalId(globalId);
  const fetch = parsed && fetchers.get(parsed.type);
  const row = fetch ? await fetch(ctx, parsed.id) : null;
  // The default type resolver reads __typename; a copy keeps the loader's cached row untouched.
  return row ? ({ ...row, __typename: parsed!.type } as unknown as NodeObject) : null;
}

// Resolves a global id to its object for `node(id)`. Each module that has Node types adds its
// fetchers here; fetchers go through the module's DataLoader, so `nodes(ids)` costs one
// statement per type, and return null for what the actor may not see.
import { findAuditEntry } from "./audit/audit.service.js";
import { boardLoader } from "./boards/boards.service.js";
import { organisationLoader } from "./organisations/organisations.service.js";
import type { Context } from "./shared/context.js";
import { fromGlobalId } from "./shared/relay.js";
import type { ResolversInterfaceTypes } from "./types.generated.js";

type NodeObject = ResolversInterfaceTypes<Record<string, never>>["Node"];

const fetchers: Record<string, (ctx: Context, id: string) => Promise<NodeObject | null>> = {
  Board: async (ctx, id) => tag("Board", await boardLoader(ctx).load(id)),
  Organisation: async (ctx, id) => tag("Organisation", await organisationLoader(ctx).load(id)),
  AuditEntry: async (ctx, id) => tag("AuditEntry", await findAuditEntry(ctx, id)),
};

function tag<T extends NodeObject["__typename"], R extends object>(typename: T, row: R | null) {
  // The default type resolver reads __typename; a copy keeps the loader's cached row untouched.
  return row ? ({ ...row, __typename: typename } as unknown as NodeObject) : null;
}

export async function findNode(ctx: Context, globalId: string): Promise<NodeObject | null> {
  const parsed = fromGlobalId(globalId);
  const fetch = parsed && fetchers[parsed.type];
  return fetch ? fetch(ctx, parsed.id) : null;
}

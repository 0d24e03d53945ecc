// Resolves a global id to its object for `node(id)`. Each module that has Node types adds its
// fetchers here; fetchers go through the module's DataLoader, so `nodes(ids)` costs one
// statement per type, and return null for what the actor may not see.
import { findAuditEntry } from "./audit/audit.service.js";
import { boardLoader } from "./boards/boards.service.js";
import { organisationLoader } from "./organisations/organisations.service.js";
import { actionLoader, agreementLoader, commitmentLoader, trackLoader } from "./funding/agreements.service.js";
import { findCoFinancingEntry } from "./funding/cofinancing.service.js";
import { findInvoice } from "./funding/invoices.service.js";
import type { Context } from "./shared/context.js";
import { fromGlobalId } from "./shared/relay.js";
import type { ResolversInterfaceTypes } from "./types.generated.js";

type NodeObject = ResolversInterfaceTypes<Record<string, never>>["Node"];

const fetchers: Record<string, (ctx: Context, id: string) => Promise<NodeObject | null>> = {
  Board: async (ctx, id) => tag("Board", await boardLoader(ctx).load(id)),
  Organisation: async (ctx, id) => tag("Organisation", await organisationLoader(ctx).load(id)),
  AuditEntry: async (ctx, id) => tag("AuditEntry", await findAuditEntry(ctx, id)),
  // An agreement's structure (tracks, actions, commitments and their progress) is public.
  FundingAgreement: async (ctx, id) => tag("FundingAgreement", await agreementLoader(ctx).load(id)),
  Track: async (ctx, id) => tag("Track", await trackLoader(ctx).load(id)),
  Action: async (ctx, id) => tag("Action", await actionLoader(ctx).load(id)),
  Commitment: async (ctx, id) => tag("Commitment", await commitmentLoader(ctx).load(id)),
  Invoice: async (ctx, id) => tag("Invoice", await findInvoice(ctx, id)),
  CoFinancingEntry: async (ctx, id) => tag("CoFinancingEntry", await findCoFinancingEntry(ctx, id)),
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

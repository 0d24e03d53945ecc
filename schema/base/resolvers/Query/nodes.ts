import { findNode } from "../../../nodes.js";
import { badInput } from "../../../shared/errors.js";
import type { QueryResolvers } from "./../../../types.generated.js";

export const nodes: NonNullable<QueryResolvers['nodes']> = (_parent, { ids }, ctx) => {
  if (ids.length > 100) throw badInput("ids", "must list at most 100 ids");
  return Promise.all(ids.map((id) => findNode(ctx, id)));
};

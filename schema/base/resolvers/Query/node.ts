import { findNode } from "../../../nodes.js";
import type { QueryResolvers } from "./../../../types.generated.js";

export const node: NonNullable<QueryResolvers['node']> = (_parent, { id }, ctx) => findNode(ctx, id);

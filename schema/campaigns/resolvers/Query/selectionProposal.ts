import type { QueryResolvers } from "./../../../types.generated.js";
import { selectionProposal as run } from "../../selection.service.js";

export const selectionProposal: NonNullable<QueryResolvers['selectionProposal']> = async (_parent, args, ctx) => run(ctx, args);

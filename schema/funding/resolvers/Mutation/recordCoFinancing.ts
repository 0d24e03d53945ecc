import type { MutationResolvers } from "./../../../types.generated.js";
import { recordCoFinancing as record } from "../../cofinancing.service.js";

export const recordCoFinancing: NonNullable<MutationResolvers['recordCoFinancing']> = async (_parent, { input }, ctx) => ({ entry: await record(ctx, input) });

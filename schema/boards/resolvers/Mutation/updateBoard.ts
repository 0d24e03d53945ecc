import type { MutationResolvers } from "./../../../types.generated.js";
import { updateBoard as update } from "../../boards.service.js";

export const updateBoard: NonNullable<MutationResolvers['updateBoard']> = async (_parent, { input }, ctx) => ({
  board: await update(ctx, input),
});

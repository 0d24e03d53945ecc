import type { MutationResolvers } from "./../../../types.generated.js";
import { createBoard as create } from "../../boards.service.js";

export const createBoard: NonNullable<MutationResolvers['createBoard']> = async (_parent, { input }, ctx) => ({
  board: await create(ctx, input),
});

import type { MutationResolvers } from "./../../../types.generated.js";
import { closeVote as run } from "../../votes.service.js";

export const closeVote: NonNullable<MutationResolvers['closeVote']> = async (_parent, { pitchId }, ctx) => run(ctx, { pitchId });

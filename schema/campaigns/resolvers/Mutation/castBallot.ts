import type { MutationResolvers } from "./../../../types.generated.js";
import { castBallot as run } from "../../votes.service.js";

export const castBallot: NonNullable<MutationResolvers['castBallot']> = async (_parent, { input }, ctx) => run(ctx, input);

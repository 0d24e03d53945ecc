import type { QueryResolvers } from "./../../../types.generated.js";
import { listTrainingSessions } from "../../trainings.service.js";

export const trainingSessions: NonNullable<QueryResolvers['trainingSessions']> = async (_parent, args, ctx) => listTrainingSessions(ctx, args);

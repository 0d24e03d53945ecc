import type { QueryResolvers } from "./../../../types.generated.js";
import { listTrainings } from "../../trainings.service.js";

export const trainings: NonNullable<QueryResolvers['trainings']> = async (_parent, args, ctx) => listTrainings(ctx, args);

import type { QueryResolvers } from "./../../../types.generated.js";
import { expectGlobalId } from "../../../shared/relay.js";
import { findTraining } from "../../trainings.service.js";

export const training: NonNullable<QueryResolvers['training']> = async (_parent, { id }, ctx) => findTraining(ctx, expectGlobalId(id, "Training"));

import type { QueryResolvers } from "./../../../types.generated.js";
import { communicationReachOf } from "../../communication.service.js";

export const communicationReach: NonNullable<QueryResolvers['communicationReach']> = async (_parent, args) => communicationReachOf(args);

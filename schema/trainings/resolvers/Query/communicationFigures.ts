import type { QueryResolvers } from "./../../../types.generated.js";
import { listCommunicationFigures } from "../../communication.service.js";

export const communicationFigures: NonNullable<QueryResolvers['communicationFigures']> = async (_parent, args, ctx) => listCommunicationFigures(ctx, args);

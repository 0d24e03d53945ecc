import type { MutationResolvers } from "./../../../types.generated.js";
import { removeCommunicationFigure as run } from "../../communication.service.js";

export const removeCommunicationFigure: NonNullable<MutationResolvers['removeCommunicationFigure']> = async (_parent, { id }, ctx) => ({ removedId: await run(ctx, { id }) });

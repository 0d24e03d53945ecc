import type { MutationResolvers } from "./../../../types.generated.js";
import { updateCommunicationFigure as run } from "../../communication.service.js";

export const updateCommunicationFigure: NonNullable<MutationResolvers['updateCommunicationFigure']> = async (_parent, { input }, ctx) => ({ figure: await run(ctx, input) });

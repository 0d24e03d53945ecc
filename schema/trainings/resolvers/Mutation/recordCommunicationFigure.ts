import type { MutationResolvers } from "./../../../types.generated.js";
import { recordCommunicationFigure as run } from "../../communication.service.js";

export const recordCommunicationFigure: NonNullable<MutationResolvers['recordCommunicationFigure']> = async (_parent, { input }, ctx) => ({ figure: await run(ctx, input) });

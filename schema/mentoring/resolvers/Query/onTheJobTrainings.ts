import type { QueryResolvers } from "./../../../types.generated.js";
import { listOnTheJobTrainings } from "../../directory.service.js";

export const onTheJobTrainings: NonNullable<QueryResolvers['onTheJobTrainings']> = async (_parent, args, ctx) => listOnTheJobTrainings(ctx, args);

import type { MutationResolvers } from "./../../../types.generated.js";
import { enrol as run } from "../../people.service.js";

export const enrol: NonNullable<MutationResolvers['enrol']> = async (_parent, { input }, ctx) => run(ctx, input);

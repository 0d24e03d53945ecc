import type { MutationResolvers } from "./../../../types.generated.js";
import { registerAsMentor as run } from "../../registrations.service.js";

export const registerAsMentor: NonNullable<MutationResolvers['registerAsMentor']> = async (_parent, { input }, ctx) => run(ctx, input);

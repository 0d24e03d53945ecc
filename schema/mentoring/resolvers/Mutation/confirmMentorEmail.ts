import type { MutationResolvers } from "./../../../types.generated.js";
import { confirmMentorEmail as run } from "../../registrations.service.js";

export const confirmMentorEmail: NonNullable<MutationResolvers['confirmMentorEmail']> = async (_parent, { token }, ctx) => run(ctx, { token });

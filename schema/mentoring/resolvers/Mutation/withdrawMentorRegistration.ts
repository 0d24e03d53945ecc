import type { MutationResolvers } from "./../../../types.generated.js";
import { withdrawMentorRegistration as run } from "../../registrations.service.js";

export const withdrawMentorRegistration: NonNullable<MutationResolvers['withdrawMentorRegistration']> = async (_parent, { token }, ctx) => run(ctx, { token });

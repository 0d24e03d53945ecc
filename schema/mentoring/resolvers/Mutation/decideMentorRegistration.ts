import type { MutationResolvers } from "./../../../types.generated.js";
import { decideMentorRegistration as run } from "../../registrations.service.js";

export const decideMentorRegistration: NonNullable<MutationResolvers['decideMentorRegistration']> = async (_parent, { input }, ctx) => ({
  registration: await run(ctx, input),
});

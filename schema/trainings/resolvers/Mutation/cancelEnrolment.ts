import type { MutationResolvers } from "./../../../types.generated.js";
import { cancelEnrolment as run } from "../../people.service.js";

export const cancelEnrolment: NonNullable<MutationResolvers['cancelEnrolment']> = async (_parent, { id }, ctx) => run(ctx, { id });

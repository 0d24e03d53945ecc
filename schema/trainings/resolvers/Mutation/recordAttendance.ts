import type { MutationResolvers } from "./../../../types.generated.js";
import { recordAttendance as run } from "../../people.service.js";

export const recordAttendance: NonNullable<MutationResolvers['recordAttendance']> = async (_parent, { input }, ctx) => run(ctx, input);

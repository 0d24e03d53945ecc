import type { MutationResolvers } from "./../../../types.generated.js";
import { updateEmployee as run } from "../../people.service.js";

export const updateEmployee: NonNullable<MutationResolvers['updateEmployee']> = async (_parent, { input }, ctx) => ({ employee: await run(ctx, input) });

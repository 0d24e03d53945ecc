import type { MutationResolvers } from "./../../../types.generated.js";
import { createEmployee as run } from "../../people.service.js";

export const createEmployee: NonNullable<MutationResolvers['createEmployee']> = async (_parent, { input }, ctx) => ({ employee: await run(ctx, input) });

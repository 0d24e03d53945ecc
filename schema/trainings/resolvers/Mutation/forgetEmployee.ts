import type { MutationResolvers } from "./../../../types.generated.js";
import { forgetEmployee as run } from "../../people.service.js";

export const forgetEmployee: NonNullable<MutationResolvers['forgetEmployee']> = async (_parent, { id }, ctx) => ({ employee: await run(ctx, { id }) });

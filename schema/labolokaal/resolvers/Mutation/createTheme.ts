import type { MutationResolvers } from "./../../../types.generated.js";
import { createTheme as run } from "../../calls.service.js";

export const createTheme: NonNullable<MutationResolvers['createTheme']> = async (_parent, { input }, ctx) => ({ theme: await run(ctx, input) });

import type { MutationResolvers } from "./../../../types.generated.js";
import { sendWorktableMaterial as run } from "../../worktables.service.js";

export const sendWorktableMaterial: NonNullable<MutationResolvers['sendWorktableMaterial']> = async (_parent, { input }, ctx) => ({ meeting: await run(ctx, input) });

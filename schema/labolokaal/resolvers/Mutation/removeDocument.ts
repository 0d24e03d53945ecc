import { removeDocument as remove } from "../../documents.service.js";
import type { MutationResolvers } from "./../../../types.generated.js";

export const removeDocument: NonNullable<MutationResolvers['removeDocument']> = async (_parent, { id }, ctx) => ({ document: await remove(ctx, { id }) });

import { confirmDocumentUpload as confirm } from "../../documents.service.js";
import type { MutationResolvers } from "./../../../types.generated.js";

export const confirmDocumentUpload: NonNullable<MutationResolvers['confirmDocumentUpload']> = async (_parent, { id }, ctx) => ({ document: await confirm(ctx, { id }) });

import { requestDocumentUpload as request } from "../../documents.service.js";
import type { MutationResolvers } from "./../../../types.generated.js";

export const requestDocumentUpload: NonNullable<MutationResolvers['requestDocumentUpload']> = (_parent, { input }, ctx) => request(ctx, input);

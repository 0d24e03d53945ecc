import { getAgreement } from "../../agreements.service.js";
import type { QueryResolvers } from "./../../../types.generated.js";

export const fundingAgreement: NonNullable<QueryResolvers['fundingAgreement']> = (_parent, { id }, ctx) => getAgreement(ctx, id);

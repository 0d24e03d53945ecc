import type { QueryResolvers } from "./../../../types.generated.js";
import { getAgreement } from "../../agreements.service.js";

export const fundingAgreement: NonNullable<QueryResolvers['fundingAgreement']> = (_parent, { id }, ctx) => getAgreement(ctx, id);

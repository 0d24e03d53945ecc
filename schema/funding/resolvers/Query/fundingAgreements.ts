import { listAgreements } from "../../agreements.service.js";
import type { QueryResolvers } from "./../../../types.generated.js";

export const fundingAgreements: NonNullable<QueryResolvers['fundingAgreements']> = (_parent, args, ctx) => listAgreements(ctx, args);

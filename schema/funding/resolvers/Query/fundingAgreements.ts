import type { QueryResolvers } from "./../../../types.generated.js";
import { listAgreements } from "../../agreements.service.js";

export const fundingAgreements: NonNullable<QueryResolvers['fundingAgreements']> = (_parent, args, ctx) => listAgreements(ctx, args);

import type { MutationResolvers } from "./../../../types.generated.js";
import { reopenAgreement } from "../../closing.service.js";

export const reopenFundingAgreement: NonNullable<MutationResolvers['reopenFundingAgreement']> = async (_parent, { input }, ctx) => ({ agreement: await reopenAgreement(ctx, input) });

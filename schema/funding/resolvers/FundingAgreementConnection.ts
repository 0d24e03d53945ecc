import type { FundingAgreementConnectionResolvers } from "./../../types.generated.js";

export const FundingAgreementConnection: FundingAgreementConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};

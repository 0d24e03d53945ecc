import type { AgreementClosingResolvers } from "./../../types.generated.js";
export const AgreementClosing: AgreementClosingResolvers = {
  /* Implement AgreementClosing resolver logic here */
  closedAt: async (_parent, _arg, _ctx) => {
    /* AgreementClosing.closedAt resolver is required because AgreementClosing.closedAt exists but AgreementClosingMapper.closedAt does not */
  },
  closedByRole: async (_parent, _arg, _ctx) => {
    /* AgreementClosing.closedByRole resolver is required because AgreementClosing.closedByRole exists but AgreementClosingMapper.closedByRole does not */
  },
  report: async (_parent, _arg, _ctx) => {
    /* AgreementClosing.report resolver is required because AgreementClosing.report exists but AgreementClosingMapper.report does not */
  },
  settlement: async (_parent, _arg, _ctx) => {
    /* AgreementClosing.settlement resolver is required because AgreementClosing.settlement exists but AgreementClosingMapper.settlement does not */
  },
};

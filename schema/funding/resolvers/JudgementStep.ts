import type { JudgementStepResolvers } from "./../../types.generated.js";
export const JudgementStep: JudgementStepResolvers = {
  /* Implement JudgementStep resolver logic here */
  actorRole: ({ actorRole }, _arg, _ctx) => {
    /* JudgementStep.actorRole resolver is required because JudgementStep.actorRole and JudgementStepMapper.actorRole are not compatible */
    return actorRole;
  },
  actorSubject: async (_parent, _arg, _ctx) => {
    /* JudgementStep.actorSubject resolver is required because JudgementStep.actorSubject exists but JudgementStepMapper.actorSubject does not */
  },
  at: async (_parent, _arg, _ctx) => {
    /* JudgementStep.at resolver is required because JudgementStep.at exists but JudgementStepMapper.at does not */
  },
};

import type { JudgementStepResolvers, Role } from "./../../types.generated.js";
import { agreementLoader, commitmentLoader } from "../agreements.service.js";
import { actorVisibleFor } from "../funding.policy.js";

export const JudgementStep: JudgementStepResolvers = {
  // Written only from a resolved actor, so the text is always a Role.
  actorRole: (step) => step.actorRole as Role,
  // The person for those who may see who did what or who read the agreement's financials; the role and instant for everyone.
  actorSubject: async (step, _args, ctx) => {
    const commitment = await commitmentLoader(ctx).load(step.commitmentId);
    const agreement = commitment ? await agreementLoader(ctx).load(commitment.agreementId) : null;
    return actorVisibleFor(ctx, agreement, step.actorId);
  },
  at: (step) => step.createdAt,
};

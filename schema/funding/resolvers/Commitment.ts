import { localized } from "../../shared/i18n.js";
import { can } from "../../shared/policy.js";
import { toGlobalId } from "../../shared/relay.js";
import type { CommitmentResolvers } from "./../../types.generated.js";
import { actionLoader } from "../agreements.service.js";
import { commitmentMet } from "../commitments.service.js";
import { commitmentJudge } from "../funding.policy.js";

export const Commitment: CommitmentResolvers = {
  id: (commitment) => toGlobalId("Commitment", commitment.id),
  description: localized((row) => row.description),
  descriptionTranslations: ({ description }) => description,
  action: (commitment, _args, ctx) => (commitment.actionId ? actionLoader(ctx).load(commitment.actionId) : null),
  target: (commitment) => ({ ...commitment, __typename: commitment.qualitative ? "QualitativeTarget" : "MeasuredTarget" }),
  met: (commitment, _args, ctx) => commitmentMet(ctx, commitment),
  viewerCanJudge: async (commitment, _args, ctx) => commitment.qualitative && (await can(ctx, commitmentJudge, commitment)),
  viewerCanPropose: async (_parent, _arg, _ctx) => {
    /* Commitment.viewerCanPropose resolver is required because Commitment.viewerCanPropose exists but CommitmentMapper.viewerCanPropose does not */
  },
  viewerCanReopen: async (_parent, _arg, _ctx) => {
    /* Commitment.viewerCanReopen resolver is required because Commitment.viewerCanReopen exists but CommitmentMapper.viewerCanReopen does not */
  },
};

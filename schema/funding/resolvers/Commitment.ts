import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { CommitmentResolvers } from "./../../types.generated.js";
import { actionLoader } from "../agreements.service.js";
import { commitmentMet, viewerMay } from "../commitments.service.js";

export const Commitment: CommitmentResolvers = {
  id: (commitment) => toGlobalId("Commitment", commitment.id),
  description: localized((row) => row.description),
  descriptionTranslations: ({ description }) => description,
  action: (commitment, _args, ctx) => (commitment.actionId ? actionLoader(ctx).load(commitment.actionId) : null),
  target: (commitment) => ({ ...commitment, __typename: commitment.qualitative ? "QualitativeTarget" : "MeasuredTarget" }),
  met: (commitment, _args, ctx) => commitmentMet(ctx, commitment),
  viewerCanPropose: (commitment, _args, ctx) => viewerMay(ctx, commitment, "propose"),
  viewerCanJudge: (commitment, _args, ctx) => viewerMay(ctx, commitment, "judge"),
  viewerCanReopen: (commitment, _args, ctx) => viewerMay(ctx, commitment, "reopen"),
};

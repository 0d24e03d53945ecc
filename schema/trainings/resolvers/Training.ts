import { actionLoader } from "../../funding/agreements.service.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { localized } from "../../shared/i18n.js";
import { can } from "../../shared/policy.js";
import { toGlobalId } from "../../shared/relay.js";
import type { TrainingResolvers } from "./../../types.generated.js";
import { trainingManage } from "../trainings.policy.js";
import { feeOf, sessionsOfTraining } from "../trainings.service.js";

export const Training: TrainingResolvers = {
  id: (training) => toGlobalId("Training", training.id),
  title: localized((row) => row.title),
  titleTranslations: ({ title }) => title,
  description: localized((row) => row.description),
  language: ({ language }) => language.toUpperCase() as "NL" | "FR" | "EN",
  provider: ({ providerId }, _args, ctx) => (providerId ? organisationLoader(ctx).load(providerId) : null),
  action: ({ actionId }, _args, ctx) => (actionId ? actionLoader(ctx).load(actionId) : null),
  sessions: (training, args, ctx) => sessionsOfTraining(ctx, training, args),
  viewerCanUpdate: (_training, _args, ctx) => can(ctx, trainingManage, undefined),
  fee: (training) => feeOf(training),
};

import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { OnTheJobTrainingResolvers } from "./../../types.generated.js";
import { companyOf, partnersOf } from "../directory.service.js";

export const OnTheJobTraining: OnTheJobTrainingResolvers = {
  id: (training) => toGlobalId("OnTheJobTraining", training.id),
  title: localized((row) => row.title),
  description: localized((row) => row.description),
  company: (training, _args, ctx) => companyOf(ctx, training),
  partners: (training, _args, ctx) => partnersOf(ctx, training),
};

import { toGlobalId } from "../../shared/relay.js";
import type { MentoringActivityResolvers } from "./../../types.generated.js";
import { projectOfActivity } from "../activities.service.js";

export const MentoringActivity: MentoringActivityResolvers = {
  id: (activity) => toGlobalId("MentoringActivity", activity.id),
  project: (activity, _args, ctx) => projectOfActivity(ctx, activity),
  loggedAt: (activity) => activity.createdAt,
};

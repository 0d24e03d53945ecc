import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { StrategicGoalResolvers } from "./../../types.generated.js";

export const StrategicGoal: StrategicGoalResolvers = {
  id: (goal) => toGlobalId("StrategicGoal", goal.id),
  title: localized((row) => row.title),
  description: localized((row) => row.description),
};

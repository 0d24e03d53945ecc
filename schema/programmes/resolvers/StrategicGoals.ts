import type { StrategicGoalsResolvers } from "./../../types.generated.js";
import { missingGoals } from "../programmes.service.js";

export const StrategicGoals: StrategicGoalsResolvers = {
  missing: (goals) => missingGoals(goals),
};

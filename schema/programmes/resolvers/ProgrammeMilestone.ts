import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { ProgrammeMilestoneResolvers } from "./../../types.generated.js";

export const ProgrammeMilestone: ProgrammeMilestoneResolvers = {
  id: (milestone) => toGlobalId("ProgrammeMilestone", milestone.id),
  title: localized((row) => row.title),
  description: localized((row) => row.description),
};

import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { ProgrammeProjectResolvers } from "./../../types.generated.js";

export const ProgrammeProject: ProgrammeProjectResolvers = {
  id: (project) => toGlobalId("ProgrammeProject", project.id),
  title: localized((row) => row.title),
  description: localized((row) => row.description),
};

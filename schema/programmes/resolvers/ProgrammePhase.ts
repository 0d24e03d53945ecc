import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { ProgrammePhaseResolvers } from "./../../types.generated.js";

export const ProgrammePhase: ProgrammePhaseResolvers = {
  id: (phase) => toGlobalId("ProgrammePhase", phase.id),
  title: localized((row) => row.title),
  description: localized((row) => row.description),
};

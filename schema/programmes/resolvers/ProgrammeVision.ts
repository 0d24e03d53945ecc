import { localized } from "../../shared/i18n.js";
import type { ProgrammeVisionResolvers } from "./../../types.generated.js";

export const ProgrammeVision: ProgrammeVisionResolvers = {
  text: localized((vision) => vision.text),
};

import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { CharterEventResolvers } from "./../../types.generated.js";

export const CharterEvent: CharterEventResolvers = {
  id: (event) => toGlobalId("CharterEvent", event.id),
  title: localized((row) => row.title),
  description: localized((row) => row.description),
};

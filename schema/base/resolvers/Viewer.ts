import { actorSubject } from "../../shared/auth.js";
import type { ViewerResolvers } from "./../../types.generated.js";

export const Viewer: ViewerResolvers = {
  role: ({ actor }) => actor.role,
  subject: ({ actor }) => actorSubject(actor),
  locale: ({ locale }) => (locale === "fr" ? "FR" : locale === "en" ? "EN" : "NL"),
};

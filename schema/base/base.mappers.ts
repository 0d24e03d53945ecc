import type { Actor } from "../shared/auth.js";
import type { Locale } from "../shared/i18n.js";

export type ViewerMapper = { actor: Actor; locale: Locale };

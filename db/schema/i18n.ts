// Translatable text is stored as one jsonb value per field: Dutch is required (the sources
// are Dutch), French and English are optional. See schema/shared/i18n.ts for reading it.
import { jsonb } from "drizzle-orm/pg-core";

export const LOCALES = ["nl", "fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type LocalizedText = { nl: string; fr?: string | null; en?: string | null };

export const localizedText = (name: string) => jsonb(name).$type<LocalizedText>();

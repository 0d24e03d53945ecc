// The one mechanism for languages: the request's Accept-Language header (or a field's
// `locale` argument) picks the language of translatable text, falling back to Dutch.
import { z } from "zod";
import { LOCALES, type Locale, type LocalizedText } from "../../db/schema/i18n.js";
import { multilineText, optionalMultilineText, optionalText, requiredText } from "./validation.js";

export { LOCALES, type Locale, type LocalizedText };
export const DEFAULT_LOCALE: Locale = "nl";

/** Parses an Accept-Language header ("fr-BE,fr;q=0.9,en;q=0.8") into the best supported locale. */
export function localeFromHeader(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      // RFC 9110: q is between 0 and 1; anything else is malformed and ranks nowhere.
      const valid = Number.isFinite(weight) && weight >= 0 && weight <= 1;
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", weight: valid ? weight : 0, index };
    })
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return (ranked.find((r) => (LOCALES as readonly string[]).includes(r.lang))?.lang as Locale) ?? DEFAULT_LOCALE;
}

/** The GraphQL `Locale` enum value (NL/FR/EN) as a locale. */
export function localeFromEnum(value: "NL" | "FR" | "EN" | null | undefined): Locale | undefined {
  return value ? (value.toLowerCase() as Locale) : undefined;
}

/** The text in the wanted language, or the Dutch text when that translation is missing. */
export function localize(text: LocalizedText, locale: Locale): string;
export function localize(text: LocalizedText | null | undefined, locale: Locale): string | null;
export function localize(text: LocalizedText | null | undefined, locale: Locale): string | null {
  if (!text) return null;
  return text[locale] || text.nl;
}

/**
 * A translatable text as an editor writes it: Dutch required, French and English optional, an
 * empty or blank translation dropped. Each translation follows the text rules of
 * schema/shared/validation.ts for its kind: one-line for names and titles, multi-line for
 * descriptions.
 */
function localizedText(lines: "single" | "multi", max: number) {
  const [required, optional] = lines === "single" ? [requiredText(max), optionalText(max)] : [multilineText(max), optionalMultilineText(max)];
  return z.object({ nl: required, fr: optional, en: optional }).transform((t): LocalizedText => {
    const out: LocalizedText = { nl: t.nl };
    if (t.fr) out.fr = t.fr;
    if (t.en) out.en = t.en;
    return out;
  });
}

/** Validation of a LocalizedTextInput that names or titles something: one line per translation. */
export const localizedTextInput = localizedText("single", 2000);

/** Validation of a LocalizedTextInput that describes something: line breaks allowed. */
export const localizedMultilineTextInput = localizedText("multi", 2000);

/**
 * The resolver of a translatable field: the text in the field's `locale` argument, else the
 * request's language, else Dutch. `localized((row) => row.title)`.
 */
export function localized<P, T extends LocalizedText | null | undefined>(pick: (parent: P) => T) {
  return (parent: P, args: { locale?: "NL" | "FR" | "EN" | null }, ctx: { locale: Locale }): T extends LocalizedText ? string : string | null =>
    localize(pick(parent), localeFromEnum(args.locale) ?? ctx.locale) as T extends LocalizedText ? string : string | null;
}

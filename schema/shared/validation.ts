// Small zod building blocks shared by every module's input schemas, and the rules for the
// characters people may put in text.
//
// Text comes in two kinds, and each treats invisible and control characters its own way:
//
// - One-line text (`requiredText`, `optionalText`): names, references, codes, anything shown in
//   a list, a table cell or a file name. Control characters (C0 including tab and line breaks,
//   DEL, C1), line and paragraph separators, bidirectional embeddings, overrides and isolates
//   (U+202A-U+202E, U+2066-U+2069: they reorder what a reader sees, "invoice\u202Efdp.exe") and
//   noncharacters are refused: the client sent something it should not have, and silently
//   changing a name would surprise its author. Every other default-ignorable character
//   (zero-width spaces and joiners, direction marks, word joiner, BOM, soft hyphen, variation
//   selectors, Hangul fillers, tags) is stripped: they are invisible, carry no meaning in a name,
//   and would let "Gent" and "Ge\u200Bnt" be two different boards that look the same.
// - Multi-line text (`multilineText`, `optionalMultilineText`): notes, reasons, evidence,
//   descriptions. Line feeds and tabs are kept; CR LF, CR and the Unicode line and paragraph
//   separators become a line feed; every other control character and the bidirectional
//   overrides are refused as above. The zero-width characters that shape visible text (joiners
//   in emoji and scripts, variation selectors, emoji tag sequences, soft hyphens) are kept; the
//   other invisible ones are stripped.
//
// Both kinds are normalised to NFC (one spelling of "é") and trimmed, and text made only of
// white space and invisible characters counts as blank: "must not be empty" when required,
// null when optional. Lengths count what is stored, after all of this.
import { z } from "zod";

type Lines = "single" | "multi";

/** Bidirectional embeddings, overrides and isolates: refused in every text. */
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/u;
/** Controls (C0, DEL, C1) other than those multi-line text keeps. */
const CONTROL_SINGLE = /[\u0000-\u001F\u007F-\u009F]/u;
const CONTROL_MULTI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
const LINE_BREAK = /[\n\r\u2028\u2029]/u;
const NONCHARACTER = /\p{Noncharacter_Code_Point}/u;
/** Invisible characters stripped from one-line text: every default-ignorable code point (overrides are refused before). */
const INVISIBLE_SINGLE = /\p{Default_Ignorable_Code_Point}/gu;
/**
 * Invisible characters stripped from multi-line text: the default-ignorable code points except
 * those that shape visible text (soft hyphen, combining grapheme joiner, Mongolian variation
 * selectors, ZWNJ and ZWJ, variation selectors, emoji tag characters).
 */
const INVISIBLE_MULTI = /(?![\u00AD\u034F\u180B-\u180D\u180F\u200C\u200D\uFE00-\uFE0F\u{E0020}-\u{E007F}\u{E0100}-\u{E01EF}])\p{Default_Ignorable_Code_Point}/gu;
/** What counts as nothing written: white space, invisible characters, the braille blank. */
const BLANK = /^[\s\p{Default_Ignorable_Code_Point}\u2800]*$/u;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * Why no layer below can take this string, or null: PostgreSQL text cannot hold U+0000, and
 * UTF-8 cannot encode an unpaired surrogate (drivers silently replace it by U+FFFD, jsonb
 * refuses it). The hostile-input plugin refuses such strings in every argument before any
 * resolver runs; the text rules refuse them again for callers that are not GraphQL.
 */
export function unstorable(text: string): string | null {
  if (text.includes("\u0000")) return "must not contain NUL characters (U+0000)";
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (unit >= 0xd800 && unit <= 0xdfff) return `must not contain unpaired surrogates (U+${unit.toString(16).toUpperCase()})`;
  }
  return null;
}

/** The first reason to refuse a text of this kind, or null. */
function refusal(text: string, lines: Lines): string | null {
  const unstorableReason = unstorable(text);
  if (unstorableReason) return unstorableReason;
  if (lines === "single") {
    const lineBreak = LINE_BREAK.exec(text);
    if (lineBreak) return `must not contain line breaks (${codePoint(lineBreak[0])})`;
  }
  const control = (lines === "single" ? CONTROL_SINGLE : CONTROL_MULTI).exec(text);
  if (control) return `must not contain control characters (${codePoint(control[0])})`;
  const bidi = BIDI_OVERRIDE.exec(text);
  if (bidi) return `must not contain bidirectional overrides or isolates (${codePoint(bidi[0])})`;
  const noncharacter = NONCHARACTER.exec(text);
  if (noncharacter) return `must not contain noncharacters (${codePoint(noncharacter[0])})`;
  return null;
}

/** The text as it is stored: line breaks unified, invisible characters stripped, NFC, trimmed; "" when blank. */
function normalise(text: string, lines: Lines): string {
  const unified = lines === "multi" ? text.replace(/\r\n?|[\u2028\u2029]/gu, "\n") : text;
  const cleaned = unified
    .replace(lines === "single" ? INVISIBLE_SINGLE : INVISIBLE_MULTI, "")
    .normalize("NFC")
    .trim();
  return BLANK.test(cleaned) ? "" : cleaned;
}

/** A string cleaned by the rules of its kind; the refused characters are issues of the field. */
const cleanText = (lines: Lines) =>
  z.string().transform((raw, ctx) => {
    const reason = refusal(raw, lines);
    if (reason) {
      ctx.addIssue({ code: "custom", message: reason });
      return z.NEVER;
    }
    return normalise(raw, lines);
  });

const required = (lines: Lines, max: number) => cleanText(lines).pipe(z.string().min(1, "must not be empty").max(max, `must be at most ${max} characters`));

const optional = (lines: Lines, max: number) =>
  cleanText(lines)
    .pipe(z.string().max(max, `must be at most ${max} characters`))
    .nullish()
    .transform((v) => (v ? v : v === undefined ? undefined : null));

/** A one-line text (a name, a reference) of at most `max` characters, not blank. */
export const requiredText = (max: number) => required("single", max);

/** Like requiredText, but null, absent or blank means "no value". */
export const optionalText = (max: number) => optional("single", max);

/** A multi-line text (a note, a reason, evidence) of at most `max` characters, not blank. */
export const multilineText = (max: number) => required("multi", max);

/** Like multilineText, but null, absent or blank means "no value". */
export const optionalMultilineText = (max: number) => optional("multi", max);

/** An http(s) address. A URL never holds raw spaces, controls or invisible characters, so they are refused, not stripped. */
export const httpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((v) => !/[\s\p{Cc}\p{Cf}\p{Cs}\p{Noncharacter_Code_Point}]/u.test(v), { message: "must not contain spaces, control or invisible characters", abort: true })
  .refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "must be an http(s) address");

/** Escapes LIKE wildcards so a search for "50%" finds that text, not everything. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * For patches: a field may be left out, but not set to null when it cannot be empty.
 * GraphQL lets a client send null for any optional input field; this says why that is refused.
 */
export const notNull = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((value, ctx) => {
    if (value === null) {
      ctx.addIssue({ code: "custom", message: "must not be null" });
      return z.NEVER;
    }
    return value as Exclude<z.output<T>, null>;
  });

/**
 * A Belgian enterprise number (ondernemingsnummer, KBO/BCE), written as the sources do:
 * 0451.857.573. Accepts it with or without dots, spaces or a BE prefix; checks its first digit (0
 * or 1) and its mod-97 check digits (the last two are 97 minus the first eight modulo 97).
 */
export const enterpriseNumber = z
  .string()
  .trim()
  .max(30)
  .transform((value, ctx) => {
    const digits = value.replace(/^BE/i, "").replace(/[\s.]/g, "");
    if (!/^[01]\d{9}$/.test(digits)) {
      ctx.addIssue({ code: "custom", message: "must be a Belgian enterprise number of 10 digits starting with 0 or 1, such as 0451.857.573" });
      return z.NEVER;
    }
    if (97 - (Number(digits.slice(0, 8)) % 97) !== Number(digits.slice(8))) {
      ctx.addIssue({ code: "custom", message: "is not a valid enterprise number: its check digits do not match" });
      return z.NEVER;
    }
    return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
  });

// The language rules on their own: which supported locale an Accept-Language header asks for,
// and which translation of a text is shown, falling back to Dutch.
import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, type LocalizedText, localeFromEnum, localeFromHeader, localize, localizedTextInput } from "../../schema/shared/i18n.js";

describe("localeFromHeader", () => {
  it("defaults to Dutch", () => {
    expect(DEFAULT_LOCALE).toBe("nl");
  });

  it.each([
    [undefined, "nl"],
    [null, "nl"],
    ["", "nl"],
    ["   ", "nl"],
  ])("answers Dutch for an absent or empty header (%j)", (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });

  it.each([
    ["fr", "fr"],
    ["en", "en"],
    ["nl", "nl"],
    ["FR", "fr"],
    ["En-Us", "en"],
  ])("reads a single language %s, whatever its case", (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });

  it.each([
    ["fr-BE", "fr"],
    ["nl-BE", "nl"],
    ["en-GB", "en"],
    ["fr-CA,en;q=0.5", "fr"],
    ["zh-Hant-TW,en;q=0.5", "en"],
  ])("ignores region and script subtags: %s → %s", (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });

  it.each([
    ["en;q=0.2,fr;q=0.7", "fr"],
    ["nl;q=0.5,en;q=0.9,fr;q=0.8", "en"],
    ["fr-BE,fr;q=0.9,en;q=0.8", "fr"],
    ["en;q=0.3, nl", "nl"],
    ["fr ; q=0.4 , en ; q=0.6", "en"],
    ["fr;level=1;q=0.4,en;q=0.6", "en"],
  ])("ranks by q-value, not by position: %s → %s", (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });

  it.each([
    ["fr;q=0.5,en;q=0.5", "fr"],
    ["en,fr", "en"],
    ["nl;q=0.8,fr;q=0.8,en;q=0.8", "nl"],
  ])("keeps the header's order between equal q-values: %s → %s", (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });

  it.each([
    ["de-DE,de;q=0.9,en;q=0.5", "en"],
    ["de,es;q=0.9,fr;q=0.1", "fr"],
    ["de", "nl"],
    ["*", "nl"],
    ["de,*;q=0.5", "nl"],
    ["x-pig-latin", "nl"],
  ])("skips languages the API does not speak: %s → %s", (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });

  it.each([
    ["fr;q=0", "nl"],
    ["fr;q=0.0,en;q=0.1", "en"],
    ["en;q=0,fr;q=0,nl;q=0", "nl"],
    ["fr;q=0, en;q=0.001", "en"],
  ])("excludes languages with q=0: %s → %s", (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });

  it.each([
    [",,,", "nl"],
    [";;;", "nl"],
    ["fr;q=abc", "nl"],
    ["fr;q=abc,en;q=0.2", "en"],
    ["q=0.9", "nl"],
    ["-fr", "nl"],
    ["🇫🇷", "nl"],
    ["fr;q=", "nl"],
  ])("never fails on a malformed header: %j → %s", (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });
});

describe("localeFromEnum", () => {
  it("maps the GraphQL enum to a locale, and nothing to undefined", () => {
    expect(localeFromEnum("NL")).toBe("nl");
    expect(localeFromEnum("FR")).toBe("fr");
    expect(localeFromEnum("EN")).toBe("en");
    expect(localeFromEnum(null)).toBeUndefined();
    expect(localeFromEnum(undefined)).toBeUndefined();
  });
});

describe("localize", () => {
  const full: LocalizedText = { nl: "Vlaamse Regering", fr: "Gouvernement flamand", en: "Flemish Government" };

  it("gives the translation asked for when there is one", () => {
    expect(localize(full, "nl")).toBe("Vlaamse Regering");
    expect(localize(full, "fr")).toBe("Gouvernement flamand");
    expect(localize(full, "en")).toBe("Flemish Government");
  });

  it("falls back to Dutch when the translation is missing, null or empty", () => {
    expect(localize({ nl: "Workitects" }, "en")).toBe("Workitects");
    expect(localize({ nl: "Workitects" }, "fr")).toBe("Workitects");
    expect(localize({ nl: "Workitects", fr: null, en: null }, "fr")).toBe("Workitects");
    expect(localize({ nl: "Workitects", fr: "", en: "" }, "en")).toBe("Workitects");
    expect(localize({ nl: "Workitects", fr: "", en: "Workitects EN" }, "fr")).toBe("Workitects");
    // Another language's translation is never used as the fallback.
    expect(localize({ nl: "Workitects", en: "Workitects EN" }, "fr")).toBe("Workitects");
  });

  it("returns null for a text that is not there", () => {
    expect(localize(null, "fr")).toBeNull();
    expect(localize(undefined, "nl")).toBeNull();
  });
});

describe("localizedTextInput", () => {
  it("requires a Dutch text and drops empty optional translations", () => {
    expect(localizedTextInput.parse({ nl: " Gent ", fr: "  ", en: null })).toEqual({ nl: "Gent" });
    expect(localizedTextInput.parse({ nl: "Gent", fr: " Gand ", en: "Ghent" })).toEqual({ nl: "Gent", fr: "Gand", en: "Ghent" });
    const blank = localizedTextInput.safeParse({ nl: "  ", fr: "Gand" });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]?.path).toEqual(["nl"]);
  });
});

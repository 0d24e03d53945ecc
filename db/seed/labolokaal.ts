// LaboLokaal as seed 002 gives it, and no more. From the source: projects on 8 themes ("projecten
// die kaderen binnen 8 thema's"), of which it names two, "Employer branding" and "Combinatiejobs",
// aimed at the care and childcare sectors and funded from VIA means, so they ask no own
// contribution ("wordt er geen bijdrage van het lokaal bestuur gevraagd"); the deadline of the
// calls, 31 January 2020; the terms: EUR 5,000 of support ("een financiële ondersteuning van
// €5000"), and for these VIA themes no own contribution. Admins add the other six themes.
//
// The source names no project, board or expert, so none is seeded. It gives no opening day of the
// calls either: OPENS_ON below is the deadline's year start, chosen here, not taken from the source.
import type { Tx } from "../client.js";
import { laboThemes, projectCalls } from "../schema/labolokaal.js";

/** The deadline the source gives ("deadline voor het indienen van de subsidieaanvraag is 31 januari 2020"). */
export const LABO_DEADLINE = "2020-01-31";
/** Not in the source: the year start of the deadline, chosen so the call has an opening day. */
export const LABO_OPENS_ON = "2020-01-01";
export const LABO_SUPPORT_CENTS = 500_000;

export const LABO_THEMES = [
  {
    name: { nl: "Employer branding", en: "Employer branding" },
    description: {
      nl: "Gericht op de sectoren zorg en kinderopvang; met een toelage uit de VIA-middelen, zonder bijdrage van het lokaal bestuur.",
      en: "Aimed at the care and childcare sectors; funded from VIA means, with no contribution from the board.",
    },
  },
  {
    name: { nl: "Combinatiejobs", en: "Combination jobs" },
    description: {
      nl: "Gericht op de sectoren zorg en kinderopvang; met een toelage uit de VIA-middelen, zonder bijdrage van het lokaal bestuur.",
      en: "Aimed at the care and childcare sectors; funded from VIA means, with no contribution from the board.",
    },
  },
] as const;

export async function seedLaboLokaal(tx: Tx): Promise<{ themes: number; calls: number }> {
  const themes = await tx
    .insert(laboThemes)
    .values(LABO_THEMES.map((t) => ({ name: { ...t.name }, description: { ...t.description }, fundingSource: "VIA" as const })))
    .returning();
  const calls = await tx
    .insert(projectCalls)
    .values(
      themes.map((theme) => ({
        themeId: theme.id,
        title: { nl: `Projectoproep ${theme.name.nl}`, en: `Project call ${theme.name.en ?? theme.name.nl}` },
        opensOn: LABO_OPENS_ON,
        deadline: LABO_DEADLINE,
        supportCents: LABO_SUPPORT_CENTS,
        // A VIA theme asks no own contribution.
        ownContributionCents: 0,
        currency: "EUR",
        actionId: null,
      })),
    )
    .returning();
  return { themes: themes.length, calls: calls.length };
}

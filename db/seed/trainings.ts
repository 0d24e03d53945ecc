// The trainings the addendum names (seed 001, track 3: "Naast de bestaande opleidingen (...)"),
// with their Dutch titles as the source words them and English translations, linked to the
// providers the source names (Unia, Governance & Integrity) and to action 5, the open offer.
// The source names no dates or places: each training gets one example session, online and
// clearly in the future (2027), flagged isExample so that nobody mistakes it for a real one.
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../client.js";
import { actions, fundingAgreements } from "../schema/funding.js";
import { organisations } from "../schema/organisations.js";
import { trainingSessions, trainings } from "../schema/trainings.js";
import { ADDENDUM } from "./addendum.js";

export interface TrainingSeed {
  title: { nl: string; en: string };
  topic: string;
  audience: string | null;
  /** The provider's Dutch name, as seeded in data.ts, where the source names one. */
  provider?: string;
}

export const TRAININGS: readonly TrainingSeed[] = [
  {
    title: { nl: "Het herkennen van signalen door leidinggevenden rond burnout", en: "Recognising burnout signals, for managers" },
    topic: "burn-out",
    audience: "leidinggevenden",
  },
  { title: { nl: "Zelfzorg rond burnout en werken aan veerkracht", en: "Self-care around burnout and building resilience" }, topic: "burn-out", audience: null },
  {
    title: { nl: "Leidinggeven voor ploegbazen", en: "Leadership for foremen: supporting their coaching skills" },
    topic: "leiderschap",
    audience: "ploegbazen",
  },
  { title: { nl: "Mentoropleiding voor zorgberoepen", en: "Mentor training for care jobs" }, topic: "mentorschap", audience: "mentoren in zorgberoepen" },
  {
    title: { nl: "Mentoropleiding voor technisch uitvoerende beroepen", en: "Mentor training for technical jobs" },
    topic: "mentorschap",
    audience: "mentoren in technisch uitvoerende beroepen",
  },
  { title: { nl: "Verdiepingsmodules rond de diverse thema's van mentorschap", en: "Deepening modules on the themes of mentorship" }, topic: "mentorschap", audience: "mentoren" },
  {
    title: { nl: "Non-discriminatie in samenwerking met Unia in het kader van de E-Div-tool", en: "Non-discrimination with Unia, with the E-Div tool" },
    topic: "non-discriminatie",
    audience: null,
    provider: "Unia",
  },
  {
    title: { nl: "Dilemma-training in samenwerking met Governance & Integrity", en: "Dilemma training with Governance & Integrity" },
    topic: "integriteit",
    audience: null,
    provider: "Governance & Integrity",
  },
  { title: { nl: "Opleiding tot jobcoach", en: "Job coach training" }, topic: "jobcoaching", audience: "jobcoaches" },
];

/** The number of the addendum's action the seeded trainings carry out: 5, the open offer. */
export const OPEN_OFFER_ACTION = 5;

/** Seeds the catalogue and one example session per training; returns how many trainings it wrote. */
export async function seedTrainings(tx: Tx): Promise<number> {
  const orgs = await tx.select({ id: organisations.id, nl: sql<string>`${organisations.name}->>'nl'` }).from(organisations);
  const [openOffer] = await tx
    .select({ id: actions.id })
    .from(actions)
    .innerJoin(fundingAgreements, eq(fundingAgreements.id, actions.agreementId))
    .where(and(eq(actions.number, OPEN_OFFER_ACTION), sql`${fundingAgreements.title}->>'nl' = ${ADDENDUM.title.nl}`));
  const created = await tx
    .insert(trainings)
    .values(
      TRAININGS.map((t) => ({
        title: t.title,
        topic: t.topic,
        format: "OPEN" as const,
        audience: t.audience,
        providerId: (t.provider && orgs.find((o) => o.nl === t.provider)?.id) || null,
        actionId: openOffer?.id ?? null,
        language: "nl",
      })),
    )
    .returning({ id: trainings.id });
  // Examples, not real sessions: online, one a week from Monday 1 March 2027, 9:00 to 12:00 in Brussels.
  const firstMonday = Date.UTC(2027, 2, 1, 8);
  const week = 7 * 24 * 3600 * 1000;
  await tx.insert(trainingSessions).values(
    created.map((t, i) => ({
      trainingId: t.id,
      startsAt: new Date(firstMonday + i * week),
      endsAt: new Date(firstMonday + i * week + 3 * 3600 * 1000),
      online: true,
      capacity: 20,
      isExample: true,
    })),
  );
  return created.length;
}

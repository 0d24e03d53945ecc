// The records of the rest of the programme that the sources name, and only those. Of the
// trajectories, the addendum (seed 001, action 3) names one: the e-learning pilot with
// GoodHabitz, in which "de sector lanceert een oproep naar de lokale besturen en organiseert een
// lerend netwerk van besturen". The leadership and IAO trajectories are not named one by one in
// the source, so none is seeded; no board is seeded as taking part (the call is still to come).
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../client.js";
import { actions, fundingAgreements } from "../schema/funding.js";
import { organisations } from "../schema/organisations.js";
import { trajectories } from "../schema/programme.js";
import { ADDENDUM } from "./addendum.js";

/** The addendum's action the learning network carries out: 3, the e-learning pilot. */
export const LEARNING_NETWORK_ACTION = 3;

export const LEARNING_NETWORK = {
  title: { nl: "Lerend netwerk e-learning met GoodHabitz", en: "E-learning learning network with GoodHabitz" },
  description: {
    nl: "In dit project krijgen lokale besturen de kans om aan de slag te gaan met dit aanbod en in combinatie met een lerend netwerk willen we bekijken hoe we lokale besturen kunnen ondersteunen om e-learningtools permanent op de agenda te houden bij de medewerkers van lokale besturen.",
    en: "Boards get the chance to work with this offer and, with a learning network, we look at how to support them in keeping e-learning tools permanently on their employees' agenda.",
  },
  approach: "Oproep naar de lokale besturen en een lerend netwerk van besturen",
  partner: "GoodHabitz",
  // Derived, not stated: the source gives no start of the pilot, so it is offered from the
  // addendum's start (its period starts 2023-07-01) and stays open-ended.
  offeredFrom: ADDENDUM.periodStart,
} as const;

/** Seeds the trajectories the source names; returns how many of each kind of record it wrote. */
export async function seedProgramme(tx: Tx): Promise<Record<string, number>> {
  const [partner] = await tx.select({ id: organisations.id }).from(organisations).where(sql`${organisations.name}->>'nl' = ${LEARNING_NETWORK.partner}`);
  const [action] = await tx
    .select({ id: actions.id })
    .from(actions)
    .innerJoin(fundingAgreements, eq(fundingAgreements.id, actions.agreementId))
    .where(and(eq(actions.number, LEARNING_NETWORK_ACTION), sql`${fundingAgreements.title}->>'nl' = ${ADDENDUM.title.nl}`));
  const created = await tx
    .insert(trajectories)
    .values({
      kind: "LEARNING_NETWORK",
      title: LEARNING_NETWORK.title,
      description: LEARNING_NETWORK.description,
      approach: LEARNING_NETWORK.approach,
      partnerId: partner?.id ?? null,
      actionId: action?.id ?? null,
      // The source asks "een toegankelijke deelnameprijs" but names no amount: free until an editor sets one.
      feeCents: 0,
      offeredFrom: LEARNING_NETWORK.offeredFrom,
    })
    .onConflictDoNothing()
    .returning({ id: trajectories.id });
  return { trajectories: created.length };
}

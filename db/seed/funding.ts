// Writes the addendum of addendum.ts into the database, linking partners by their Dutch name.
import { sql } from "drizzle-orm";
import type { Tx } from "../client.js";
import { actionPartners, actions, commitmentMeasures, commitments, fundingAgreements, tracks } from "../schema/funding.js";
import { organisations } from "../schema/organisations.js";
import { ADDENDUM, RESULT_COMMITMENTS, TRACKS, type CommitmentSeed } from "./addendum.js";

/** Seeds the addendum; false (and nothing written) when its funder or beneficiary is missing. */
export async function seedAddendum(tx: Tx): Promise<boolean> {
  const orgs = await tx.select({ id: organisations.id, nl: sql<string>`${organisations.name}->>'nl'` }).from(organisations);
  const orgId = (name: string): string | undefined => orgs.find((o) => o.nl === name)?.id;
  const funderId = orgId(ADDENDUM.funder);
  const beneficiaryId = orgId(ADDENDUM.beneficiary);
  if (!funderId || !beneficiaryId) return false;
  const [agreement] = await tx.insert(fundingAgreements).values({ ...ADDENDUM, funderId, beneficiaryId }).returning();
  const agreementId = agreement!.id;

  const addCommitment = async (kind: "EFFORT" | "RESULT", seed: CommitmentSeed, actionId: string | null) => {
    const [row] = await tx
      .insert(commitments)
      .values({ agreementId, actionId, kind, number: seed.number, description: seed.description, qualitative: !seed.measures?.length })
      .returning();
    if (seed.measures?.length) {
      await tx.insert(commitmentMeasures).values(seed.measures.map((m) => ({ commitmentId: row!.id, metric: m.metric, targetValue: m.targetValue })));
    }
  };

  for (const track of TRACKS) {
    const [trackRow] = await tx.insert(tracks).values({ agreementId, number: track.number, title: track.title, description: track.description }).returning();
    for (const action of track.actions) {
      const [actionRow] = await tx
        .insert(actions)
        .values({
          agreementId,
          trackId: trackRow!.id,
          number: action.number,
          title: action.title,
          description: action.description,
          isNew: action.isNew,
          intersectoral: action.intersectoral,
          localCooperation: action.localCooperation,
          otherPartners: action.otherPartners ?? null,
        })
        .returning();
      // A partner an operator has removed is left out rather than failing the start.
      const partnerIds = action.partners.map(orgId).filter((id): id is string => Boolean(id));
      if (partnerIds.length) await tx.insert(actionPartners).values(partnerIds.map((organisationId) => ({ actionId: actionRow!.id, organisationId })));
      await addCommitment("EFFORT", action.effort, actionRow!.id);
    }
  }
  for (const result of RESULT_COMMITMENTS) await addCommitment("RESULT", result, null);
  return true;
}

// The selection proposal: which applicants make the most diverse selection of a given size.
// Pure: no database, no GraphQL; selection.service.ts loads the applications and shapes the answer.
import type { campaignApplications, campaigns } from "../../db/schema/campaigns.js";

export type PopulationClass = "UNDER_10K" | "FROM_10K_TO_25K" | "FROM_25K_TO_50K" | "FROM_50K_TO_100K" | "FROM_100K";

/** The class the diversity counts, by the board's population. */
export function populationClass(population: number): PopulationClass {
  if (population < 10_000) return "UNDER_10K";
  if (population < 25_000) return "FROM_10K_TO_25K";
  if (population < 50_000) return "FROM_25K_TO_50K";
  if (population < 100_000) return "FROM_50K_TO_100K";
  return "FROM_100K";
}

type ApplicationRow = typeof campaignApplications.$inferSelect;
type CampaignRow = typeof campaigns.$inferSelect;

export interface ProposedBoardView {
  application: ApplicationRow;
  populationClass: PopulationClass;
  score: number;
  reasons: string[];
}

export interface SelectionProposalView {
  campaign: CampaignRow;
  size: number;
  diversity: number;
  regions: number;
  populationClasses: number;
  belfiusClusters: number;
  score: number;
  boards: ProposedBoardView[];
  consideredApplications: number;
  unscoredApplications: number;
  optimal: boolean;
}

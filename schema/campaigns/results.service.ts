// Campaign results and their embargo. (Being built: the bodies below are placeholders with the
// signatures the other parts of the module call.)
import type { Context } from "../shared/context.js";
import type { Connection } from "../shared/relay.js";
import type { CampaignMapper, CampaignResultMapper } from "./campaigns.mappers.js";

const notBuilt = () => new Error("results.service: not built yet");

export async function findCampaignResult(_ctx: Context, _id: string): Promise<CampaignResultMapper | null> {
  throw notBuilt();
}

export interface ResultsArgs {
  first?: number | null;
  after?: string | null;
  filter?: {
    theme?: string | null;
    kind?: "INSTRUMENT" | "TEMPLATE" | "GOOD_PRACTICE" | null;
    status?: "DRAFT" | "INTERMEDIATE" | "PUBLISHED" | null;
    search?: string | null;
  } | null;
}

/** Campaign.results: the campaign's results the viewer may read, by Dutch title. */
export async function resultsOfCampaign(_ctx: Context, _campaign: CampaignMapper, _args: ResultsArgs): Promise<Connection<CampaignResultMapper>> {
  throw notBuilt();
}

// Pitches, ballots, ties and closing a vote. (Being built: the bodies below are placeholders
// with the signatures the other parts of the module call.)
import type { Context } from "../shared/context.js";
import type { CampaignMapper, CampaignMeetingMapper, PitchMapper, PitchOptionMapper } from "./campaigns.mappers.js";

const notBuilt = () => new Error("votes.service: not built yet");

export async function findPitch(_ctx: Context, _id: string): Promise<PitchMapper | null> {
  throw notBuilt();
}
export async function findPitchOption(_ctx: Context, _id: string): Promise<PitchOptionMapper | null> {
  throw notBuilt();
}
/** Campaign.pitches: by board name. */
export async function pitchesOfCampaign(_ctx: Context, _campaign: CampaignMapper): Promise<PitchMapper[]> {
  throw notBuilt();
}
/** CampaignMeeting.pitches: by board name. */
export async function pitchesOfMeeting(_ctx: Context, _meeting: CampaignMeetingMapper): Promise<PitchMapper[]> {
  throw notBuilt();
}
/** Campaign.viewerCanVote: the viewer's board is on the sounding board. */
export async function viewerCanVote(_ctx: Context, _campaign: CampaignMapper): Promise<boolean> {
  throw notBuilt();
}

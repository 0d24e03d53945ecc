// Campaigns, applications, the steering group and meetings. (Being built: the bodies below are
// placeholders with the signatures the other parts of the module call.)
import type { Context } from "../shared/context.js";
import type { CampaignApplicationMapper, CampaignMapper, CampaignMeetingMapper, CampaignTrajectoryMapper, SteeringGroupMemberMapper } from "./campaigns.mappers.js";

const notBuilt = () => new Error("campaigns.service: not built yet");

/** The request's loader of campaigns by id (rowsById). */
export async function findCampaign(_ctx: Context, _id: string): Promise<CampaignMapper | null> {
  throw notBuilt();
}
export async function findApplication(_ctx: Context, _id: string): Promise<CampaignApplicationMapper | null> {
  throw notBuilt();
}
export async function findCampaignTrajectory(_ctx: Context, _id: string): Promise<CampaignTrajectoryMapper | null> {
  throw notBuilt();
}
export async function findMeeting(_ctx: Context, _id: string): Promise<CampaignMeetingMapper | null> {
  throw notBuilt();
}
export async function findSteeringMember(_ctx: Context, _id: string): Promise<SteeringGroupMemberMapper | null> {
  throw notBuilt();
}

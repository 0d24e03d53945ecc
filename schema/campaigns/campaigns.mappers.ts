import type {
  campaignApplications,
  campaignBallots,
  campaignMeetings,
  campaignPitches,
  campaignPitchOptions,
  campaignResults,
  campaignSteeringMembers,
  campaigns,
  campaignTrajectories,
} from "../../db/schema/campaigns.js";
import type { Connection } from "../shared/relay.js";
import type { ProposedBoardView, SelectionProposalView } from "./selection.js";

export type CampaignMapper = typeof campaigns.$inferSelect;
export type CampaignConnectionMapper = Connection<CampaignMapper>;
export type CampaignApplicationMapper = typeof campaignApplications.$inferSelect;
export type CampaignApplicationConnectionMapper = Connection<CampaignApplicationMapper>;
export type CampaignTrajectoryMapper = typeof campaignTrajectories.$inferSelect;
export type SteeringGroupMemberMapper = typeof campaignSteeringMembers.$inferSelect;
export type CampaignMeetingMapper = typeof campaignMeetings.$inferSelect;
export type PitchMapper = typeof campaignPitches.$inferSelect;
export type PitchOptionMapper = typeof campaignPitchOptions.$inferSelect;
export type BallotMapper = typeof campaignBallots.$inferSelect;
/** A pitch whose tie was decided: its decision columns. */
export interface TieDecisionMapper {
  keptOptionIds: string[];
  note: string | null;
  decidedAt: Date;
}
export type CampaignResultMapper = typeof campaignResults.$inferSelect;
export type CampaignResultConnectionMapper = Connection<CampaignResultMapper>;
export type SelectionProposalMapper = SelectionProposalView;
export type ProposedBoardMapper = ProposedBoardView;

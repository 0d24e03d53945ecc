// Who may do what in a campaign. Consultants and admins run it. A board applies for itself and
// sees its own application. The sounding board votes; the steering group breaks ties. Results are
// under embargo: drafts for editors, intermediate results for the campaign's circle (its selected
// boards, sounding board and steering group), published ones for everyone.
import { type ActorOf, definePolicy, editors } from "../shared/policy.js";

/** Who is involved in a campaign: the boards and organisations of each of its groups. */
export interface CampaignCircle {
  campaignId: string;
  selectedBoardIds: readonly string[];
  soundingBoardIds: readonly string[];
  steeringBoardIds: readonly string[];
  steeringOrganisationIds: readonly string[];
}

/** Whether a board is in the circle that sees intermediate results. */
export function boardInCircle(circle: CampaignCircle, boardId: string): boolean {
  return circle.selectedBoardIds.includes(boardId) || circle.soundingBoardIds.includes(boardId) || circle.steeringBoardIds.includes(boardId);
}

/** A result as the embargo looks at it. */
export interface ResultScope {
  status: "DRAFT" | "INTERMEDIATE" | "PUBLISHED";
  circle: CampaignCircle;
}

/** A board's own record (an application, a ballot). */
export interface CampaignBoardScope {
  boardId: string;
}

/** A ballot: whose it is, and the campaign's sounding board. */
export interface BallotScope {
  boardId: string;
  circle: CampaignCircle;
}

export const campaignManage = definePolicy("campaign.manage", "Run a campaign: its applications' scores, selection, steering group, meetings, pitches, votes and results", editors);

export const campaignApply = definePolicy<CampaignBoardScope>(
  "campaign.apply",
  "Apply to a campaign for a board, or change the board's application",
  { ...editors, BOARD_MEMBER: { describe: "the board is their own", when: (actor: ActorOf<"BOARD_MEMBER">, r: CampaignBoardScope) => actor.boardId === r.boardId } },
  "Only a board's own members, consultants and admins apply for it",
);

export const applicationRead = definePolicy<CampaignBoardScope>(
  "campaign.readApplication",
  "See a board's application to a campaign with its scores",
  { ...editors, BOARD_MEMBER: { describe: "the application is their own board's", when: (actor: ActorOf<"BOARD_MEMBER">, r: CampaignBoardScope) => actor.boardId === r.boardId } },
  "Only consultants, admins and the board's own members see its application",
);

export const ballotCast = definePolicy<BallotScope>(
  "campaign.vote",
  "Cast or change a board's ballot on a pitch",
  {
    ...editors,
    BOARD_MEMBER: {
      describe: "the ballot is their own board's and the board is on the campaign's sounding board",
      when: (actor: ActorOf<"BOARD_MEMBER">, r: BallotScope) => actor.boardId === r.boardId && r.circle.soundingBoardIds.includes(r.boardId),
    },
  },
  "Only the campaign's sounding board votes, each board for itself",
);

export const tieDecide = definePolicy<CampaignCircle>(
  "campaign.decideTie",
  "Record the steering group's decision on a tied vote",
  {
    ...editors,
    BOARD_MEMBER: {
      describe: "their board is on the campaign's steering group",
      when: (actor: ActorOf<"BOARD_MEMBER">, c: CampaignCircle) => c.steeringBoardIds.includes(actor.boardId),
    },
    EXPERT: {
      describe: "their organisation is on the campaign's steering group",
      when: (actor: ActorOf<"EXPERT">, c: CampaignCircle) => c.steeringOrganisationIds.includes(actor.organisationId),
    },
    PARTNER: {
      describe: "their organisation is on the campaign's steering group",
      when: (actor: ActorOf<"PARTNER">, c: CampaignCircle) => c.steeringOrganisationIds.includes(actor.organisationId),
    },
  },
  "Only the campaign's steering group, consultants and admins decide a tie",
);

/**
 * The embargo: a draft is for editors, an intermediate result for the campaign's circle, a
 * published one for everyone. Anonymous readers have no grant here because the only results they
 * may read are published ones, which need no policy (mayReadResult in circle.ts): the matrix
 * then reads as the embargo itself.
 */
export const resultRead = definePolicy<ResultScope>(
  "campaignResult.read",
  "See a campaign result, also before it is published",
  {
    ...editors,
    BOARD_MEMBER: {
      describe: "the result is published, or intermediate and their board is selected, on the sounding board or on the steering group",
      when: (actor: ActorOf<"BOARD_MEMBER">, r: ResultScope) => r.status === "PUBLISHED" || (r.status === "INTERMEDIATE" && boardInCircle(r.circle, actor.boardId)),
    },
    EXPERT: {
      describe: "the result is published, or intermediate and their organisation is on the steering group",
      when: (actor: ActorOf<"EXPERT">, r: ResultScope) =>
        r.status === "PUBLISHED" || (r.status === "INTERMEDIATE" && r.circle.steeringOrganisationIds.includes(actor.organisationId)),
    },
    PARTNER: {
      describe: "the result is published, or intermediate and their organisation is on the steering group",
      when: (actor: ActorOf<"PARTNER">, r: ResultScope) =>
        r.status === "PUBLISHED" || (r.status === "INTERMEDIATE" && r.circle.steeringOrganisationIds.includes(actor.organisationId)),
    },
  },
  "This result is not published",
);

/**
 * The counts of an open vote would sway it: editors see them while it is open. Once the vote is
 * closed they are everyone's and need no policy (countsVisible in votes.service.ts).
 */
export const voteCountsRead = definePolicy("campaign.readOpenVoteCounts", "See a pitch's ballot counts while its vote is open", editors);

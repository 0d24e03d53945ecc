// The seeded campaign "Duurzaam werkgeverschap" as the campaigns tests use it: its row ids and
// global ids, who is in which of its groups, and actors of each kind around it. Seed the sources
// profile first.
import { eq, inArray, notInArray, sql } from "drizzle-orm";
import { boards } from "../../db/schema/boards.js";
import { campaignApplications, campaignMeetings, campaignPitches, campaignPitchOptions, campaignSteeringMembers, campaigns } from "../../db/schema/campaigns.js";
import { organisations } from "../../db/schema/organisations.js";
import { DUURZAAM_WERKGEVERSCHAP } from "../../db/seed/campaigns.js";
import type { Actor, TestApi } from "./api.js";
import { globalId } from "./funding.js";

export interface SeededPitch {
  /** Row ids. */
  pitchId: string;
  applicationId: string;
  boardId: string;
  optionIds: [string, string, string];
  /** Global ids. */
  id: string;
  options: [string, string, string];
}

export interface CampaignFixture {
  /** Row id and global id of the seeded campaign. */
  campaignRowId: string;
  campaignId: string;
  meetingRowId: string;
  pitches: SeededPitch[];
  /** Board row ids of each group. */
  selectedBoardIds: string[];
  soundingBoardIds: string[];
  steeringBoardIds: string[];
  steeringOrganisationIds: string[];
  /** A board in no group of the campaign. */
  outsiderBoardId: string;
  /** The partner (Mondea), not on the steering group. */
  partnerOrganisationId: string;
}

export async function loadCampaignFixture(api: TestApi): Promise<CampaignFixture> {
  const db = api.database.db;
  const [campaign] = await db.select().from(campaigns).where(sql`${campaigns.title}->>'nl' = ${DUURZAAM_WERKGEVERSCHAP.title.nl}`);
  if (!campaign) throw new Error("seed the sources profile first");
  const applications = await db.select().from(campaignApplications).where(eq(campaignApplications.campaignId, campaign.id));
  const steering = await db.select().from(campaignSteeringMembers).where(eq(campaignSteeringMembers.campaignId, campaign.id));
  const [meeting] = await db.select().from(campaignMeetings).where(eq(campaignMeetings.campaignId, campaign.id));
  const pitchRows = await db
    .select({ pitch: campaignPitches, boardName: boards.name })
    .from(campaignPitches)
    .innerJoin(boards, eq(boards.id, campaignPitches.boardId))
    .where(eq(campaignPitches.campaignId, campaign.id))
    .orderBy(boards.name);
  const options = pitchRows.length
    ? await db
        .select()
        .from(campaignPitchOptions)
        .where(
          inArray(
            campaignPitchOptions.pitchId,
            pitchRows.map((p) => p.pitch.id),
          ),
        )
        .orderBy(campaignPitchOptions.position)
    : [];
  const involved = [...applications.map((a) => a.boardId), ...steering.flatMap((m) => (m.boardId ? [m.boardId] : []))];
  const [outsider] = await db.select({ id: boards.id }).from(boards).where(notInArray(boards.id, involved)).orderBy(boards.name).limit(1);
  const [partner] = await db.select({ id: organisations.id }).from(organisations).where(sql`${organisations.name}->>'nl' = ${DUURZAAM_WERKGEVERSCHAP.partner}`);
  if (!meeting || !outsider || !partner) throw new Error("the seeded campaign is incomplete");
  return {
    campaignRowId: campaign.id,
    campaignId: globalId("Campaign", campaign.id),
    meetingRowId: meeting.id,
    pitches: pitchRows.map(({ pitch }) => {
      const mine = options.filter((o) => o.pitchId === pitch.id).map((o) => o.id) as [string, string, string];
      return {
        pitchId: pitch.id,
        applicationId: pitch.applicationId,
        boardId: pitch.boardId,
        optionIds: mine,
        id: globalId("Pitch", pitch.id),
        options: mine.map((o) => globalId("PitchOption", o)) as [string, string, string],
      };
    }),
    selectedBoardIds: applications.filter((a) => a.status === "SELECTED").map((a) => a.boardId),
    soundingBoardIds: applications.filter((a) => a.status === "SOUNDING_BOARD").map((a) => a.boardId),
    steeringBoardIds: steering.flatMap((m) => (m.boardId ? [m.boardId] : [])),
    steeringOrganisationIds: steering.flatMap((m) => (m.organisationId ? [m.organisationId] : [])),
    outsiderBoardId: outsider.id,
    partnerOrganisationId: partner.id,
  };
}

export const CONSULTANT: Actor = { role: "CONSULTANT", sub: "consultant-1" };
export const ADMIN: Actor = { role: "ADMIN", sub: "admin-1" };
/** A member of a board (by row id). */
export const memberOf = (boardId: string, sub = `member-of-${boardId.slice(0, 8)}`): Actor => ({ role: "BOARD_MEMBER", sub, board: boardId });
export const expertOf = (organisationId: string): Actor => ({ role: "EXPERT", sub: `expert-of-${organisationId.slice(0, 8)}`, org: organisationId });
export const partnerOf = (organisationId: string): Actor => ({ role: "PARTNER", sub: `partner-of-${organisationId.slice(0, 8)}`, org: organisationId });

// The campaigns module's events. Each says what changed with ids and states, never a person, and
// names the policy a receiver must pass, asked again by every channel when it delivers: a result's
// events reach only those who may read the result at that moment (the embargo), an application's
// only the board's own members and editors, a ballot's only editors.

import { z } from "zod";
import { campaignResults } from "../../db/schema/campaigns.js";
import type { Context } from "../shared/context.js";
import { defineEvent } from "../shared/events.js";
import { rowsById } from "../shared/loaders.js";
import { applicationRead, campaignManage, resultRead, voteCountsRead } from "./campaigns.policy.js";
import { resultScope } from "./circle.js";

const operation = z.enum(["CREATED", "UPDATED", "REMOVED"]);

export const campaignChanged = defineEvent({
  name: "campaign.changed",
  version: 1,
  entityType: "Campaign",
  description: "A campaign, its steering group, a meeting or a pitch was created, changed or removed (all public).",
  payload: z.strictObject({
    campaignId: z.string(),
    part: z.enum(["CAMPAIGN", "STEERING_GROUP", "MEETING", "PITCH"]),
    partId: z.string(),
    operation,
  }),
  audience: "public",
});

export const applicationChanged = defineEvent({
  name: "campaign.application.changed",
  version: 1,
  entityType: "CampaignApplication",
  description: "A board applied, or its application was changed, scored or grouped.",
  payload: z.strictObject({ applicationId: z.string(), campaignId: z.string(), boardId: z.string(), status: z.enum(["APPLIED", "SELECTED", "SOUNDING_BOARD"]), operation }),
  audience: { action: applicationRead, resource: async (_ctx, payload) => ({ boardId: payload.boardId }) },
});

export const selectionConfirmed = defineEvent({
  name: "campaign.selection.confirmed",
  version: 1,
  entityType: "Campaign",
  description: "A campaign's selection was confirmed: its selected boards got their trajectory, every other applicant joined the sounding board.",
  payload: z.strictObject({ campaignId: z.string(), selectedBoardIds: z.array(z.string()), soundingBoardSize: z.number().int() }),
  audience: "public",
});

export const ballotCast = defineEvent({
  name: "campaign.ballot.cast",
  version: 1,
  entityType: "Pitch",
  description: "A sounding-board board cast or changed its ballot on a pitch (which options stays with the ballot).",
  payload: z.strictObject({ pitchId: z.string(), campaignId: z.string(), boardId: z.string(), operation: z.enum(["CREATED", "UPDATED"]) }),
  audience: { action: campaignManage, resource: async () => undefined },
});

export const tieDecided = defineEvent({
  name: "campaign.vote.tieDecided",
  version: 1,
  entityType: "Pitch",
  description: "The steering group recorded which 2 options a tied vote keeps.",
  payload: z.strictObject({ pitchId: z.string(), campaignId: z.string(), keptOptionIds: z.array(z.string()) }),
  // Like an open vote's counts: that second place is tied is a count.
  audience: { action: voteCountsRead, resource: async () => undefined },
});

export const voteClosed = defineEvent({
  name: "campaign.vote.closed",
  version: 1,
  entityType: "Pitch",
  description: "A pitch's vote was closed; its 2 kept options became draft results.",
  payload: z.strictObject({ pitchId: z.string(), campaignId: z.string(), keptOptionIds: z.array(z.string()), resultIds: z.array(z.string()) }),
  audience: "public",
});

const resultPayload = z.strictObject({
  resultId: z.string(),
  campaignId: z.string(),
  boardId: z.string().nullable(),
  kind: z.enum(["INSTRUMENT", "TEMPLATE", "GOOD_PRACTICE"]),
  theme: z.string(),
  status: z.enum(["DRAFT", "INTERMEDIATE", "PUBLISHED"]),
});

/** A result's events go to those who may read the result as it is when the event is delivered. */
async function resultAsItIsNow(ctx: Context, payload: { resultId: string }) {
  // Through the request's loader: a channel checking a batch of events costs one statement, not one per event.
  const row = await rowsById<typeof campaignResults.$inferSelect>(ctx, campaignResults).load(payload.resultId);
  return row ? resultScope(ctx, row) : null;
}

const resultEvent = (name: string, description: string) =>
  defineEvent({ name, version: 1, entityType: "CampaignResult", description, payload: resultPayload, audience: { action: resultRead, resource: resultAsItIsNow } });

/**
 * A result's events reach those who may read the result when the event is delivered (so an
 * intermediate event delivered after publication reaches everyone signed in). The published event
 * is public: a result never goes back.
 */
export const resultDrafted = resultEvent("campaign.result.drafted", "A campaign result was drafted: kept by a closed vote, or entered by a consultant.");
export const resultUpdated = resultEvent("campaign.result.updated", "A campaign result's title, description, theme or link changed.");
export const resultIntermediate = resultEvent(
  "campaign.result.intermediate",
  "A campaign result became intermediate: the selected boards, the sounding board and the steering group see it.",
);
export const resultPublished = defineEvent({
  name: "campaign.result.published",
  version: 1,
  entityType: "CampaignResult",
  description: "A campaign result was published: everyone sees it, in the library by theme.",
  payload: resultPayload,
  audience: "public",
});

export const campaignEvents = [
  campaignChanged,
  applicationChanged,
  selectionConfirmed,
  ballotCast,
  tieDecided,
  voteClosed,
  resultDrafted,
  resultUpdated,
  resultIntermediate,
  resultPublished,
];

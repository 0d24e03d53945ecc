import { boardLoader } from "../../boards/boards.service.js";
import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { PitchResolvers } from "./../../types.generated.js";
import { ballotCountOf, campaignOfPitch, meetingOfPitch, optionsOf, tieDecisionOf, viewerBallotOf } from "../votes.service.js";

export const Pitch: PitchResolvers = {
  id: (pitch) => toGlobalId("Pitch", pitch.id),
  campaign: (pitch, _args, ctx) => campaignOfPitch(ctx, pitch),
  meeting: (pitch, _args, ctx) => meetingOfPitch(ctx, pitch),
  board: async ({ boardId }, _args, ctx) => (await boardLoader(ctx).load(boardId))!,
  plan: localized((pitch) => pitch.plan),
  options: (pitch, _args, ctx) => optionsOf(ctx, pitch),
  ballotCount: (pitch, _args, ctx) => ballotCountOf(ctx, pitch),
  tieDecision: (pitch, _args, ctx) => tieDecisionOf(ctx, pitch),
  viewerBallot: (pitch, _args, ctx) => viewerBallotOf(ctx, pitch),
};

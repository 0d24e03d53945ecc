import type { PitchResolvers } from "./../../types.generated.js";
export const Pitch: PitchResolvers = {
  /* Implement Pitch resolver logic here */
  ballotCount: async (_parent, _arg, _ctx) => {
    /* Pitch.ballotCount resolver is required because Pitch.ballotCount exists but PitchMapper.ballotCount does not */
  },
  board: async (_parent, _arg, _ctx) => {
    /* Pitch.board resolver is required because Pitch.board exists but PitchMapper.board does not */
  },
  campaign: async (_parent, _arg, _ctx) => {
    /* Pitch.campaign resolver is required because Pitch.campaign exists but PitchMapper.campaign does not */
  },
  meeting: async (_parent, _arg, _ctx) => {
    /* Pitch.meeting resolver is required because Pitch.meeting exists but PitchMapper.meeting does not */
  },
  options: async (_parent, _arg, _ctx) => {
    /* Pitch.options resolver is required because Pitch.options exists but PitchMapper.options does not */
  },
  plan: ({ plan }, _arg, _ctx) => {
    /* Pitch.plan resolver is required because Pitch.plan and PitchMapper.plan are not compatible */
    return plan;
  },
  tieDecision: async (_parent, _arg, _ctx) => {
    /* Pitch.tieDecision resolver is required because Pitch.tieDecision exists but PitchMapper.tieDecision does not */
  },
  viewerBallot: async (_parent, _arg, _ctx) => {
    /* Pitch.viewerBallot resolver is required because Pitch.viewerBallot exists but PitchMapper.viewerBallot does not */
  },
};

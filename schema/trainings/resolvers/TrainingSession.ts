import type { TrainingSessionResolvers } from "./../../types.generated.js";
export const TrainingSession: TrainingSessionResolvers = {
  /* Implement TrainingSession resolver logic here */
  enrolments: async (_parent, _arg, _ctx) => {
    /* TrainingSession.enrolments resolver is required because TrainingSession.enrolments exists but TrainingSessionMapper.enrolments does not */
  },
  expertOrganisation: async (_parent, _arg, _ctx) => {
    /* TrainingSession.expertOrganisation resolver is required because TrainingSession.expertOrganisation exists but TrainingSessionMapper.expertOrganisation does not */
  },
  freePlaces: async (_parent, _arg, _ctx) => {
    /* TrainingSession.freePlaces resolver is required because TrainingSession.freePlaces exists but TrainingSessionMapper.freePlaces does not */
  },
  hostBoard: async (_parent, _arg, _ctx) => {
    /* TrainingSession.hostBoard resolver is required because TrainingSession.hostBoard exists but TrainingSessionMapper.hostBoard does not */
  },
  seatsTaken: async (_parent, _arg, _ctx) => {
    /* TrainingSession.seatsTaken resolver is required because TrainingSession.seatsTaken exists but TrainingSessionMapper.seatsTaken does not */
  },
  training: async (_parent, _arg, _ctx) => {
    /* TrainingSession.training resolver is required because TrainingSession.training exists but TrainingSessionMapper.training does not */
  },
  viewerCanEnrol: async (_parent, _arg, _ctx) => {
    /* TrainingSession.viewerCanEnrol resolver is required because TrainingSession.viewerCanEnrol exists but TrainingSessionMapper.viewerCanEnrol does not */
  },
  viewerCanUpdate: async (_parent, _arg, _ctx) => {
    /* TrainingSession.viewerCanUpdate resolver is required because TrainingSession.viewerCanUpdate exists but TrainingSessionMapper.viewerCanUpdate does not */
  },
  waitlistLength: async (_parent, _arg, _ctx) => {
    /* TrainingSession.waitlistLength resolver is required because TrainingSession.waitlistLength exists but TrainingSessionMapper.waitlistLength does not */
  },
};

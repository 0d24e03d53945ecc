import type   { TrajectoryParticipationResolvers } from './../../types.generated.js';
    export const TrajectoryParticipation: TrajectoryParticipationResolvers = {
    /* Implement TrajectoryParticipation resolver logic here */
        board: async (_parent, _arg, _ctx) => { /* TrajectoryParticipation.board resolver is required because TrajectoryParticipation.board exists but TrajectoryParticipationMapper.board does not */ },
        feeCharge: async (_parent, _arg, _ctx) => { /* TrajectoryParticipation.feeCharge resolver is required because TrajectoryParticipation.feeCharge exists but TrajectoryParticipationMapper.feeCharge does not */ },
        trajectory: async (_parent, _arg, _ctx) => { /* TrajectoryParticipation.trajectory resolver is required because TrajectoryParticipation.trajectory exists but TrajectoryParticipationMapper.trajectory does not */ }
    };
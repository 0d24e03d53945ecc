import type   { TrajectorySessionResolvers } from './../../types.generated.js';
    export const TrajectorySession: TrajectorySessionResolvers = {
    /* Implement TrajectorySession resolver logic here */
        hostBoard: async (_parent, _arg, _ctx) => { /* TrajectorySession.hostBoard resolver is required because TrajectorySession.hostBoard exists but TrajectorySessionMapper.hostBoard does not */ },
        trajectory: async (_parent, _arg, _ctx) => { /* TrajectorySession.trajectory resolver is required because TrajectorySession.trajectory exists but TrajectorySessionMapper.trajectory does not */ }
    };
import type   { TrajectoryResolvers } from './../../types.generated.js';
    export const Trajectory: TrajectoryResolvers = {
    /* Implement Trajectory resolver logic here */
        action: async (_parent, _arg, _ctx) => { /* Trajectory.action resolver is required because Trajectory.action exists but TrajectoryMapper.action does not */ },
        description: ({ description }, _arg, _ctx) => {
                            /* Trajectory.description resolver is required because Trajectory.description and TrajectoryMapper.description are not compatible */
                            return description
                          },
        fee: async (_parent, _arg, _ctx) => { /* Trajectory.fee resolver is required because Trajectory.fee exists but TrajectoryMapper.fee does not */ },
        participations: async (_parent, _arg, _ctx) => { /* Trajectory.participations resolver is required because Trajectory.participations exists but TrajectoryMapper.participations does not */ },
        partner: async (_parent, _arg, _ctx) => { /* Trajectory.partner resolver is required because Trajectory.partner exists but TrajectoryMapper.partner does not */ },
        sessions: async (_parent, _arg, _ctx) => { /* Trajectory.sessions resolver is required because Trajectory.sessions exists but TrajectoryMapper.sessions does not */ },
        title: ({ title }, _arg, _ctx) => {
                            /* Trajectory.title resolver is required because Trajectory.title and TrajectoryMapper.title are not compatible */
                            return title
                          },
        titleTranslations: async (_parent, _arg, _ctx) => { /* Trajectory.titleTranslations resolver is required because Trajectory.titleTranslations exists but TrajectoryMapper.titleTranslations does not */ },
        viewerCanUpdate: async (_parent, _arg, _ctx) => { /* Trajectory.viewerCanUpdate resolver is required because Trajectory.viewerCanUpdate exists but TrajectoryMapper.viewerCanUpdate does not */ }
    };
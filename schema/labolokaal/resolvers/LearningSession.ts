import type   { LearningSessionResolvers } from './../../types.generated.js';
    export const LearningSession: LearningSessionResolvers = {
    /* Implement LearningSession resolver logic here */
        boards: async (_parent, _arg, _ctx) => { /* LearningSession.boards resolver is required because LearningSession.boards exists but LearningSessionMapper.boards does not */ },
        expert: async (_parent, _arg, _ctx) => { /* LearningSession.expert resolver is required because LearningSession.expert exists but LearningSessionMapper.expert does not */ },
        project: async (_parent, _arg, _ctx) => { /* LearningSession.project resolver is required because LearningSession.project exists but LearningSessionMapper.project does not */ },
        theme: async (_parent, _arg, _ctx) => { /* LearningSession.theme resolver is required because LearningSession.theme exists but LearningSessionMapper.theme does not */ }
    };
import type   { ProjectResolvers } from './../../types.generated.js';
    export const Project: ProjectResolvers = {
    /* Implement Project resolver logic here */
        board: async (_parent, _arg, _ctx) => { /* Project.board resolver is required because Project.board exists but ProjectMapper.board does not */ },
        call: async (_parent, _arg, _ctx) => { /* Project.call resolver is required because Project.call exists but ProjectMapper.call does not */ },
        coachingSessions: async (_parent, _arg, _ctx) => { /* Project.coachingSessions resolver is required because Project.coachingSessions exists but ProjectMapper.coachingSessions does not */ },
        coachingSessionsHeld: async (_parent, _arg, _ctx) => { /* Project.coachingSessionsHeld resolver is required because Project.coachingSessionsHeld exists but ProjectMapper.coachingSessionsHeld does not */ },
        collectiveSessionsAttended: async (_parent, _arg, _ctx) => { /* Project.collectiveSessionsAttended resolver is required because Project.collectiveSessionsAttended exists but ProjectMapper.collectiveSessionsAttended does not */ },
        expert: async (_parent, _arg, _ctx) => { /* Project.expert resolver is required because Project.expert exists but ProjectMapper.expert does not */ },
        finalReport: async (_parent, _arg, _ctx) => { /* Project.finalReport resolver is required because Project.finalReport exists but ProjectMapper.finalReport does not */ },
        ownContribution: async (_parent, _arg, _ctx) => { /* Project.ownContribution resolver is required because Project.ownContribution exists but ProjectMapper.ownContribution does not */ },
        ownContributionCharge: async (_parent, _arg, _ctx) => { /* Project.ownContributionCharge resolver is required because Project.ownContributionCharge exists but ProjectMapper.ownContributionCharge does not */ },
        support: async (_parent, _arg, _ctx) => { /* Project.support resolver is required because Project.support exists but ProjectMapper.support does not */ },
        theme: async (_parent, _arg, _ctx) => { /* Project.theme resolver is required because Project.theme exists but ProjectMapper.theme does not */ }
    };
import type   { MentoringActivityResolvers } from './../../types.generated.js';
    export const MentoringActivity: MentoringActivityResolvers = {
    /* Implement MentoringActivity resolver logic here */
        loggedAt: async (_parent, _arg, _ctx) => { /* MentoringActivity.loggedAt resolver is required because MentoringActivity.loggedAt exists but MentoringActivityMapper.loggedAt does not */ },
        project: async (_parent, _arg, _ctx) => { /* MentoringActivity.project resolver is required because MentoringActivity.project exists but MentoringActivityMapper.project does not */ }
    };
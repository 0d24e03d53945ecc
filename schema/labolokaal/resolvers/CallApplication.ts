import type   { CallApplicationResolvers } from './../../types.generated.js';
    export const CallApplication: CallApplicationResolvers = {
    /* Implement CallApplication resolver logic here */
        board: async (_parent, _arg, _ctx) => { /* CallApplication.board resolver is required because CallApplication.board exists but CallApplicationMapper.board does not */ },
        call: async (_parent, _arg, _ctx) => { /* CallApplication.call resolver is required because CallApplication.call exists but CallApplicationMapper.call does not */ },
        project: async (_parent, _arg, _ctx) => { /* CallApplication.project resolver is required because CallApplication.project exists but CallApplicationMapper.project does not */ },
        submittedAt: async (_parent, _arg, _ctx) => { /* CallApplication.submittedAt resolver is required because CallApplication.submittedAt exists but CallApplicationMapper.submittedAt does not */ }
    };
import type   { ContactQuestionResolvers } from './../../types.generated.js';
    export const ContactQuestion: ContactQuestionResolvers = {
    /* Implement ContactQuestion resolver logic here */
        askedAt: async (_parent, _arg, _ctx) => { /* ContactQuestion.askedAt resolver is required because ContactQuestion.askedAt exists but ContactQuestionMapper.askedAt does not */ },
        board: async (_parent, _arg, _ctx) => { /* ContactQuestion.board resolver is required because ContactQuestion.board exists but ContactQuestionMapper.board does not */ },
        organisation: async (_parent, _arg, _ctx) => { /* ContactQuestion.organisation resolver is required because ContactQuestion.organisation exists but ContactQuestionMapper.organisation does not */ },
        theme: async (_parent, _arg, _ctx) => { /* ContactQuestion.theme resolver is required because ContactQuestion.theme exists but ContactQuestionMapper.theme does not */ }
    };
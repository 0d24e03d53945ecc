import type   { ContactQuestionConnectionResolvers } from './../../types.generated.js';
    export const ContactQuestionConnection: ContactQuestionConnectionResolvers = {
    /* Implement ContactQuestionConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* ContactQuestionConnection.totalCount resolver is required because ContactQuestionConnection.totalCount and ContactQuestionConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
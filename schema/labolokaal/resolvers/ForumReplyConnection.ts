import type   { ForumReplyConnectionResolvers } from './../../types.generated.js';
    export const ForumReplyConnection: ForumReplyConnectionResolvers = {
    /* Implement ForumReplyConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* ForumReplyConnection.totalCount resolver is required because ForumReplyConnection.totalCount and ForumReplyConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
import type   { ForumThreadConnectionResolvers } from './../../types.generated.js';
    export const ForumThreadConnection: ForumThreadConnectionResolvers = {
    /* Implement ForumThreadConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* ForumThreadConnection.totalCount resolver is required because ForumThreadConnection.totalCount and ForumThreadConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
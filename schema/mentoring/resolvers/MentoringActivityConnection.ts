import type   { MentoringActivityConnectionResolvers } from './../../types.generated.js';
    export const MentoringActivityConnection: MentoringActivityConnectionResolvers = {
    /* Implement MentoringActivityConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* MentoringActivityConnection.totalCount resolver is required because MentoringActivityConnection.totalCount and MentoringActivityConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
import type   { MentoringProjectConnectionResolvers } from './../../types.generated.js';
    export const MentoringProjectConnection: MentoringProjectConnectionResolvers = {
    /* Implement MentoringProjectConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* MentoringProjectConnection.totalCount resolver is required because MentoringProjectConnection.totalCount and MentoringProjectConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
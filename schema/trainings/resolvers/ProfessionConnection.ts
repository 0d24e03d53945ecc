import type   { ProfessionConnectionResolvers } from './../../types.generated.js';
    export const ProfessionConnection: ProfessionConnectionResolvers = {
    /* Implement ProfessionConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* ProfessionConnection.totalCount resolver is required because ProfessionConnection.totalCount and ProfessionConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
import type   { LearningToolConnectionResolvers } from './../../types.generated.js';
    export const LearningToolConnection: LearningToolConnectionResolvers = {
    /* Implement LearningToolConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* LearningToolConnection.totalCount resolver is required because LearningToolConnection.totalCount and LearningToolConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
import type   { TrajectoryConnectionResolvers } from './../../types.generated.js';
    export const TrajectoryConnection: TrajectoryConnectionResolvers = {
    /* Implement TrajectoryConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* TrajectoryConnection.totalCount resolver is required because TrajectoryConnection.totalCount and TrajectoryConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
import type   { TrajectorySessionConnectionResolvers } from './../../types.generated.js';
    export const TrajectorySessionConnection: TrajectorySessionConnectionResolvers = {
    /* Implement TrajectorySessionConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* TrajectorySessionConnection.totalCount resolver is required because TrajectorySessionConnection.totalCount and TrajectorySessionConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
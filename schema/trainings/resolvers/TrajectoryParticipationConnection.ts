import type   { TrajectoryParticipationConnectionResolvers } from './../../types.generated.js';
    export const TrajectoryParticipationConnection: TrajectoryParticipationConnectionResolvers = {
    /* Implement TrajectoryParticipationConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* TrajectoryParticipationConnection.totalCount resolver is required because TrajectoryParticipationConnection.totalCount and TrajectoryParticipationConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
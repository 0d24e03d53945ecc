import type   { ProjectCallConnectionResolvers } from './../../types.generated.js';
    export const ProjectCallConnection: ProjectCallConnectionResolvers = {
    /* Implement ProjectCallConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* ProjectCallConnection.totalCount resolver is required because ProjectCallConnection.totalCount and ProjectCallConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
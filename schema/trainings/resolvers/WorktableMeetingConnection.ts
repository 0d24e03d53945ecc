import type   { WorktableMeetingConnectionResolvers } from './../../types.generated.js';
    export const WorktableMeetingConnection: WorktableMeetingConnectionResolvers = {
    /* Implement WorktableMeetingConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* WorktableMeetingConnection.totalCount resolver is required because WorktableMeetingConnection.totalCount and WorktableMeetingConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
import type   { WorktableGroupConnectionResolvers } from './../../types.generated.js';
    export const WorktableGroupConnection: WorktableGroupConnectionResolvers = {
    /* Implement WorktableGroupConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* WorktableGroupConnection.totalCount resolver is required because WorktableGroupConnection.totalCount and WorktableGroupConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
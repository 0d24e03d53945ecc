import type   { DocumentConnectionResolvers } from './../../types.generated.js';
    export const DocumentConnection: DocumentConnectionResolvers = {
    /* Implement DocumentConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* DocumentConnection.totalCount resolver is required because DocumentConnection.totalCount and DocumentConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
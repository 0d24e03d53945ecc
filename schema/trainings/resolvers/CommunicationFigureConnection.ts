import type   { CommunicationFigureConnectionResolvers } from './../../types.generated.js';
    export const CommunicationFigureConnection: CommunicationFigureConnectionResolvers = {
    /* Implement CommunicationFigureConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* CommunicationFigureConnection.totalCount resolver is required because CommunicationFigureConnection.totalCount and CommunicationFigureConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
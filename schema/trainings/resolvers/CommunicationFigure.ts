import type   { CommunicationFigureResolvers } from './../../types.generated.js';
    export const CommunicationFigure: CommunicationFigureResolvers = {
    /* Implement CommunicationFigure resolver logic here */
        baseline: async (_parent, _arg, _ctx) => { /* CommunicationFigure.baseline resolver is required because CommunicationFigure.baseline exists but CommunicationFigureMapper.baseline does not */ },
        end: async (_parent, _arg, _ctx) => { /* CommunicationFigure.end resolver is required because CommunicationFigure.end exists but CommunicationFigureMapper.end does not */ },
        start: async (_parent, _arg, _ctx) => { /* CommunicationFigure.start resolver is required because CommunicationFigure.start exists but CommunicationFigureMapper.start does not */ },
        viewerCanUpdate: async (_parent, _arg, _ctx) => { /* CommunicationFigure.viewerCanUpdate resolver is required because CommunicationFigure.viewerCanUpdate exists but CommunicationFigureMapper.viewerCanUpdate does not */ }
    };

        import type   { MutationResolvers } from './../../../types.generated.js';
        export const recordCommunicationFigure: NonNullable<MutationResolvers['recordCommunicationFigure']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.recordCommunicationFigure resolver logic here */ };

        import type   { MutationResolvers } from './../../../types.generated.js';
        export const updateCommunicationFigure: NonNullable<MutationResolvers['updateCommunicationFigure']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.updateCommunicationFigure resolver logic here */ };
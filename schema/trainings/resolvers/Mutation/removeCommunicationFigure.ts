
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const removeCommunicationFigure: NonNullable<MutationResolvers['removeCommunicationFigure']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.removeCommunicationFigure resolver logic here */ };
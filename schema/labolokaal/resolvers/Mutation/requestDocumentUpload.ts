
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const requestDocumentUpload: NonNullable<MutationResolvers['requestDocumentUpload']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.requestDocumentUpload resolver logic here */ };
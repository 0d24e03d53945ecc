
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const confirmDocumentUpload: NonNullable<MutationResolvers['confirmDocumentUpload']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.confirmDocumentUpload resolver logic here */ };
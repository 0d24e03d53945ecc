
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const requestProfilePhotoUpload: NonNullable<MutationResolvers['requestProfilePhotoUpload']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.requestProfilePhotoUpload resolver logic here */ };
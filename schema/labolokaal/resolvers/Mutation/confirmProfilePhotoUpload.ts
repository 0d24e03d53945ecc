
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const confirmProfilePhotoUpload: NonNullable<MutationResolvers['confirmProfilePhotoUpload']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.confirmProfilePhotoUpload resolver logic here */ };
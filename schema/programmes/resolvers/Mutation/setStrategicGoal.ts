
        import type   { MutationResolvers } from './../../../types.generated.js';
        export const setStrategicGoal: NonNullable<MutationResolvers['setStrategicGoal']> = async (_parent, _arg, _ctx) => { /* Implement Mutation.setStrategicGoal resolver logic here */ };

        import type   { QueryResolvers } from './../../../types.generated.js';
        export const trajectories: NonNullable<QueryResolvers['trajectories']> = async (_parent, _arg, _ctx) => { /* Implement Query.trajectories resolver logic here */ };
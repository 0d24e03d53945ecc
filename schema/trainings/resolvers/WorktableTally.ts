import type   { WorktableTallyResolvers } from './../../types.generated.js';
    /*
    * Note: This object type is generated because "WorktableTallyMapper" is declared. This is to ensure runtime safety.
    *
    * When a mapper is used, it is possible to hit runtime errors in some scenarios:
    * - given a field name, the schema type's field type does not match mapper's field type
    * - or a schema type's field does not exist in the mapper's fields
    *
    * If you want to skip this file generation, remove the mapper or update the pattern in the `resolverGeneration.object` config.
    */
export const WorktableTally: WorktableTallyResolvers = {
    /* Implement WorktableTally resolver logic here */
    byYear: async (_parent, _arg, _ctx) => { /* WorktableTally.byYear resolver is required because WorktableTally.byYear exists but WorktableTallyMapper.byYear does not */ },
    held: async (_parent, _arg, _ctx) => { /* WorktableTally.held resolver is required because WorktableTally.held exists but WorktableTallyMapper.held does not */ }
};
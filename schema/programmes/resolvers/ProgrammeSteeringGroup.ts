import type   { ProgrammeSteeringGroupResolvers } from './../../types.generated.js';
    /*
    * Note: This object type is generated because "ProgrammeSteeringGroupMapper" is declared. This is to ensure runtime safety.
    *
    * When a mapper is used, it is possible to hit runtime errors in some scenarios:
    * - given a field name, the schema type's field type does not match mapper's field type
    * - or a schema type's field does not exist in the mapper's fields
    *
    * If you want to skip this file generation, remove the mapper or update the pattern in the `resolverGeneration.object` config.
    */
export const ProgrammeSteeringGroup: ProgrammeSteeringGroupResolvers = {
    /* Implement ProgrammeSteeringGroup resolver logic here */
    description: ({ description }, _arg, _ctx) => {
                        /* ProgrammeSteeringGroup.description resolver is required because ProgrammeSteeringGroup.description and ProgrammeSteeringGroupMapper.description are not compatible */
                        return description
                      },
    members: async (_parent, _arg, _ctx) => { /* ProgrammeSteeringGroup.members resolver is required because ProgrammeSteeringGroup.members exists but ProgrammeSteeringGroupMapper.members does not */ }
};
import type   { ParticipantProfileResolvers } from './../../types.generated.js';
    /*
    * Note: This object type is generated because "ParticipantProfileMapper" is declared. This is to ensure runtime safety.
    *
    * When a mapper is used, it is possible to hit runtime errors in some scenarios:
    * - given a field name, the schema type's field type does not match mapper's field type
    * - or a schema type's field does not exist in the mapper's fields
    *
    * If you want to skip this file generation, remove the mapper or update the pattern in the `resolverGeneration.object` config.
    */
export const ParticipantProfile: ParticipantProfileResolvers = {
    /* Implement ParticipantProfile resolver logic here */
    board: async (_parent, _arg, _ctx) => { /* ParticipantProfile.board resolver is required because ParticipantProfile.board exists but ParticipantProfileMapper.board does not */ },
    organisation: async (_parent, _arg, _ctx) => { /* ParticipantProfile.organisation resolver is required because ParticipantProfile.organisation exists but ParticipantProfileMapper.organisation does not */ },
    photoUrl: async (_parent, _arg, _ctx) => { /* ParticipantProfile.photoUrl resolver is required because ParticipantProfile.photoUrl exists but ParticipantProfileMapper.photoUrl does not */ }
};
import type   { MentorRegistrationResolvers } from './../../types.generated.js';
    export const MentorRegistration: MentorRegistrationResolvers = {
    /* Implement MentorRegistration resolver logic here */
        project: async (_parent, _arg, _ctx) => { /* MentorRegistration.project resolver is required because MentorRegistration.project exists but MentorRegistrationMapper.project does not */ },
        registeredAt: async (_parent, _arg, _ctx) => { /* MentorRegistration.registeredAt resolver is required because MentorRegistration.registeredAt exists but MentorRegistrationMapper.registeredAt does not */ }
    };
import type   { MentorRegistrationConnectionResolvers } from './../../types.generated.js';
    export const MentorRegistrationConnection: MentorRegistrationConnectionResolvers = {
    /* Implement MentorRegistrationConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* MentorRegistrationConnection.totalCount resolver is required because MentorRegistrationConnection.totalCount and MentorRegistrationConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
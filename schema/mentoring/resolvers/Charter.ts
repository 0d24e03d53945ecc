import type   { CharterResolvers } from './../../types.generated.js';
    export const Charter: CharterResolvers = {
    /* Implement Charter resolver logic here */
        description: ({ description }, _arg, _ctx) => {
                            /* Charter.description resolver is required because Charter.description and CharterMapper.description are not compatible */
                            return description
                          },
        events: async (_parent, _arg, _ctx) => { /* Charter.events resolver is required because Charter.events exists but CharterMapper.events does not */ },
        initiatives: async (_parent, _arg, _ctx) => { /* Charter.initiatives resolver is required because Charter.initiatives exists but CharterMapper.initiatives does not */ },
        signatories: async (_parent, _arg, _ctx) => { /* Charter.signatories resolver is required because Charter.signatories exists but CharterMapper.signatories does not */ },
        title: ({ title }, _arg, _ctx) => {
                            /* Charter.title resolver is required because Charter.title and CharterMapper.title are not compatible */
                            return title
                          }
    };
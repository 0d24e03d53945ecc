import type   { CharterEventResolvers } from './../../types.generated.js';
    export const CharterEvent: CharterEventResolvers = {
    /* Implement CharterEvent resolver logic here */
        description: ({ description }, _arg, _ctx) => {
                            /* CharterEvent.description resolver is required because CharterEvent.description and CharterEventMapper.description are not compatible */
                            return description
                          },
        title: ({ title }, _arg, _ctx) => {
                            /* CharterEvent.title resolver is required because CharterEvent.title and CharterEventMapper.title are not compatible */
                            return title
                          }
    };
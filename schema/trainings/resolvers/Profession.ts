import type   { ProfessionResolvers } from './../../types.generated.js';
    export const Profession: ProfessionResolvers = {
    /* Implement Profession resolver logic here */
        description: ({ description }, _arg, _ctx) => {
                            /* Profession.description resolver is required because Profession.description and ProfessionMapper.description are not compatible */
                            return description
                          },
        published: async (_parent, _arg, _ctx) => { /* Profession.published resolver is required because Profession.published exists but ProfessionMapper.published does not */ },
        title: ({ title }, _arg, _ctx) => {
                            /* Profession.title resolver is required because Profession.title and ProfessionMapper.title are not compatible */
                            return title
                          },
        titleTranslations: async (_parent, _arg, _ctx) => { /* Profession.titleTranslations resolver is required because Profession.titleTranslations exists but ProfessionMapper.titleTranslations does not */ },
        viewerCanUpdate: async (_parent, _arg, _ctx) => { /* Profession.viewerCanUpdate resolver is required because Profession.viewerCanUpdate exists but ProfessionMapper.viewerCanUpdate does not */ }
    };
import type   { OnTheJobTrainingResolvers } from './../../types.generated.js';
    export const OnTheJobTraining: OnTheJobTrainingResolvers = {
    /* Implement OnTheJobTraining resolver logic here */
        company: async (_parent, _arg, _ctx) => { /* OnTheJobTraining.company resolver is required because OnTheJobTraining.company exists but OnTheJobTrainingMapper.company does not */ },
        description: ({ description }, _arg, _ctx) => {
                            /* OnTheJobTraining.description resolver is required because OnTheJobTraining.description and OnTheJobTrainingMapper.description are not compatible */
                            return description
                          },
        partners: async (_parent, _arg, _ctx) => { /* OnTheJobTraining.partners resolver is required because OnTheJobTraining.partners exists but OnTheJobTrainingMapper.partners does not */ },
        title: ({ title }, _arg, _ctx) => {
                            /* OnTheJobTraining.title resolver is required because OnTheJobTraining.title and OnTheJobTrainingMapper.title are not compatible */
                            return title
                          }
    };
import type   { OnTheJobTrainingConnectionResolvers } from './../../types.generated.js';
    export const OnTheJobTrainingConnection: OnTheJobTrainingConnectionResolvers = {
    /* Implement OnTheJobTrainingConnection resolver logic here */
        totalCount: ({ totalCount }, _arg, _ctx) => {
                            /* OnTheJobTrainingConnection.totalCount resolver is required because OnTheJobTrainingConnection.totalCount and OnTheJobTrainingConnectionMapper.totalCount are not compatible */
                            return totalCount
                          }
    };
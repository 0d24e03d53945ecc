import type   { ProgrammeProjectResolvers } from './../../types.generated.js';
    export const ProgrammeProject: ProgrammeProjectResolvers = {
    /* Implement ProgrammeProject resolver logic here */
        description: ({ description }, _arg, _ctx) => {
                            /* ProgrammeProject.description resolver is required because ProgrammeProject.description and ProgrammeProjectMapper.description are not compatible */
                            return description
                          },
        title: ({ title }, _arg, _ctx) => {
                            /* ProgrammeProject.title resolver is required because ProgrammeProject.title and ProgrammeProjectMapper.title are not compatible */
                            return title
                          }
    };
import type   { ProgrammePhaseResolvers } from './../../types.generated.js';
    export const ProgrammePhase: ProgrammePhaseResolvers = {
    /* Implement ProgrammePhase resolver logic here */
        description: ({ description }, _arg, _ctx) => {
                            /* ProgrammePhase.description resolver is required because ProgrammePhase.description and ProgrammePhaseMapper.description are not compatible */
                            return description
                          },
        title: ({ title }, _arg, _ctx) => {
                            /* ProgrammePhase.title resolver is required because ProgrammePhase.title and ProgrammePhaseMapper.title are not compatible */
                            return title
                          }
    };
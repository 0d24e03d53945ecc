import type   { ProgrammeMilestoneResolvers } from './../../types.generated.js';
    export const ProgrammeMilestone: ProgrammeMilestoneResolvers = {
    /* Implement ProgrammeMilestone resolver logic here */
        description: ({ description }, _arg, _ctx) => {
                            /* ProgrammeMilestone.description resolver is required because ProgrammeMilestone.description and ProgrammeMilestoneMapper.description are not compatible */
                            return description
                          },
        title: ({ title }, _arg, _ctx) => {
                            /* ProgrammeMilestone.title resolver is required because ProgrammeMilestone.title and ProgrammeMilestoneMapper.title are not compatible */
                            return title
                          }
    };
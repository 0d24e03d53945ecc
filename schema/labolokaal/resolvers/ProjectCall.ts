import type   { ProjectCallResolvers } from './../../types.generated.js';
    export const ProjectCall: ProjectCallResolvers = {
    /* Implement ProjectCall resolver logic here */
        applications: async (_parent, _arg, _ctx) => { /* ProjectCall.applications resolver is required because ProjectCall.applications exists but ProjectCallMapper.applications does not */ },
        description: ({ description }, _arg, _ctx) => {
                            /* ProjectCall.description resolver is required because ProjectCall.description and ProjectCallMapper.description are not compatible */
                            return description
                          },
        ownContribution: async (_parent, _arg, _ctx) => { /* ProjectCall.ownContribution resolver is required because ProjectCall.ownContribution exists but ProjectCallMapper.ownContribution does not */ },
        status: async (_parent, _arg, _ctx) => { /* ProjectCall.status resolver is required because ProjectCall.status exists but ProjectCallMapper.status does not */ },
        support: async (_parent, _arg, _ctx) => { /* ProjectCall.support resolver is required because ProjectCall.support exists but ProjectCallMapper.support does not */ },
        theme: async (_parent, _arg, _ctx) => { /* ProjectCall.theme resolver is required because ProjectCall.theme exists but ProjectCallMapper.theme does not */ },
        title: ({ title }, _arg, _ctx) => {
                            /* ProjectCall.title resolver is required because ProjectCall.title and ProjectCallMapper.title are not compatible */
                            return title
                          },
        viewerCanApply: async (_parent, _arg, _ctx) => { /* ProjectCall.viewerCanApply resolver is required because ProjectCall.viewerCanApply exists but ProjectCallMapper.viewerCanApply does not */ }
    };
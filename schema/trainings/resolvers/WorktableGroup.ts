import type   { WorktableGroupResolvers } from './../../types.generated.js';
    export const WorktableGroup: WorktableGroupResolvers = {
    /* Implement WorktableGroup resolver logic here */
        action: async (_parent, _arg, _ctx) => { /* WorktableGroup.action resolver is required because WorktableGroup.action exists but WorktableGroupMapper.action does not */ },
        meetings: async (_parent, _arg, _ctx) => { /* WorktableGroup.meetings resolver is required because WorktableGroup.meetings exists but WorktableGroupMapper.meetings does not */ },
        partner: async (_parent, _arg, _ctx) => { /* WorktableGroup.partner resolver is required because WorktableGroup.partner exists but WorktableGroupMapper.partner does not */ },
        title: ({ title }, _arg, _ctx) => {
                            /* WorktableGroup.title resolver is required because WorktableGroup.title and WorktableGroupMapper.title are not compatible */
                            return title
                          },
        titleTranslations: async (_parent, _arg, _ctx) => { /* WorktableGroup.titleTranslations resolver is required because WorktableGroup.titleTranslations exists but WorktableGroupMapper.titleTranslations does not */ },
        viewerCanUpdate: async (_parent, _arg, _ctx) => { /* WorktableGroup.viewerCanUpdate resolver is required because WorktableGroup.viewerCanUpdate exists but WorktableGroupMapper.viewerCanUpdate does not */ }
    };
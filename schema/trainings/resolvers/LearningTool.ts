import type   { LearningToolResolvers } from './../../types.generated.js';
    export const LearningTool: LearningToolResolvers = {
    /* Implement LearningTool resolver logic here */
        action: async (_parent, _arg, _ctx) => { /* LearningTool.action resolver is required because LearningTool.action exists but LearningToolMapper.action does not */ },
        description: ({ description }, _arg, _ctx) => {
                            /* LearningTool.description resolver is required because LearningTool.description and LearningToolMapper.description are not compatible */
                            return description
                          },
        provider: async (_parent, _arg, _ctx) => { /* LearningTool.provider resolver is required because LearningTool.provider exists but LearningToolMapper.provider does not */ },
        published: async (_parent, _arg, _ctx) => { /* LearningTool.published resolver is required because LearningTool.published exists but LearningToolMapper.published does not */ },
        title: ({ title }, _arg, _ctx) => {
                            /* LearningTool.title resolver is required because LearningTool.title and LearningToolMapper.title are not compatible */
                            return title
                          },
        titleTranslations: async (_parent, _arg, _ctx) => { /* LearningTool.titleTranslations resolver is required because LearningTool.titleTranslations exists but LearningToolMapper.titleTranslations does not */ },
        viewerCanUpdate: async (_parent, _arg, _ctx) => { /* LearningTool.viewerCanUpdate resolver is required because LearningTool.viewerCanUpdate exists but LearningToolMapper.viewerCanUpdate does not */ }
    };
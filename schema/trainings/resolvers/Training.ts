import type { TrainingResolvers } from "./../../types.generated.js";
export const Training: TrainingResolvers = {
  /* Implement Training resolver logic here */
  action: async (_parent, _arg, _ctx) => {
    /* Training.action resolver is required because Training.action exists but TrainingMapper.action does not */
  },
  description: ({ description }, _arg, _ctx) => {
    /* Training.description resolver is required because Training.description and TrainingMapper.description are not compatible */
    return description;
  },
  language: ({ language }, _arg, _ctx) => {
    /* Training.language resolver is required because Training.language and TrainingMapper.language are not compatible */
    return language;
  },
  provider: async (_parent, _arg, _ctx) => {
    /* Training.provider resolver is required because Training.provider exists but TrainingMapper.provider does not */
  },
  sessions: async (_parent, _arg, _ctx) => {
    /* Training.sessions resolver is required because Training.sessions exists but TrainingMapper.sessions does not */
  },
  title: ({ title }, _arg, _ctx) => {
    /* Training.title resolver is required because Training.title and TrainingMapper.title are not compatible */
    return title;
  },
  titleTranslations: async (_parent, _arg, _ctx) => {
    /* Training.titleTranslations resolver is required because Training.titleTranslations exists but TrainingMapper.titleTranslations does not */
  },
  viewerCanUpdate: async (_parent, _arg, _ctx) => {
    /* Training.viewerCanUpdate resolver is required because Training.viewerCanUpdate exists but TrainingMapper.viewerCanUpdate does not */
  },
};

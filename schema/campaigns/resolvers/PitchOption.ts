import type { PitchOptionResolvers } from "./../../types.generated.js";
export const PitchOption: PitchOptionResolvers = {
  /* Implement PitchOption resolver logic here */
  description: ({ description }, _arg, _ctx) => {
    /* PitchOption.description resolver is required because PitchOption.description and PitchOptionMapper.description are not compatible */
    return description;
  },
  kept: async (_parent, _arg, _ctx) => {
    /* PitchOption.kept resolver is required because PitchOption.kept exists but PitchOptionMapper.kept does not */
  },
  pitch: async (_parent, _arg, _ctx) => {
    /* PitchOption.pitch resolver is required because PitchOption.pitch exists but PitchOptionMapper.pitch does not */
  },
  title: ({ title }, _arg, _ctx) => {
    /* PitchOption.title resolver is required because PitchOption.title and PitchOptionMapper.title are not compatible */
    return title;
  },
  titleTranslations: async (_parent, _arg, _ctx) => {
    /* PitchOption.titleTranslations resolver is required because PitchOption.titleTranslations exists but PitchOptionMapper.titleTranslations does not */
  },
  votes: async (_parent, _arg, _ctx) => {
    /* PitchOption.votes resolver is required because PitchOption.votes exists but PitchOptionMapper.votes does not */
  },
};

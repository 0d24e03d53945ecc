import type { OnTheJobTrainingConnectionResolvers } from "./../../types.generated.js";

export const OnTheJobTrainingConnection: OnTheJobTrainingConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};

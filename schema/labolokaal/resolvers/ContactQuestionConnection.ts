import type { ContactQuestionConnectionResolvers } from "./../../types.generated.js";

export const ContactQuestionConnection: ContactQuestionConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};

import type { MentorRegistrationConnectionResolvers } from "./../../types.generated.js";

export const MentorRegistrationConnection: MentorRegistrationConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};

import type { DocumentConnectionResolvers } from "./../../types.generated.js";

export const DocumentConnection: DocumentConnectionResolvers = {
  totalCount: ({ totalCount }) => totalCount(),
};

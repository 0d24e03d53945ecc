import type { CommunicationFigureConnectionResolvers } from "./../../types.generated.js";

export const CommunicationFigureConnection: CommunicationFigureConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};

import type { InvoiceConnectionResolvers } from "./../../types.generated.js";

export const InvoiceConnection: InvoiceConnectionResolvers = {
  totalCount: (connection) => connection.totalCount(),
};

import type { FinalReportResolvers } from "./../../types.generated.js";

export const FinalReport: FinalReportResolvers = {};

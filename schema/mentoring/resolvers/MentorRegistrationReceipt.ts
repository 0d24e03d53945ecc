import type { MentorRegistrationReceiptResolvers } from "./../../types.generated.js";
import { projectOf } from "../registrations.service.js";

export const MentorRegistrationReceipt: MentorRegistrationReceiptResolvers = {
  project: (receipt, _args, ctx) => projectOf(ctx, receipt.projectId),
};

import type { SubscriptionResolvers } from "./../../../types.generated.js";
import { boardChanges } from "../../boards.service.js";

export const boardChanged: NonNullable<SubscriptionResolvers['boardChanged']> = {
  subscribe: (_parent, _args, ctx) => boardChanges(ctx),
};

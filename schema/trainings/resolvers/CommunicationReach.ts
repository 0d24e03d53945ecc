import type { CommunicationReachResolvers } from "./../../types.generated.js";
import { channelsOf } from "../communication.service.js";

export const CommunicationReach: CommunicationReachResolvers = {
  channels: (reach, _args, ctx) => channelsOf(ctx, reach),
};

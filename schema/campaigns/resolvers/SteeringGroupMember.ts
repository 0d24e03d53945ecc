import { boardLoader } from "../../boards/boards.service.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { toGlobalId } from "../../shared/relay.js";
import type { SteeringGroupMemberResolvers } from "./../../types.generated.js";

export const SteeringGroupMember: SteeringGroupMemberResolvers = {
  id: (member) => toGlobalId("SteeringGroupMember", member.id),
  board: ({ boardId }, _args, ctx) => (boardId ? boardLoader(ctx).load(boardId) : null),
  organisation: ({ organisationId }, _args, ctx) => (organisationId ? organisationLoader(ctx).load(organisationId) : null),
};

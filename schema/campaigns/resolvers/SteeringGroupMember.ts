import type { SteeringGroupMemberResolvers } from "./../../types.generated.js";
export const SteeringGroupMember: SteeringGroupMemberResolvers = {
  /* Implement SteeringGroupMember resolver logic here */
  board: async (_parent, _arg, _ctx) => {
    /* SteeringGroupMember.board resolver is required because SteeringGroupMember.board exists but SteeringGroupMemberMapper.board does not */
  },
  organisation: async (_parent, _arg, _ctx) => {
    /* SteeringGroupMember.organisation resolver is required because SteeringGroupMember.organisation exists but SteeringGroupMemberMapper.organisation does not */
  },
};

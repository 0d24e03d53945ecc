import { localized } from "../../shared/i18n.js";
import type { ProgrammeSteeringGroupResolvers } from "./../../types.generated.js";
import { steeringMembersOf } from "../programmes.service.js";

export const ProgrammeSteeringGroup: ProgrammeSteeringGroupResolvers = {
  description: localized((group) => group.description),
  members: (group, _args, ctx) => steeringMembersOf(ctx, group),
};

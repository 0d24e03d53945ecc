import type { QueryResolvers } from "./../../../types.generated.js";
import { expectGlobalId } from "../../../shared/relay.js";
import { findTrajectory } from "../../trajectories.service.js";

export const trajectory: NonNullable<QueryResolvers['trajectory']> = async (_parent, { id }, ctx) => findTrajectory(ctx, expectGlobalId(id, "Trajectory"));

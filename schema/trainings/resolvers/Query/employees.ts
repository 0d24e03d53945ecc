import type { QueryResolvers } from "./../../../types.generated.js";
import { listEmployees } from "../../people.service.js";

export const employees: NonNullable<QueryResolvers['employees']> = async (_parent, args, ctx) => listEmployees(ctx, args);

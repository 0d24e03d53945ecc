import { toGlobalId } from "../../shared/relay.js";
import type { EmployeeResolvers } from "./../../types.generated.js";
import { employeeBoard, employeeEnrolments } from "../people.service.js";

export const Employee: EmployeeResolvers = {
  id: (employee) => toGlobalId("Employee", employee.id),
  board: async (employee, _arg, ctx) => {
    const board = await employeeBoard(ctx, employee);
    if (!board) throw new Error(`employee ${employee.id} has no board`);
    return board;
  },
  enrolments: (employee, _arg, ctx) => employeeEnrolments(ctx, employee),
  forgotten: (employee) => employee.forgottenAt !== null,
};

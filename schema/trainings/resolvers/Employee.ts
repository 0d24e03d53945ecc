import type { EmployeeResolvers } from "./../../types.generated.js";
export const Employee: EmployeeResolvers = {
  /* Implement Employee resolver logic here */
  board: async (_parent, _arg, _ctx) => {
    /* Employee.board resolver is required because Employee.board exists but EmployeeMapper.board does not */
  },
  enrolments: async (_parent, _arg, _ctx) => {
    /* Employee.enrolments resolver is required because Employee.enrolments exists but EmployeeMapper.enrolments does not */
  },
  forgotten: async (_parent, _arg, _ctx) => {
    /* Employee.forgotten resolver is required because Employee.forgotten exists but EmployeeMapper.forgotten does not */
  },
};

// PLACEHOLDER (being written): employees and enrolments.
import type { Context } from "../shared/context.js";
import type { Connection } from "../shared/relay.js";
import type { EmployeeMapper as Employee, EnrolmentMapper as Enrolment } from "./trainings.mappers.js";

const pending = (name: string): never => {
  throw new Error(`${name} is not built yet`);
};
export const findEmployee = async (_ctx: Context, _id: string): Promise<Employee | null> => pending("findEmployee");
export const findEnrolment = async (_ctx: Context, _id: string): Promise<Enrolment | null> => pending("findEnrolment");
export const listEmployees = async (_ctx: Context, _args: unknown): Promise<Connection<Employee>> => pending("listEmployees");
export const createEmployee = async (_ctx: Context, _input: unknown): Promise<Employee> => pending("createEmployee");
export const updateEmployee = async (_ctx: Context, _input: unknown): Promise<Employee> => pending("updateEmployee");
export const forgetEmployee = async (_ctx: Context, _input: { id: string }): Promise<Employee> => pending("forgetEmployee");
export const enrol = async (_ctx: Context, _input: unknown): Promise<{ enrolment: Enrolment; promoted: Enrolment | null }> => pending("enrol");
export const cancelEnrolment = async (_ctx: Context, _input: { id: string }): Promise<{ enrolment: Enrolment; promoted: Enrolment | null }> => pending("cancelEnrolment");
export const recordAttendance = async (_ctx: Context, _input: unknown): Promise<{ enrolment: Enrolment; promoted: Enrolment | null }> => pending("recordAttendance");

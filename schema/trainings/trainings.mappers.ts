import type { employees, enrolments, trainingSessions, trainings } from "../../db/schema/trainings.js";
import type { Connection } from "../shared/relay.js";
import type { ReachView } from "./reach.service.js";

export type TrainingMapper = typeof trainings.$inferSelect;
export type TrainingConnectionMapper = Connection<TrainingMapper>;
export type TrainingSessionMapper = typeof trainingSessions.$inferSelect;
export type TrainingSessionConnectionMapper = Connection<TrainingSessionMapper>;
export type EmployeeMapper = typeof employees.$inferSelect;
export type EmployeeConnectionMapper = Connection<EmployeeMapper>;
export type EnrolmentMapper = typeof enrolments.$inferSelect;
export type ReachMapper = ReachView;

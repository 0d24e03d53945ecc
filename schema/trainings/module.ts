// The trainings module: the training offer (catalogue and sessions), the boards' employees who
// take part and their enrolments with a first-come-first-served waitlist, and the reach the
// funding module's commitments measure.
import { count } from "drizzle-orm";
import { trainings } from "../../db/schema/trainings.js";
import { seedTrainings } from "../../db/seed/trainings.js";
import { defineModule } from "../shared/module.js";
import { findEmployee, findEnrolment } from "./people.service.js";
import { distinctEmployeesReached } from "./reach.service.js";
import { enrolmentChanged, trainingChanged } from "./trainings.events.js";
import { attendanceRecord, employeeManage, employeeRead, sessionParticipantsRead, trainingManage } from "./trainings.policy.js";
import { findTraining, findTrainingSession } from "./trainings.service.js";

export const trainingsModule = defineModule({
  name: "trainings",
  nodes: {
    Training: findTraining,
    TrainingSession: findTrainingSession,
    Employee: findEmployee,
    Enrolment: findEnrolment,
  },
  events: [trainingChanged, enrolmentChanged],
  // The funding module needs eight metrics of "trainings" (schema/funding/module.ts); this slice
  // counts the one its records hold. The other seven read 0 with no source until their records exist.
  metrics: {
    defines: [
      {
        key: "training.distinctEmployeesReached",
        description: "Distinct employees of boards who attended a training",
        module: "trainings",
        source: distinctEmployeesReached,
      },
    ],
  },
  policies: [trainingManage, employeeRead, employeeManage, sessionParticipantsRead, attendanceRecord],
  access: [
    { field: "Query.trainings", action: "public" },
    { field: "Query.training", action: "public" },
    { field: "Query.trainingSessions", action: "public", note: "the public sees sessions with free places; editors see every session" },
    { field: "Query.employees", action: employeeRead },
    { field: "Query.reach", action: "public", note: "counts only, never a person" },
    { field: "TrainingSession.enrolments", action: sessionParticipantsRead, note: "a board member sees their own board's enrolments; others an empty list" },
    { field: "Mutation.createTraining", action: trainingManage },
    { field: "Mutation.updateTraining", action: trainingManage },
    { field: "Mutation.createTrainingSession", action: trainingManage },
    { field: "Mutation.updateTrainingSession", action: trainingManage },
    { field: "Mutation.createEmployee", action: employeeManage },
    { field: "Mutation.updateEmployee", action: employeeManage },
    { field: "Mutation.forgetEmployee", action: employeeManage },
    { field: "Mutation.enrol", action: employeeManage },
    { field: "Mutation.cancelEnrolment", action: employeeManage },
    { field: "Mutation.recordAttendance", action: attendanceRecord },
  ],
  seed: {
    async sources(database, progress) {
      // Once: the catalogue the source names, on a database that has no trainings yet.
      const [existing] = await database.db.select({ n: count() }).from(trainings);
      if ((existing?.n ?? 0) > 0) return {};
      const seeded = await database.db.transaction((tx) => seedTrainings(tx));
      progress("trainings", seeded, seeded);
      return { trainings: seeded };
    },
  },
});

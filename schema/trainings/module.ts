// The trainings module: the training offer (catalogue and sessions), the boards' employees who
// take part and their enrolments with a first-come-first-served waitlist, and the reach the
// funding module's commitments measure.
import { trainings } from "../../db/schema/trainings.js";
import { coFinancingRead } from "../funding/funding.policy.js";
import { defineModule, seedOnce } from "../shared/module.js";
import { communicationMetrics, communicationNodes } from "./communication.service.js";
import { findEmployee, findEnrolment } from "./people.service.js";
import { platformMetrics, platformNodes } from "./platform.service.js";
import { communicationFigureChanged, platformChanged, trajectoryChanged, trajectoryParticipationChanged, worktableChanged } from "./programme.events.js";
import { distinctEmployeesReached } from "./reach.service.js";
import { enrolmentChanged, trainingChanged } from "./trainings.events.js";
import {
  attendanceRecord,
  communicationRecord,
  employeeManage,
  employeeRead,
  platformManage,
  sessionParticipantsRead,
  trainingManage,
  trajectoryManage,
  worktableManage,
} from "./trainings.policy.js";
import { findTraining, findTrainingSession } from "./trainings.service.js";
import { trajectoriesMetrics, trajectoriesNodes } from "./trajectories.service.js";
import { worktablesMetrics, worktablesNodes } from "./worktables.service.js";

export const trainingsModule = defineModule({
  name: "trainings",
  nodes: {
    Training: findTraining,
    TrainingSession: findTrainingSession,
    Employee: findEmployee,
    Enrolment: findEnrolment,
    ...trajectoriesNodes,
    ...worktablesNodes,
    ...platformNodes,
    ...communicationNodes,
  },
  events: [trainingChanged, enrolmentChanged, trajectoryChanged, trajectoryParticipationChanged, worktableChanged, platformChanged, communicationFigureChanged],
  // The funding module needs ten metrics of "trainings" (schema/funding/module.ts); each part of
  // the module counts those its records hold, documented where it defines them.
  metrics: {
    defines: [
      {
        key: "training.distinctEmployeesReached",
        description: "Distinct employees of boards who attended a training",
        module: "trainings",
        source: distinctEmployeesReached,
      },
      ...trajectoriesMetrics,
      ...worktablesMetrics,
      ...platformMetrics,
      ...communicationMetrics,
    ],
  },
  policies: [trainingManage, employeeRead, employeeManage, sessionParticipantsRead, attendanceRecord, trajectoryManage, worktableManage, platformManage, communicationRecord],
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
    { field: "Query.trajectories", action: "public" },
    { field: "Query.trajectory", action: "public" },
    { field: "TrajectoryParticipation.feeCharge", action: coFinancingRead, note: "the board's fee charge; null for those who may not read its co-financing" },
    {
      field: "Enrolment.feeCharge",
      action: employeeRead,
      note: "the fee charge of an enrolment the viewer sees, if they also read the board's co-financing (so not the teaching expert); null for others",
    },
    { field: "Mutation.createTrajectory", action: trajectoryManage },
    { field: "Mutation.updateTrajectory", action: trajectoryManage },
    { field: "Mutation.joinTrajectory", action: trajectoryManage },
    { field: "Mutation.withdrawFromTrajectory", action: trajectoryManage },
    { field: "Mutation.createTrajectorySession", action: trajectoryManage },
    { field: "Mutation.updateTrajectorySession", action: trajectoryManage },
    { field: "Query.worktableGroups", action: "public" },
    { field: "Query.worktableMeetings", action: "public" },
    { field: "Query.worktableMeetingsHeld", action: "public", note: "counts only" },
    { field: "Mutation.createWorktableGroup", action: worktableManage },
    { field: "Mutation.updateWorktableGroup", action: worktableManage },
    { field: "Mutation.planWorktableMeeting", action: worktableManage },
    { field: "Mutation.updateWorktableMeeting", action: worktableManage },
    { field: "Mutation.recordWorktableMeetingHeld", action: worktableManage },
    { field: "Mutation.cancelWorktableMeeting", action: worktableManage },
    { field: "Mutation.sendWorktableMaterial", action: worktableManage },
    { field: "Query.learningTools", action: "public", note: "the public sees the tools published today; editors every tool" },
    { field: "Query.professions", action: "public", note: "the public sees the professions listed today; editors every one" },
    { field: "Query.publishedLearningTools", action: "public", note: "today's tools, the same for every reader (cacheable)" },
    { field: "Query.publishedProfessions", action: "public", note: "today's professions, the same for every reader (cacheable)" },
    { field: "Mutation.createLearningTool", action: platformManage },
    { field: "Mutation.updateLearningTool", action: platformManage },
    { field: "Mutation.createProfession", action: platformManage },
    { field: "Mutation.updateProfession", action: platformManage },
    { field: "Query.communicationFigures", action: "public", note: "counts only" },
    { field: "Query.communicationReach", action: "public", note: "counts only" },
    { field: "Mutation.recordCommunicationFigure", action: communicationRecord },
    { field: "Mutation.updateCommunicationFigure", action: communicationRecord },
    { field: "Mutation.removeCommunicationFigure", action: communicationRecord },
  ],
  // Seed data is imported when a seed runs: serving requests (a Lambda cold start) never loads it.
  seed: {
    // Once: the catalogue the source names, on a database that has no trainings yet.
    sources: seedOnce(trainings, "trainings", async (tx) => {
      const [{ seedTrainings }, { seedProgramme }] = await Promise.all([import("../../db/seed/trainings.js"), import("../../db/seed/programme.js")]);
      return { trainings: await seedTrainings(tx), ...(await seedProgramme(tx)) };
    }),
    /** The sector-sized synthetic set: employees, sessions, enrolments and the programme's records. */
    sector: async (database, progress, options) => (await import("../../db/seed/sector-trainings.js")).seedTrainingsSector(database, progress, options),
  },
});

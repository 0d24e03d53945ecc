// The mentoring module: the charter "Decent Work for All" (seed 004) with its signatories and
// events, the directory of mentoring projects and its matching for talents and companies, mentors
// who register without an account, the projects' follow-up of their activities, and the
// on-the-job training initiatives of companies with social and public partners.
import { charters } from "../../db/schema/mentoring.js";
import { defineModule, seedOnce } from "../shared/module.js";
import { findMentoringActivity } from "./activities.service.js";
import { findCharter, findCharterEvent, findMentoringProject, findOnTheJobTraining } from "./directory.service.js";
import { mentorConfirmationRoutes } from "./mentor-links.js";
import { mentoringEvents } from "./mentoring.events.js";
import { mentoringDirectoryManage, mentoringProjectManage, mentorRegistrationRead, onTheJobTrainingCreate } from "./mentoring.policy.js";
import { findMentorRegistration } from "./registrations.service.js";

export const mentoringModule = defineModule({
  name: "mentoring",
  nodes: {
    Charter: findCharter,
    CharterEvent: findCharterEvent,
    MentoringProject: findMentoringProject,
    MentorRegistration: findMentorRegistration,
    MentoringActivity: findMentoringActivity,
    OnTheJobTraining: findOnTheJobTraining,
  },
  downloads: mentorConfirmationRoutes,
  events: mentoringEvents,
  policies: [mentoringDirectoryManage, mentoringProjectManage, mentorRegistrationRead, onTheJobTrainingCreate],
  access: [
    { field: "Query.charters", action: "public" },
    { field: "Query.mentoringProjects", action: "public" },
    { field: "Query.mentoringMatches", action: "public", note: "nothing of the profile asked with is stored or logged" },
    { field: "Query.onTheJobTrainings", action: "public" },
    { field: "MentoringProject.registrations", action: mentorRegistrationRead, note: "the only place a mentor's contact details appear" },
    { field: "MentoringProject.activities", action: mentoringProjectManage },
    { field: "MentoringProject.statistics", action: mentoringProjectManage },
    { field: "Mutation.createMentoringProject", action: mentoringDirectoryManage },
    { field: "Mutation.updateMentoringProject", action: mentoringProjectManage },
    {
      field: "Mutation.registerAsMentor",
      action: "public",
      note: "no account needed; limited per e-mail address, per network address and per project (RATE_LIMITED)",
    },
    { field: "Mutation.confirmMentorEmail", action: "public", note: "needs the signed token from the e-mail" },
    { field: "Mutation.withdrawMentorRegistration", action: "public", note: "needs the signed token from the e-mail" },
    { field: "Mutation.decideMentorRegistration", action: mentorRegistrationRead },
    { field: "Mutation.logMentoringActivity", action: mentoringProjectManage },
    { field: "Mutation.createOnTheJobTraining", action: onTheJobTrainingCreate },
  ],
  // Seed data is imported when a seed runs: serving requests (a Lambda cold start) never loads it.
  seed: {
    // Once: the charter with its signatories and event, the initiatives the source names, and
    // example projects (marked) to show the directory and its matching.
    sources: seedOnce(charters, "charters", async (tx) => (await import("../../db/seed/mentoring.js")).seedMentoring(tx)),
  },
});

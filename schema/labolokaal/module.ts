// The LaboLokaal module (seed 002): the project fund's themes and calls, boards' applications and
// the projects they become (with their expert, support and own contribution in the co-financing
// ledger), learning-network and coaching sessions, final reports, and the participants-only
// platform of each theme: documents in object storage, a forum, profiles and the contact form.
import { laboThemes } from "../../db/schema/labolokaal.js";
import { defineModule, seedOnce } from "../shared/module.js";
import { findCallApplication, findLearningSession, findProject, findProjectCall, findTheme } from "./calls.service.js";
import { documentLinkRoutes } from "./document-links.js";
import { findDocument } from "./documents.service.js";
import { findForumReply, findForumThread } from "./forum.service.js";
import { laboEvents } from "./labolokaal.events.js";
import {
  callApply,
  callManage,
  laboApplicationRead,
  postEdit,
  postRemove,
  profileUpdate,
  questionAnswer,
  questionAsk,
  questionRead,
  reportSubmit,
  sessionRecord,
  spaceEnter,
  spacePost,
  themeManage,
  uploadConfirm,
} from "./labolokaal.policy.js";
import { findContactQuestion } from "./questions.service.js";
import { storageRoutes } from "./storage-routes.js";

export const laboLokaalModule = defineModule({
  name: "labolokaal",
  nodes: {
    Theme: findTheme,
    ProjectCall: findProjectCall,
    CallApplication: findCallApplication,
    Project: findProject,
    LearningSession: findLearningSession,
    Document: findDocument,
    ForumThread: findForumThread,
    ForumReply: findForumReply,
    ContactQuestion: findContactQuestion,
  },
  downloads: [...storageRoutes, ...documentLinkRoutes],
  events: laboEvents,
  policies: [
    callApply,
    callManage,
    laboApplicationRead,
    postEdit,
    postRemove,
    profileUpdate,
    questionAnswer,
    questionAsk,
    questionRead,
    reportSubmit,
    sessionRecord,
    spaceEnter,
    spacePost,
    themeManage,
    uploadConfirm,
  ],
  access: [
    { field: "Query.themes", action: "public" },
    { field: "Query.projectCalls", action: "public" },
    { field: "Query.projects", action: "public" },
    { field: "Query.myProfile", action: profileUpdate },
    { field: "Query.contactQuestions", action: questionRead, note: "consultants and admins see every question; others only their own" },
    { field: "Theme.space", action: spaceEnter },
    { field: "ProjectCall.applications", action: laboApplicationRead, note: "a board member sees their own board's; others an empty list" },
    { field: "Project.finalReport", action: spaceEnter, note: "null for those outside the theme's space" },
    { field: "Project.ownContributionCharge", action: callManage, note: "null for others" },
    { field: "Mutation.createTheme", action: themeManage },
    { field: "Mutation.openProjectCall", action: callManage },
    { field: "Mutation.applyToCall", action: callApply },
    { field: "Mutation.reviewApplication", action: callManage },
    { field: "Mutation.decideApplication", action: callManage },
    { field: "Mutation.recordLearningSession", action: sessionRecord },
    { field: "Mutation.submitFinalReport", action: reportSubmit },
    { field: "Mutation.requestDocumentUpload", action: spacePost },
    { field: "Mutation.confirmDocumentUpload", action: uploadConfirm },
    { field: "Mutation.removeDocument", action: postRemove },
    { field: "Mutation.startThread", action: spacePost },
    { field: "Mutation.replyToThread", action: spacePost },
    { field: "Mutation.editThread", action: postEdit },
    { field: "Mutation.editReply", action: postEdit },
    { field: "Mutation.removeThread", action: postRemove },
    { field: "Mutation.removeReply", action: postRemove },
    { field: "Mutation.updateProfile", action: profileUpdate },
    { field: "Mutation.requestProfilePhotoUpload", action: profileUpdate },
    { field: "Mutation.confirmProfilePhotoUpload", action: profileUpdate },
    { field: "Mutation.askQuestion", action: questionAsk },
    { field: "Mutation.answerQuestion", action: questionAnswer },
  ],
  // Seed data is imported when a seed runs: serving requests (a Lambda cold start) never loads it.
  seed: {
    // Once: the two themes the source names (VIA-funded) and its calls, closed on 31 January 2020.
    sources: seedOnce(laboThemes, "themes", async (tx) => (await import("../../db/seed/labolokaal.js")).seedLaboLokaal(tx)),
  },
});

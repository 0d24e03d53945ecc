// The mentoring module's events. A mentor's registration event carries ids and the status only,
// never a name or an address, and reaches only those who may see the project's registrations when
// it is delivered. Directory changes and activities are the project's; activities reach those who
// run it.
import { z } from "zod";
import { mentoringProjects } from "../../db/schema/mentoring.js";
import type { Context } from "../shared/context.js";
import { defineEvent } from "../shared/events.js";
import { rowsById } from "../shared/loaders.js";
import { mentoringProjectManage, mentorRegistrationRead, type ProjectScope } from "./mentoring.policy.js";

async function projectScope(ctx: Context, projectId: string): Promise<ProjectScope> {
  const project = await rowsById<typeof mentoringProjects.$inferSelect>(ctx, mentoringProjects).load(projectId);
  return { organisationId: project?.organisationId ?? null };
}

export const mentoringProjectChanged = defineEvent({
  name: "mentoring.project.changed",
  version: 1,
  entityType: "MentoringProject",
  description: "A mentoring project was added to the directory or changed (public).",
  payload: z.strictObject({ projectId: z.string(), operation: z.enum(["CREATED", "UPDATED"]) }),
  audience: "public",
});

export const mentorRegistrationChanged = defineEvent({
  name: "mentoring.registration.changed",
  version: 1,
  entityType: "MentorRegistration",
  description: "A mentor registered, confirmed their address, was confirmed or declined, or withdrew (ids and status only).",
  payload: z.strictObject({
    registrationId: z.string(),
    projectId: z.string(),
    status: z.enum(["PENDING", "CONFIRMED", "DECLINED", "WITHDRAWN"]),
    emailConfirmed: z.boolean(),
  }),
  audience: { action: mentorRegistrationRead, resource: (ctx, payload) => projectScope(ctx, payload.projectId) },
});

export const mentoringActivityLogged = defineEvent({
  name: "mentoring.activity.logged",
  version: 1,
  entityType: "MentoringActivity",
  description: "A mentoring project logged sessions, matches or outcomes.",
  payload: z.strictObject({
    activityId: z.string(),
    projectId: z.string(),
    kind: z.enum(["SESSION", "MATCH", "OUTCOME"]),
    count: z.number().int(),
    occurredOn: z.string(),
  }),
  audience: { action: mentoringProjectManage, resource: (ctx, payload) => projectScope(ctx, payload.projectId) },
});

export const onTheJobTrainingChanged = defineEvent({
  name: "mentoring.onTheJobTraining.changed",
  version: 1,
  entityType: "OnTheJobTraining",
  description: "An on-the-job training initiative was added (public).",
  payload: z.strictObject({ trainingId: z.string(), companyId: z.string(), operation: z.enum(["CREATED", "UPDATED"]) }),
  audience: "public",
});

export const mentoringEvents = [mentoringProjectChanged, mentorRegistrationChanged, mentoringActivityLogged, onTheJobTrainingChanged];

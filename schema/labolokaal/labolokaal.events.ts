// The LaboLokaal module's events. Calls, themes, projects and sessions are public, so are their
// events. An application's event reaches its board's members and editors; the platform's events
// (documents, posts) reach only those who may enter the theme's space when delivered, and carry
// ids only, never a text, a file name or a person.
import { z } from "zod";
import type { Context } from "../shared/context.js";
import { defineEvent } from "../shared/events.js";
import { laboApplicationRead, spaceEnter } from "./labolokaal.policy.js";
import { isMemberOfTheme } from "./membership.js";

const operation = z.enum(["CREATED", "UPDATED", "REMOVED"]);

const spaceAudience = {
  action: spaceEnter,
  resource: async (ctx: Context, payload: { themeId: string }) => ({ themeId: payload.themeId, member: await isMemberOfTheme(ctx, payload.themeId) }),
};

export const callChanged = defineEvent({
  name: "labo.call.changed",
  version: 1,
  entityType: "ProjectCall",
  description: "A theme was added or a project call opened (public).",
  payload: z.strictObject({ callId: z.string().nullable(), themeId: z.string(), operation }),
  audience: "public",
});

export const applicationChanged = defineEvent({
  name: "labo.application.changed",
  version: 1,
  entityType: "CallApplication",
  description: "A board applied to a call, or its application was reviewed or decided.",
  payload: z.strictObject({
    applicationId: z.string(),
    callId: z.string(),
    boardId: z.string(),
    decision: z.enum(["SELECTED", "NOT_SELECTED"]).nullable(),
    operation,
  }),
  audience: { action: laboApplicationRead, resource: async (_ctx, payload) => ({ boardId: payload.boardId }) },
});

export const projectChanged = defineEvent({
  name: "labo.project.changed",
  version: 1,
  entityType: "Project",
  description: "A project started (a selected application), a session was recorded, or its final report was submitted (public facts, no text).",
  payload: z.strictObject({
    projectId: z.string().nullable(),
    themeId: z.string(),
    part: z.enum(["PROJECT", "SESSION", "FINAL_REPORT"]),
    partId: z.string(),
  }),
  audience: "public",
});

export const spaceChanged = defineEvent({
  name: "labo.space.changed",
  version: 1,
  entityType: "Theme",
  description: "In a theme's space a document was shared or removed, or a thread or reply was posted, edited or removed (ids only).",
  payload: z.strictObject({
    themeId: z.string(),
    part: z.enum(["DOCUMENT", "THREAD", "REPLY"]),
    partId: z.string(),
    operation,
  }),
  audience: spaceAudience,
});

export const laboEvents = [callChanged, applicationChanged, projectChanged, spaceChanged];

// Events of the rest of the programme. Trajectories, worktables, tools, professions and figures
// are public records of boards and organisations; no event carries a person or a fee.
import { z } from "zod";
import { defineEvent } from "../shared/events.js";

const operation = z.enum(["CREATED", "UPDATED", "REMOVED"]);

export const trajectoryChanged = defineEvent({
  name: "trajectory.changed",
  version: 1,
  entityType: "Trajectory",
  description: "A trajectory or one of its sessions was created or changed.",
  payload: z.strictObject({ trajectoryId: z.string(), sessionId: z.string().nullable(), operation }),
  audience: "public",
});

export const trajectoryParticipationChanged = defineEvent({
  name: "trajectory.participationChanged",
  version: 1,
  entityType: "TrajectoryParticipation",
  description: "A board joined or withdrew from a trajectory (the fee stays in the co-financing ledger's own events).",
  payload: z.strictObject({ participationId: z.string(), trajectoryId: z.string(), boardId: z.string(), status: z.enum(["JOINED", "WITHDRAWN"]) }),
  audience: "public",
});

export const worktableChanged = defineEvent({
  name: "worktable.changed",
  version: 1,
  entityType: "WorktableMeeting",
  description: "A worktable group or meeting was created or changed: planned, moved, held (with how many boards attended), cancelled, material sent.",
  payload: z.strictObject({
    groupId: z.string(),
    meetingId: z.string().nullable(),
    status: z.enum(["PLANNED", "HELD", "CANCELLED"]).nullable(),
    attendingBoards: z.number().int().nullable(),
    operation,
  }),
  audience: "public",
});

export const platformChanged = defineEvent({
  name: "platform.changed",
  version: 1,
  entityType: "LearningTool",
  description: "A learning tool or a LokaalWerkt profession was created or changed.",
  payload: z.strictObject({ type: z.enum(["LearningTool", "Profession"]), id: z.string(), operation }),
  audience: "public",
});

export const communicationFigureChanged = defineEvent({
  name: "communication.figureChanged",
  version: 1,
  entityType: "CommunicationFigure",
  description: "A communication figure of action 9 was entered, corrected or removed.",
  payload: z.strictObject({ figureId: z.string(), channel: z.enum(["NEWSLETTER", "WEBSITE"]), operation }),
  audience: "public",
});

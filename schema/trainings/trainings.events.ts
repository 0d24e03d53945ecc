// The trainings module's events. The catalogue's are public; an enrolment's event says which
// session and board, never who: a person's data never leaves through an event.
import { z } from "zod";
import { defineEvent } from "../shared/events.js";

export const trainingChanged = defineEvent({
  name: "training.changed",
  version: 1,
  entityType: "Training",
  description: "A training or one of its sessions was created or changed (the catalogue is public).",
  payload: z.strictObject({ trainingId: z.string(), sessionId: z.string().nullable(), operation: z.enum(["CREATED", "UPDATED"]) }),
  audience: "public",
});

export const enrolmentChanged = defineEvent({
  name: "enrolment.changed",
  version: 1,
  entityType: "Enrolment",
  description: "A seat of a session was taken, waitlisted, freed, or its attendance recorded; counts only.",
  payload: z.strictObject({
    enrolmentId: z.string(),
    sessionId: z.string(),
    boardId: z.string(),
    status: z.enum(["REGISTERED", "WAITLISTED", "ATTENDED", "NO_SHOW", "CANCELLED"]),
    seatsTaken: z.number().int(),
    waitlistLength: z.number().int(),
  }),
  audience: "public",
});

// The programmes module's events: a programme's goal or phase changed. Programmes are public, so
// are their events; the payload holds ids and states only.
import { z } from "zod";
import { defineEvent } from "../shared/events.js";

export const programmeChanged = defineEvent({
  name: "programme.changed",
  version: 1,
  entityType: "Programme",
  description: "A programme's strategic goal was filled in or rewritten, or a phase's status or dates changed.",
  payload: z.strictObject({
    programmeId: z.string(),
    part: z.enum(["GOAL", "PHASE"]),
    partId: z.string(),
    status: z.enum(["PLANNED", "ONGOING", "COMPLETED"]).nullable(),
  }),
  audience: "public",
});

export const programmeEvents = [programmeChanged];

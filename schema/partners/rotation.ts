// Rotating a partner's credential (an API key, a webhook's signing secret): the new one is shown
// once and the old one keeps working for an overlap, so the partner's machines can move over.
import { z } from "zod";

export const DEFAULT_OVERLAP_HOURS = 24;
export const MAX_OVERLAP_HOURS = 168;
const HOUR_MS = 3_600_000;

/** What a rotation takes: the credential's id and the overlap in whole hours (0-168, 24 by default). */
export const rotateInput = z.object({
  id: z.string(),
  overlapHours: z
    .number()
    .int("must be a whole number of hours")
    .min(0, `must be from 0 to ${MAX_OVERLAP_HOURS}`)
    .max(MAX_OVERLAP_HOURS, `must be from 0 to ${MAX_OVERLAP_HOURS}`)
    .nullish(),
});

/** The overlap asked for, in milliseconds. */
export function overlapMsOf(input: { overlapHours?: number | null }): number {
  return (input.overlapHours ?? DEFAULT_OVERLAP_HOURS) * HOUR_MS;
}

// Placeholder: written by the mentor registration helper.
import type { Context } from "../shared/context.js";
import type { MentoringProjectMapper, MentorRegistrationConnectionMapper, MentorRegistrationMapper } from "./mentoring.mappers.js";

export async function findMentorRegistration(_ctx: Context, _id: string): Promise<MentorRegistrationMapper | null> {
  throw new Error("not implemented");
}
/** The project's confirmed mentors, counted through a loader (one statement for a page of projects). */
export async function confirmedMentorCount(_ctx: Context, _project: MentoringProjectMapper): Promise<number> {
  throw new Error("not implemented");
}
/** The project's registrations, newest first; FORBIDDEN unless mentorRegistrationRead. */
export async function registrationsOf(
  _ctx: Context,
  _project: MentoringProjectMapper,
  _args: { first?: number | null; after?: string | null; status?: MentorRegistrationMapper["status"] | null },
): Promise<MentorRegistrationConnectionMapper> {
  throw new Error("not implemented");
}

// Placeholder: written by the LaboLokaal storage and documents helper.
import type { Context } from "../shared/context.js";
import type { ParticipantProfileMapper } from "./labolokaal.mappers.js";

/** Who wrote or shared something, as the platform shows them (a loader by subject: one statement for a page). */
export async function authorProfileOf(_ctx: Context, _author: { subject: string; boardId: string | null; organisationId: string | null }): Promise<ParticipantProfileMapper> {
  throw new Error("not implemented");
}

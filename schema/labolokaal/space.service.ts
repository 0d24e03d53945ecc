// Placeholder: written by the LaboLokaal forum helper.
import type { Board } from "../boards/boards.service.js";
import type { OrganisationMapper } from "../organisations/organisations.mappers.js";
import type { Context } from "../shared/context.js";
import type { ThemeMapper, ThemeSpaceMapper } from "./labolokaal.mappers.js";

/** The theme's space for a viewer who may enter it (assertInSpace); UNAUTHENTICATED / FORBIDDEN otherwise. */
export async function spaceOf(_ctx: Context, _theme: ThemeMapper): Promise<ThemeSpaceMapper> {
  throw new Error("not implemented");
}
/** The participating boards, by name (a loader). */
export async function spaceBoards(_ctx: Context, _space: ThemeSpaceMapper): Promise<Board[]> {
  throw new Error("not implemented");
}
/** The experts' organisations, by name (a loader). */
export async function spaceExperts(_ctx: Context, _space: ThemeSpaceMapper): Promise<OrganisationMapper[]> {
  throw new Error("not implemented");
}

// Who belongs to a theme's participants' space. Nothing is stored for it: membership follows from
// the projects, so it starts when a board's application is selected and ends when its project is
// gone, with no list to keep in step. The members of a participating board (BOARD_MEMBER of it)
// and the experts of the theme's projects (EXPERT of the expert organisation) belong; consultants
// and admins moderate every space; nobody else enters. Asked again on every read and every signed
// link, so a link cannot outlive a membership.
import { eq, or } from "drizzle-orm";
import { laboProjects } from "../../db/schema/labolokaal.js";
import type { Context } from "../shared/context.js";
import { defineLoader } from "../shared/loaders.js";
import { assertCan } from "../shared/policy.js";
import { type SpaceScope, spaceEnter } from "./labolokaal.policy.js";

/** The themes whose space the request's actor belongs to (one statement per request). */
const memberThemes = defineLoader<"self", Set<string>>(async (ctx, keys) => {
  const actor = ctx.actor;
  let themes = new Set<string>();
  if (actor.role === "BOARD_MEMBER" || actor.role === "EXPERT") {
    const condition = actor.role === "BOARD_MEMBER" ? eq(laboProjects.boardId, actor.boardId) : eq(laboProjects.expertId, actor.organisationId);
    const rows = await ctx.db.selectDistinct({ themeId: laboProjects.themeId }).from(laboProjects).where(or(condition));
    themes = new Set(rows.map((r) => r.themeId));
  }
  return keys.map(() => themes);
});

/** Whether the actor belongs to the theme's space (moderators are not members; they pass spaceEnter on their role). */
export async function isMemberOfTheme(ctx: Context, themeId: string): Promise<boolean> {
  return (await memberThemes(ctx).load("self")).has(themeId);
}

/** The ids of the themes the actor belongs to. */
export async function themesOfMember(ctx: Context): Promise<ReadonlySet<string>> {
  return memberThemes(ctx).load("self");
}

/** The scope the space's policies judge. */
export async function spaceScope(ctx: Context, themeId: string): Promise<SpaceScope> {
  return { themeId, member: await isMemberOfTheme(ctx, themeId) };
}

/** UNAUTHENTICATED without a token, FORBIDDEN for someone outside the theme's space. */
export async function assertInSpace(ctx: Context, themeId: string): Promise<void> {
  await assertCan(ctx, spaceEnter, await spaceScope(ctx, themeId));
}

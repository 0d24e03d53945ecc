// A theme's participants' space as a whole: letting a viewer in (members and moderators only) and
// who belongs to it, the participating boards and the experts' organisations, read from the
// projects (membership is never stored: schema/labolokaal/membership.ts). Its documents and forum
// live in documents.service.ts and forum.service.ts.
import { asc, getTableColumns, inArray, sql } from "drizzle-orm";
import { boards } from "../../db/schema/boards.js";
import { laboProjects } from "../../db/schema/labolokaal.js";
import { organisations } from "../../db/schema/organisations.js";
import type { Board } from "../boards/boards.service.js";
import type { OrganisationMapper } from "../organisations/organisations.mappers.js";
import type { Context } from "../shared/context.js";
import { childRows } from "../shared/loaders.js";
import type { ThemeMapper, ThemeSpaceMapper } from "./labolokaal.mappers.js";
import { assertInSpace } from "./membership.js";

/** The theme's space for a viewer who may enter it (assertInSpace); UNAUTHENTICATED / FORBIDDEN otherwise. */
export async function spaceOf(ctx: Context, theme: ThemeMapper): Promise<ThemeSpaceMapper> {
  await assertInSpace(ctx, theme.id);
  return { theme };
}

/** The boards with a project in each theme, by name: one statement for a list of themes. */
const boardsOfThemes = childRows<Board & { themeId: string }>(
  (ctx, themeIds) =>
    ctx.db
      .selectDistinct({ ...getTableColumns(boards), themeId: laboProjects.themeId })
      .from(laboProjects)
      .innerJoin(boards, sql`${boards.id} = ${laboProjects.boardId}`)
      .where(inArray(laboProjects.themeId, themeIds))
      .orderBy(asc(boards.name), asc(boards.id)),
  (row) => row.themeId,
);

/** The experts' organisations of each theme's projects, by Dutch name: one statement for a list of themes. */
const expertsOfThemes = childRows<OrganisationMapper & { themeId: string; sortName: string }>(
  (ctx, themeIds) =>
    ctx.db
      // DISTINCT orders only by what it selects: the Dutch name is selected under its own name.
      .selectDistinct({ ...getTableColumns(organisations), themeId: laboProjects.themeId, sortName: sql<string>`${organisations.name}->>'nl'`.as("sort_name") })
      .from(laboProjects)
      .innerJoin(organisations, sql`${organisations.id} = ${laboProjects.expertId}`)
      .where(inArray(laboProjects.themeId, themeIds))
      .orderBy(sql`sort_name`, asc(organisations.id)),
  (row) => row.themeId,
);

/** The participating boards, by name (a loader). */
export async function spaceBoards(ctx: Context, space: ThemeSpaceMapper): Promise<Board[]> {
  return (await boardsOfThemes(ctx).load(space.theme.id)).map(({ themeId: _themeId, ...board }) => board);
}

/** The experts' organisations, by name (a loader). */
export async function spaceExperts(ctx: Context, space: ThemeSpaceMapper): Promise<OrganisationMapper[]> {
  return (await expertsOfThemes(ctx).load(space.theme.id)).map(({ themeId: _themeId, sortName: _sortName, ...organisation }) => organisation);
}

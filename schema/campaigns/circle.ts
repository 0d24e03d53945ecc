// Who is involved in a campaign: its selected boards, its sounding board (every applicant not
// selected) and its steering group. The embargo on intermediate results, the vote and the tie
// rule all look at this circle; it is loaded once per request for every campaign a batch asks.
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { campaignApplications, campaignResults, campaignSteeringMembers } from "../../db/schema/campaigns.js";
import type { Context } from "../shared/context.js";
import { defineLoader } from "../shared/loaders.js";
import { can } from "../shared/policy.js";
import { type CampaignCircle, campaignManage, type ResultScope, resultRead } from "./campaigns.policy.js";

export const circleLoader = defineLoader<string, CampaignCircle>(async ({ db }, ids) => {
  const [applications, steering] = await Promise.all([
    db
      .select({ campaignId: campaignApplications.campaignId, boardId: campaignApplications.boardId, status: campaignApplications.status })
      .from(campaignApplications)
      .where(and(inArray(campaignApplications.campaignId, [...ids]), inArray(campaignApplications.status, ["SELECTED", "SOUNDING_BOARD"]))),
    db
      .select({ campaignId: campaignSteeringMembers.campaignId, boardId: campaignSteeringMembers.boardId, organisationId: campaignSteeringMembers.organisationId })
      .from(campaignSteeringMembers)
      .where(inArray(campaignSteeringMembers.campaignId, [...ids])),
  ]);
  return ids.map((campaignId) => ({
    campaignId,
    selectedBoardIds: applications.filter((a) => a.campaignId === campaignId && a.status === "SELECTED").map((a) => a.boardId),
    soundingBoardIds: applications.filter((a) => a.campaignId === campaignId && a.status === "SOUNDING_BOARD").map((a) => a.boardId),
    steeringBoardIds: steering.flatMap((m) => (m.campaignId === campaignId && m.boardId ? [m.boardId] : [])),
    steeringOrganisationIds: steering.flatMap((m) => (m.campaignId === campaignId && m.organisationId ? [m.organisationId] : [])),
  }));
});

export const circleOf = (ctx: Context, campaignId: string): Promise<CampaignCircle> => circleLoader(ctx).load(campaignId);

/** What the embargo looks at for a result row. */
export async function resultScope(ctx: Context, result: { campaignId: string; status: ResultScope["status"] }): Promise<ResultScope> {
  return { status: result.status, circle: await circleOf(ctx, result.campaignId) };
}

/** Whether the viewer may read a result: a published one is everyone's; before that, the embargo (`resultRead`) decides. */
export async function mayReadResult(ctx: Context, result: { campaignId: string; status: ResultScope["status"] }): Promise<boolean> {
  return result.status === "PUBLISHED" || can(ctx, resultRead, await resultScope(ctx, result));
}

/**
 * The campaigns whose intermediate results the actor sees, as SQL on a campaign id column: a
 * board member's board is selected, on the sounding board or on the steering group; an expert's
 * or partner's organisation is on the steering group. False for everyone else.
 */
export function inActorsCircle(ctx: Context, campaignId: AnyPgColumn): SQL {
  const actor = ctx.actor;
  if (actor.role === "BOARD_MEMBER") {
    return or(
      inArraySubquery(
        campaignId,
        sql`select ${campaignApplications.campaignId} from ${campaignApplications} where ${campaignApplications.boardId} = ${actor.boardId} and ${campaignApplications.status} in ('SELECTED', 'SOUNDING_BOARD')`,
      ),
      inArraySubquery(campaignId, sql`select ${campaignSteeringMembers.campaignId} from ${campaignSteeringMembers} where ${campaignSteeringMembers.boardId} = ${actor.boardId}`),
    ) as SQL;
  }
  if (actor.role === "EXPERT" || actor.role === "PARTNER") {
    return inArraySubquery(
      campaignId,
      sql`select ${campaignSteeringMembers.campaignId} from ${campaignSteeringMembers} where ${campaignSteeringMembers.organisationId} = ${actor.organisationId}`,
    );
  }
  return sql`false`;
}

function inArraySubquery(column: AnyPgColumn, subquery: SQL): SQL {
  return sql`${column} in (${subquery})`;
}

/**
 * The embargo as SQL on campaign_results, for lists and counts: the same rule as `resultRead`
 * (campaigns.policy.ts), which node(id) and nested fields ask row by row. Undefined: no limit.
 */
export async function visibleResults(ctx: Context): Promise<SQL | undefined> {
  if (await can(ctx, campaignManage, undefined)) return undefined;
  return or(eq(campaignResults.status, "PUBLISHED"), and(eq(campaignResults.status, "INTERMEDIATE"), inActorsCircle(ctx, campaignResults.campaignId)));
}

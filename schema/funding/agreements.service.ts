// Reading funding agreements and their structure (tracks, actions, commitments), the loaders
// that keep those reads free of N+1, and who may read which part of an agreement.
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { GraphQLResolveInfo } from "graphql";
import { z } from "zod";
import { actionPartners, actions, agreementSteeringMembers, commitmentMeasures, commitments, fundingAgreements, tracks } from "../../db/schema/funding.js";
import { organisations } from "../../db/schema/organisations.js";
import type { Context } from "../shared/context.js";
import { fn } from "../shared/fn.js";
import { childRows, defineLoaderFamily, groupRows, prime, rowsById } from "../shared/loaders.js";
import { selects } from "../shared/lookahead.js";
import type { Period } from "../shared/metrics.js";
import { countRows, expectGlobalId, type Keyset, paginate } from "../shared/relay.js";

export type Agreement = typeof fundingAgreements.$inferSelect;
export type Track = typeof tracks.$inferSelect;
export type Action = typeof actions.$inferSelect;
export type Commitment = typeof commitments.$inferSelect;
export type Measure = typeof commitmentMeasures.$inferSelect;
type Organisation = typeof organisations.$inferSelect;

export const agreementLoader = (ctx: Context) => rowsById<Agreement>(ctx, fundingAgreements);
export const trackLoader = (ctx: Context) => rowsById<Track>(ctx, tracks);
export const actionLoader = (ctx: Context) => rowsById<Action>(ctx, actions);
export const commitmentLoader = (ctx: Context) => rowsById<Commitment>(ctx, commitments);

export const tracksOfAgreement = childRows(
  (ctx, ids) => ctx.db.select().from(tracks).where(inArray(tracks.agreementId, ids)).orderBy(asc(tracks.number)),
  (t) => t.agreementId,
);

export const actionsOfTrack = childRows(
  (ctx, ids) => ctx.db.select().from(actions).where(inArray(actions.trackId, ids)).orderBy(asc(actions.number)),
  (a) => a.trackId,
);

/**
 * The tracks of each agreement with their actions, and the actions' partners when `withPartners`:
 * one statement for the two or three levels (left joins), whose rows prime the loaders the Track
 * and Action resolvers read (actionsOfTrack, partnersOfAction), so they send none. Orders as
 * those loaders do.
 */
const tracksWithActions = defineLoaderFamily<string, Track[], { withPartners: boolean }>(
  ({ withPartners }) => String(withPartners),
  async (ctx, { withPartners }, agreementIds) => {
    const base = ctx.db
      .select({ track: tracks, action: actions, partner: withPartners ? organisations : sql<null>`null` })
      .from(tracks)
      .leftJoin(actions, eq(actions.trackId, tracks.id))
      .$dynamic();
    const rows = await (withPartners
      ? base.leftJoin(actionPartners, eq(actionPartners.actionId, actions.id)).leftJoin(organisations, eq(organisations.id, actionPartners.organisationId))
      : base
    )
      .where(inArray(tracks.agreementId, [...agreementIds]))
      .orderBy(asc(tracks.number), asc(actions.number), ...(withPartners ? [asc(organisations.createdAt), asc(organisations.id)] : []));
    const trackRows = new Map(rows.map((row) => [row.track.id, row.track]));
    const actionRows = new Map(rows.flatMap((row) => (row.action ? [[row.action.id, row.action] as const] : [])));
    prime(
      actionsOfTrack(ctx),
      groupRows(actionRows.values(), (action) => action.trackId, trackRows.keys()),
    );
    if (withPartners) {
      const partners = rows.flatMap((row) => (row.action && row.partner ? [{ actionId: row.action.id, organisation: row.partner as Organisation }] : []));
      prime(
        partnersOfAction(ctx),
        groupRows(partners, (partner) => partner.actionId, actionRows.keys()),
      );
    }
    const byAgreement = groupRows(trackRows.values(), (track) => track.agreementId);
    return agreementIds.map((id) => byAgreement.get(id) ?? []);
  },
);

/** The agreement's tracks, with the levels below them the query selects read in the same statement. */
export function tracksOf(ctx: Context, agreementId: string, info: Pick<GraphQLResolveInfo, "fieldNodes" | "fragments">): Promise<Track[]> {
  if (!selects(info, "actions")) return tracksOfAgreement(ctx).load(agreementId);
  return tracksWithActions(ctx, { withPartners: selects(info, "actions", "partners") }).load(agreementId);
}

export const commitmentsOfAgreement = childRows(
  (ctx, ids) => ctx.db.select().from(commitments).where(inArray(commitments.agreementId, ids)).orderBy(asc(commitments.kind), asc(commitments.number)),
  (c) => c.agreementId,
);

export const commitmentsOfAction = childRows(
  (ctx, ids) => ctx.db.select().from(commitments).where(inArray(commitments.actionId, ids)).orderBy(asc(commitments.number)),
  (c) => c.actionId,
);

export const measuresOfCommitment = childRows(
  (ctx, ids) => ctx.db.select().from(commitmentMeasures).where(inArray(commitmentMeasures.commitmentId, ids)).orderBy(asc(commitmentMeasures.metric)),
  (m) => m.commitmentId,
);

/** The organisations of each agreement's steering group (joint management). */
export const steeringGroupOf = childRows(
  (ctx, ids) => ctx.db.select().from(agreementSteeringMembers).where(inArray(agreementSteeringMembers.agreementId, ids)),
  (m) => m.agreementId,
);

export const partnersOfAction = childRows<{ actionId: string; organisation: Organisation }>(
  (ctx, ids) =>
    ctx.db
      .select({ actionId: actionPartners.actionId, organisation: organisations })
      .from(actionPartners)
      .innerJoin(organisations, eq(organisations.id, actionPartners.organisationId))
      .where(inArray(actionPartners.actionId, ids))
      // Organisations seeded together share their creation time: the id settles ties, so that
      // every statement reading partners gives them in the same order.
      .orderBy(asc(organisations.createdAt), asc(organisations.id)),
  (p) => p.actionId,
);

export function periodOf(agreement: Agreement): Period {
  return { start: agreement.periodStart, end: agreement.periodEnd };
}

// The sort key as text, like every other list's: a cursor's key is compared as text, so a forged
// key that is not a date pages nowhere instead of failing the statement.
const periodStartText = sql<string>`to_char(${fundingAgreements.periodStart}, 'YYYY-MM-DD')`;
const keyset: Keyset = { sortKey: periodStartText, id: fundingAgreements.id };

export const listAgreements = fn(z.object({ first: z.number().int().nullish(), after: z.string().nullish() }), async (ctx, args) =>
  paginate(
    args,
    keyset,
    (page) =>
      ctx.db
        .select()
        .from(fundingAgreements)
        .where(page.after)
        .orderBy(...page.orderBy)
        .limit(page.limit),
    (a) => [a.periodStart, a.id],
    () => countRows(ctx.db, fundingAgreements),
  ),
);

export async function getAgreement(ctx: Context, globalId: string, field = "id"): Promise<Agreement | null> {
  return agreementLoader(ctx).load(expectGlobalId(globalId, "FundingAgreement", field));
}

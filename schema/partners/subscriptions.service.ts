// GraphQL subscriptions to campaign results: campaignResultPublished (everyone, published results)
// and campaignResultChanged (for those signed in: every result event whose result the subscriber
// may read when it arrives). One rule for
// both transports: locally the bus (fed by the outbox relay) drives the subscribe iterators below;
// on AWS the realtime dispatcher (realtime.ts) asks `resultForSubscriber` for each stored
// subscription. Either way the result is loaded as the subscriber, with fresh data, when the event
// arrives: findCampaignResult applies the embargo, and null means the event is not sent.
import type DataLoader from "dataloader";
import { z } from "zod";
import { campaigns } from "../../db/schema/campaigns.js";
import { resultDrafted, resultIntermediate, resultPublished, resultUpdated } from "../campaigns/campaigns.events.js";
import type { CampaignResultMapper } from "../campaigns/campaigns.mappers.js";
import { findCampaignResult } from "../campaigns/results.service.js";
import type { Context } from "../shared/context.js";
import { notFound } from "../shared/errors.js";
import { type AnyEventDefinition, type DomainEvent, mapEvents } from "../shared/events.js";
import { fn } from "../shared/fn.js";
import { rowsById } from "../shared/loaders.js";
import { assertRoleMay } from "../shared/policy.js";
import { expectGlobalId } from "../shared/relay.js";
import { resultChangesFollow } from "./partners.policy.js";

export type ResultField = "campaignResultPublished" | "campaignResultChanged";

/** The events that feed each subscription field. */
export const RESULT_SUBSCRIPTION_EVENTS: Record<ResultField, readonly AnyEventDefinition[]> = {
  campaignResultPublished: [resultPublished],
  campaignResultChanged: [resultDrafted, resultUpdated, resultIntermediate, resultPublished],
};

export const isResultField = (name: string): name is ResultField => Object.hasOwn(RESULT_SUBSCRIPTION_EVENTS, name);

export const eventNamesOf = (field: ResultField): string[] => RESULT_SUBSCRIPTION_EVENTS[field].map((d) => d.name);

/**
 * The context with loaders of its own, empty: a subscription outlives its request, so the
 * request's loaders would answer with the rows they cached when it started.
 */
export function withFreshLoaders(ctx: Context): Context {
  const loaders = new Map<object, Map<string, DataLoader<unknown, unknown>>>();
  const fresh = Object.create(ctx) as Context;
  Object.defineProperty(fresh, "loader", {
    value: <K, V>(key: object, variant: string, create: () => DataLoader<K, V>): DataLoader<K, V> => {
      let variants = loaders.get(key);
      if (!variants) loaders.set(key, (variants = new Map()));
      let loader = variants.get(variant);
      if (!loader) variants.set(variant, (loader = create() as DataLoader<unknown, unknown>));
      return loader as DataLoader<K, V>;
    },
  });
  return fresh;
}

const args = z.object({ campaignId: z.string().nullish() });

/** The campaign a subscription is limited to (row id), or null for every campaign; an unknown one is NOT_FOUND. */
async function campaignFilter(ctx: Context, campaignId: string | null | undefined): Promise<string | null> {
  if (campaignId == null) return null;
  const rowId = expectGlobalId(campaignId, "Campaign", "campaignId");
  if (!(await rowsById(ctx, campaigns).load(rowId))) throw notFound("Campaign", "campaignId");
  return rowId;
}

/** Checks a subscription's arguments as its subscriber; returns the campaign filter (row id or null). */
export const checkResultSubscription = async (ctx: Context, field: ResultField, input: { campaignId?: string | null }): Promise<string | null> => {
  if (field === "campaignResultChanged") assertRoleMay(ctx, resultChangesFollow);
  return campaignFilter(ctx, args.parse(input).campaignId);
};

/**
 * The result an event is about, as the subscriber may read it now, or null when the event is not
 * for this subscription (another field's event, another campaign) or the result is not theirs to read.
 */
export async function resultForSubscriber(
  ctx: Context,
  field: ResultField,
  event: Pick<DomainEvent, "name" | "payload">,
  campaignRowId: string | null,
): Promise<CampaignResultMapper | null> {
  if (!eventNamesOf(field).includes(event.name)) return null;
  const payload = event.payload as { resultId?: unknown; campaignId?: unknown };
  if (typeof payload.resultId !== "string") return null;
  if (campaignRowId !== null && payload.campaignId !== campaignRowId) return null;
  return findCampaignResult(ctx, payload.resultId);
}

function resultEvents<F extends ResultField>(ctx: Context, field: F, campaignRowId: string | null): AsyncIterableIterator<{ [K in F]: CampaignResultMapper }> {
  return mapEvents(ctx.events.subscribe(RESULT_SUBSCRIPTION_EVENTS[field]), async (event) => {
    // Asked per event as the subscriber with fresh rows and circle; the event's own fields (campaign,
    // board, option) are read through the subscription's context, whose loaders start empty too.
    ctx.forgetLoaded();
    const result = await resultForSubscriber(ctx, field, event, campaignRowId);
    return result ? ({ [field]: result } as { [K in F]: CampaignResultMapper }) : null;
  });
}

/** Subscription.campaignResultPublished: each result of the campaign (or of every campaign) when it is published. */
export const campaignResultsPublished = fn(args, async (ctx, input) => {
  const campaignRowId = await checkResultSubscription(ctx, "campaignResultPublished", input);
  return resultEvents(ctx, "campaignResultPublished", campaignRowId);
});

/** Subscription.campaignResultChanged: each result event whose result the subscriber may read when it arrives. */
export const campaignResultsChanged = fn(args, async (ctx, input) => {
  const campaignRowId = await checkResultSubscription(ctx, "campaignResultChanged", input);
  return resultEvents(ctx, "campaignResultChanged", campaignRowId);
});

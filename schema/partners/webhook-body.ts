// What a webhook delivery's body holds, per the Standard Webhooks specification:
//   { "type": "campaign.result.published", "timestamp": "<ISO of the event>",
//     "data": { ...the event's payload, "id": <the entity's global id>, "result": {...} } }
// `result` (CampaignResult events) is the result as the API shows it to that partner at the
// moment of sending: a GraphQL query run as the partner against the app's own schema, so the
// body can never show more than the partner could read through the API. When the API answers
// null (the partner may not read it, or it is gone), there is nothing to send.
//
// A batch's bodies for one receiver are rendered in one GraphQL execution (one aliased node(id)
// field per event), so the node lookups go through the context's DataLoaders together: the SQL
// statements are per batch, not per event.
import { execute, type GraphQLSchema, parse } from "graphql";
import type { Context } from "../shared/context.js";
import type { DomainEvent } from "../shared/events.js";
import { toGlobalId } from "../shared/relay.js";

/** Bodies above this are not sent (the delivery fails with the reason). */
export const MAX_BODY_BYTES = 256 * 1024;

const RESULT_FIELDS = `fragment WebhookResultFields on CampaignResult {
  id title(locale: NL) status kind theme link publishedAt
  campaign { id title(locale: NL) }
  board { id name }
}`;

/** The events whose body carries the entity as the API shows it, and the fragment that selects it. */
const RENDERED: Record<string, { key: string; fragment: string; spread: string }> = {
  CampaignResult: { key: "result", fragment: RESULT_FIELDS, spread: "...WebhookResultFields" },
};

export interface WebhookBody {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * The bodies of `events` as the context's actor may see them, in order; null where the API shows
 * that actor nothing of the entity. Throws when the API fails for another reason (the database
 * is down): the attempt is then not made, and the deliveries come due again after their lease.
 */
export async function renderBodies(schema: GraphQLSchema, ctx: Context, events: readonly DomainEvent[]): Promise<(WebhookBody | null)[]> {
  const rendered = events.map((event, index) => ({ event, index, how: RENDERED[event.entityType] }));
  const queried = rendered.filter((r) => r.how);
  const answers = new Map<number, unknown>();
  if (queried.length > 0) {
    const fragments = [...new Set(queried.map((r) => r.how!.fragment))];
    const variables = queried.map((r) => `$id${r.index}: ID!`).join(", ");
    const fields = queried.map((r) => `e${r.index}: node(id: $id${r.index}) { ${r.how!.spread} }`).join("\n");
    const document = parse(`query WebhookBodies(${variables}) {\n${fields}\n}\n${fragments.join("\n")}`);
    const variableValues = Object.fromEntries(queried.map((r) => [`id${r.index}`, toGlobalId(r.event.entityType, r.event.entityId)]));
    const result = await execute({ schema, document, contextValue: ctx, variableValues });
    const unexpected = result.errors?.find((e) => !["NOT_FOUND", "FORBIDDEN"].includes(String(e.extensions?.code)));
    if (unexpected) throw new Error(`rendering webhook bodies failed: ${unexpected.message}`);
    for (const r of queried) answers.set(r.index, result.data?.[`e${r.index}`] ?? null);
  }
  return rendered.map(({ event, index, how }) => {
    const data: Record<string, unknown> = { ...event.payload, id: toGlobalId(event.entityType, event.entityId) };
    if (how) {
      const entity = answers.get(index);
      if (!entity) return null;
      data[how.key] = entity;
    }
    return { type: event.name, timestamp: event.occurredAt.toISOString(), data };
  });
}

/** The body of a test event ("send test event"): no domain event behind it, nothing to hide. */
export function testBody(eventName: string, at: Date, subscriptionId: string): WebhookBody {
  return { type: eventName, timestamp: at.toISOString(), data: { id: toGlobalId("WebhookSubscription", subscriptionId), test: true } };
}

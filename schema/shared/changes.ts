// Every write goes through `change`: one transaction that holds the write itself, its audit
// log row and its outbox event, so a change is either whole or absent. Events reach the
// in-process bus only after the commit.
import type { Tx } from "../../db/client.js";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { actorSubject } from "./auth.js";
import type { Context } from "./context.js";
import type { DomainEvent } from "./events.js";

export interface Recorder {
  /** Writes the audit row and the outbox event of one changed entity. */
  record(entry: {
    operation: string;
    entityType: string;
    entityId: string;
    before: unknown;
    after: unknown;
    event: string;
  }): Promise<void>;
}

export async function change<T>(ctx: Context, work: (tx: Tx, recorder: Recorder) => Promise<T>): Promise<T> {
  const published: DomainEvent[] = [];
  const result = await ctx.db.transaction(async (tx) => {
    const recorder: Recorder = {
      async record({ operation, entityType, entityId, before, after, event }) {
        await tx.insert(auditLog).values({
          actorId: actorSubject(ctx.actor),
          actorRole: ctx.actor.role,
          operation,
          entityType,
          entityId,
          before: toJson(before),
          after: toJson(after),
          requestId: ctx.requestId,
        });
        const domainEvent: DomainEvent = { type: event, entityType, entityId, payload: { before: toJson(before), after: toJson(after) } };
        await tx.insert(domainEvents).values(domainEvent);
        published.push(domainEvent);
      },
    };
    return work(tx, recorder);
  });
  for (const event of published) ctx.events.publish(event);
  return result;
}

/** Rows hold Dates; the log keeps their ISO form. */
function toJson(value: unknown): unknown {
  return value == null ? null : JSON.parse(JSON.stringify(value));
}

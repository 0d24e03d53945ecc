// Every write goes through `change`: one transaction that holds the write itself, its audit
// log row and its outbox events, so a change is either whole or absent. A change inside another
// joins it (transaction.ts); the relay is woken only after the outermost commit.
import type { Tx } from "../../db/client.js";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { actorSubject } from "./auth.js";
import type { Context } from "./context.js";
import type { EventDefinition } from "./events.js";
import { afterCommit, inTransaction } from "./transaction.js";

export interface Recorder {
  /** Writes the audit row of one changed entity: who did what, when, and the rows before and after. */
  record(entry: { operation: string; entityType: string; entityId: string; before: unknown; after: unknown }): Promise<void>;
  /** Writes an event to the outbox; its payload is checked against the event's schema. */
  emit<P>(event: EventDefinition<P>, entityId: string, payload: P): Promise<void>;
}

export async function change<T>(ctx: Context, work: (tx: Tx, recorder: Recorder) => Promise<T>): Promise<T> {
  const { owner, db } = ctx.transactions;
  return inTransaction(
    owner,
    db,
    (tx) => {
      const recorder: Recorder = {
        async record({ operation, entityType, entityId, before, after }) {
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
        },
        async emit(event, entityId, payload) {
          const parsed = event.payload.safeParse(payload);
          // A payload that does not match its schema is a bug in the emitting module, not bad input.
          if (!parsed.success)
            throw new Error(
              `event ${event.name} v${event.version}: payload does not match its schema (${parsed.error.issues.map((i) => i.path.join(".") || i.message).join(", ")})`,
            );
          await tx
            .insert(domainEvents)
            .values({ name: event.name, version: event.version, entityType: event.entityType, entityId, payload: parsed.data as Record<string, unknown> });
          afterCommit(owner, () => ctx.events.committed());
        },
      };
      return work(tx, recorder);
    },
    (error) => console.error(JSON.stringify({ level: "error", msg: "after-commit effect failed", requestId: ctx.requestId, name: (error as Error)?.name })),
  );
}

/** Rows hold Dates; the log keeps their ISO form. */
function toJson(value: unknown): unknown {
  return value == null ? null : JSON.parse(JSON.stringify(value));
}

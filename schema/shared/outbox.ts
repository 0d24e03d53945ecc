// The outbox relay: reads the events changes wrote to domain_events, in commit order, and hands
// them to consumers.
//
// Order and completeness. Positions come from a sequence at insert time, so a transaction that
// inserts position 7 may commit after one that inserted 8; a reader that simply asked for
// "position > 7" would skip it for ever. Each event therefore records its transaction's id
// (txid), and a relay reads only events whose transaction is older than the oldest one still
// running (pg_snapshot_xmin): those transactions have all ended, so nothing can still appear
// below that line. Events are delivered in (txid, position) order, which is the order their
// transactions started writing, the same for every relay.
//
// Two kinds of consumer:
// - this process's bus (GraphQL subscriptions): each server process keeps its own cursor in
//   memory, starting at the head when it starts, because a live subscription wants only what
//   happens from now on. The first relay to hand an event on sets its `published_at`.
// - durable consumers (the webhook dispatcher, later): a checkpoint row each in
//   outbox_checkpoints, advanced in the same transaction that holds the row locked with SKIP
//   LOCKED, so several relays of one consumer never run a batch twice at once. Delivery is
//   at least once: a batch whose handler fails, or whose relay dies, is read again.
//
// A relay wakes on PostgreSQL's NOTIFY (a trigger on domain_events notifies at commit), on a
// commit in its own process, and otherwise polls.
import { sql } from "drizzle-orm";
import type { Database, Db } from "../../db/client.js";
import type { DomainEvent, EventBus } from "./events.js";

export interface Cursor {
  txid: number;
  position: number;
}

const START: Cursor = { txid: 0, position: 0 };

type Row = { position: string | number; txid: string | number; name: string; version: number; entity_type: string; entity_id: string; payload: unknown; created_at: string | Date };

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  // Every driver answers `execute` with { rows }; the shared query-builder type does not say so.
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The oldest transaction still running: every transaction below it has ended. */
const HORIZON = sql`(pg_snapshot_xmin(pg_current_snapshot())::text)::bigint`;

/** An event as a relay reads it: with its transaction's id, which places it in relay order. */
export type RelayedEvent = DomainEvent & { txid: number };

/** Events after the cursor whose transactions have all ended, in relay order. */
export async function readAfter(db: Db, cursor: Cursor, limit: number): Promise<RelayedEvent[]> {
  const found = await rows<Row>(
    db,
    sql`select position, txid, name, version, entity_type, entity_id, payload, created_at from domain_events
        where (txid, position) > (${cursor.txid}::bigint, ${cursor.position}::bigint)
          and txid < ${HORIZON}
        order by txid, position limit ${limit}`,
  );
  return found.map((r) => ({
    position: Number(r.position),
    txid: Number(r.txid),
    name: r.name,
    version: r.version,
    entityType: r.entity_type,
    entityId: r.entity_id,
    payload: r.payload as Record<string, unknown>,
    occurredAt: new Date(r.created_at),
  }));
}

function cursorOf(event: RelayedEvent): Cursor {
  return { txid: event.txid, position: event.position };
}

/** The last event every relay can already see: where a new live consumer starts. */
export async function head(db: Db): Promise<Cursor> {
  const [last] = await rows<{ txid: string; position: string }>(
    db,
    sql`select txid, position from domain_events where txid < ${HORIZON} order by txid desc, position desc limit 1`,
  );
  return last ? { txid: Number(last.txid), position: Number(last.position) } : START;
}

/**
 * Runs one batch of a durable consumer: reads after its checkpoint, calls `handle`, and moves
 * the checkpoint, all in one transaction that holds the checkpoint row. Returns how many events
 * it handled; 0 also when another relay is running this consumer's batch right now. `handle`
 * gets the batch's transaction (on PGlite's single connection, a write outside it would wait
 * for ever).
 */
export async function consumeBatch(db: Db, consumer: string, handle: (events: DomainEvent[], tx: Db) => Promise<void>, limit = 100): Promise<number> {
  await db.execute(sql`insert into outbox_checkpoints (consumer) values (${consumer}) on conflict (consumer) do nothing`);
  return db.transaction(async (tx) => {
    const [checkpoint] = await rows<{ txid: string; position: string }>(tx, sql`select txid, position from outbox_checkpoints where consumer = ${consumer} for update skip locked`);
    if (!checkpoint) return 0;
    const events = await readAfter(tx, { txid: Number(checkpoint.txid), position: Number(checkpoint.position) }, limit);
    if (events.length === 0) return 0;
    // The handler writes through `tx`, so what it writes commits with the checkpoint or not at all.
    await handle(events, tx);
    const last = cursorOf(events.at(-1)!);
    await tx.execute(sql`update outbox_checkpoints set txid = ${last.txid}, position = ${last.position}, updated_at = now() where consumer = ${consumer}`);
    return events.length;
  });
}

/** A promise with its settle functions (Promise.withResolvers is Node 22; this runs on 20 too). */
function gate(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody may be waiting: a relay that fails to start is reported by its starter.
  promise.catch(() => {});
  return { promise, resolve, reject };
}

export interface RelayOptions {
  /** How often to look without a notification; PGlite has no other process to notify it. */
  pollMs?: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
}

/** Feeds this process's bus from the outbox. */
export class OutboxRelay {
  private cursor: Cursor | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private unlisten: (() => Promise<void>) | null = null;
  private unwake: (() => void) | null = null;
  private readonly pollMs: number;
  private readonly batchSize: number;
  private readonly onError: (error: unknown) => void;

  constructor(
    private readonly database: Database,
    private readonly bus: EventBus,
    options: RelayOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
    this.onError = options.onError ?? (() => {});
  }

  private beginning: Promise<void> | null = null;
  private readonly startedGate = gate();

  /**
   * Resolves once the relay reads the outbox (whoever calls `start`, whenever): what is
   * committed from then on reaches the bus. Rejects if it cannot start.
   */
  get started(): Promise<void> {
    return this.startedGate.promise;
  }

  start(): Promise<void> {
    if (!this.beginning) {
      this.beginning = this.begin();
      this.beginning.then(this.startedGate.resolve, this.startedGate.reject);
    }
    return this.beginning;
  }

  private async begin(): Promise<void> {
    this.cursor = await head(this.database.db);
    this.unwake = this.bus.onCommitted(() => this.wake());
    this.unlisten = (await this.database.listen?.("outbox", () => this.wake())) ?? null;
    this.schedule();
  }

  /** Reads now (or right after the read in progress). */
  wake(): void {
    if (this.stopped || !this.cursor) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch(this.onError)
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves when everything committed so far has reached the bus. */
  async settle(): Promise<void> {
    this.wake();
    while (this.running) await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.wake();
      this.schedule();
    }, this.pollMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const events = await readAfter(this.database.db, this.cursor!, this.batchSize);
      if (events.length === 0) return;
      for (const event of events) this.bus.publish(event);
      this.cursor = cursorOf(events.at(-1)!);
      const positions = events.map((e) => e.position);
      await this.database.db.execute(
        sql`update domain_events set published_at = now() where published_at is null and position in (${sql.join(
          positions.map((p) => sql`${p}`),
          sql`, `,
        )})`,
      );
      if (events.length < this.batchSize || this.stopped) return;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.unwake?.();
    await this.unlisten?.();
    await this.running;
  }
}

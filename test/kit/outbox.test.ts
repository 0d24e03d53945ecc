// The transactional outbox and its relay (schema/shared/outbox.ts, changes.ts, events.ts):
// - the relay hands committed events to the process's bus in order, marks them published, and
//   never hands on an event of a rolled-back change; a commit wakes it without waiting for a poll;
// - it reads only below the oldest running transaction, so an event that commits late (a lower
//   position, still uncommitted) holds back those after it instead of being skipped (PostgreSQL);
// - a durable consumer's batches run one at a time across relays, every event exactly once while
//   handlers succeed, and again after a handler fails (at least once);
// - payloads are explicit, strict projections: an extra or missing field fails the change;
// - two server processes on one PostgreSQL: a change made through one reaches a subscriber of
//   the other (NOTIFY or its poll wakes the second process's relay).
import { eq } from "drizzle-orm";
import { createClient } from "graphql-ws";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Database } from "../../db/client.js";
import { auditLog, domainEvents, outboxCheckpoints } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import * as boardEvents from "../../schema/boards/boards.events.js";
import { boardCreated, boardUpdated } from "../../schema/boards/boards.events.js";
import { createBoard, updateBoard } from "../../schema/boards/boards.service.js";
import * as fundingEvents from "../../schema/funding/funding.events.js";
import * as organisationEvents from "../../schema/organisations/organisations.events.js";
import { signDevToken } from "../../schema/shared/auth.js";
import { change } from "../../schema/shared/changes.js";
import { type Context, createContext } from "../../schema/shared/context.js";
import { type DomainEvent, EventBus, type EventDefinition } from "../../schema/shared/events.js";
import { consumeBatch, OutboxRelay, readAfter } from "../../schema/shared/outbox.js";
import { toGlobalId } from "../../schema/shared/relay.js";
import { createTestDatabase, onPostgres, type TestDatabase } from "../helpers/db.js";
import { type ServerProcess, startServerProcess } from "../helpers/processes.js";

let testDb: TestDatabase;
let database: Database;
const relays: OutboxRelay[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
});
afterAll(() => testDb?.close());
beforeEach(async () => {
  // Only the tables these tests write (a TRUNCATE of every table costs a few hundred ms).
  for (const table of [domainEvents, auditLog, boards, outboxCheckpoints]) await database.db.delete(table);
});
afterEach(async () => {
  for (const relay of relays.splice(0)) await relay.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function adminContext(events: EventBus): Context {
  return createContext({ database, events, actor: { role: "ADMIN", subject: "dev-admin" } });
}

async function startRelay(bus: EventBus, pollMs: number, on: Database = database): Promise<OutboxRelay> {
  const relay = new OutboxRelay(on, bus, { pollMs, onError: (error) => console.error("relay", error) });
  relays.push(relay);
  await relay.start();
  return relay;
}

/** Everything the bus publishes of `definitions`, as it arrives. */
function collect(bus: EventBus, definitions: readonly EventDefinition<any>[]) {
  const got: DomainEvent[] = [];
  const iterator = bus.subscribe(definitions);
  void (async () => {
    for await (const event of iterator) got.push(event as DomainEvent);
  })();
  return {
    got,
    async waitFor(n: number, ms: number): Promise<DomainEvent[]> {
      const deadline = Date.now() + ms;
      while (got.length < n && Date.now() < deadline) await sleep(5);
      return got;
    },
    stop: () => iterator.return?.(),
  };
}

const board = (name: string) => ({ name, kind: "OTHER" as const, province: "LIMBURG" as const, population: 100 });

/** Outbox rows as a raw insert writes them: in the inserting transaction, with its txid. */
async function insertEvents(n: number, perTransaction: number): Promise<number[]> {
  for (let written = 0; written < n; written += perTransaction) {
    await database.db.transaction(async (tx) => {
      const count = Math.min(perTransaction, n - written);
      await tx
        .insert(domainEvents)
        .values(Array.from({ length: count }, (_, i) => ({ name: "board.updated", entityType: "Board", entityId: crypto.randomUUID(), payload: { seq: written + i } })));
    });
  }
  const rows = await database.db.select({ position: domainEvents.position }).from(domainEvents).orderBy(domainEvents.txid, domainEvents.position);
  return rows.map((r) => r.position);
}

describe("the relay", () => {
  it("hands committed events to the bus in order, woken by the commit (not the next poll), and marks them published; a rolled-back change's event never arrives", async () => {
    const bus = new EventBus();
    // A poll a minute away and no NOTIFY: only this process's commit can wake it in time.
    const relay = await startRelay(bus, 60_000, { ...database, listen: undefined });
    const seen = collect(bus, [boardCreated, boardUpdated]);
    const ctx = adminContext(bus);

    const aalst = await createBoard(ctx, board("Aalst"));
    let rolledBack: string | undefined;
    await expect(
      change(ctx, async (tx, recorder) => {
        const [row] = await tx.insert(boards).values(board("Weg")).returning();
        rolledBack = row!.id;
        await recorder.emit(boardCreated, row!.id, { boardId: toGlobalId("Board", row!.id), name: row!.name, kind: row!.kind, province: row!.province });
        throw new Error("the change fails after emitting");
      }),
    ).rejects.toThrow("fails after emitting");
    const brugge = await createBoard(ctx, board("Brugge"));
    await updateBoard(ctx, { id: toGlobalId("Board", aalst.id), population: 101 });

    const got = await seen.waitFor(3, 2000);
    expect(got.map((e) => [e.name, e.entityId])).toEqual([
      ["board.created", aalst.id],
      ["board.created", brugge.id],
      ["board.updated", aalst.id],
    ]);
    expect(got.map((e) => e.position)).toEqual([...got.map((e) => e.position)].sort((a, b) => a - b));

    await relay.settle();
    await sleep(50);
    expect(seen.got).toHaveLength(3);
    expect(seen.got.map((e) => e.entityId)).not.toContain(rolledBack);
    const rows = await database.db.select({ position: domainEvents.position, publishedAt: domainEvents.publishedAt }).from(domainEvents).orderBy(domainEvents.position);
    expect(rows.map((r) => r.position)).toEqual(got.map((e) => e.position));
    expect(rows.every((r) => r.publishedAt instanceof Date)).toBe(true);
    seen.stop();
  });

  it("is woken by a commit made elsewhere (another process's bus) through NOTIFY", async () => {
    const bus = new EventBus();
    await startRelay(bus, 60_000);
    const seen = collect(bus, [boardCreated]);
    // Another process: its own bus, which this relay does not listen to.
    const created = await createBoard(adminContext(new EventBus()), board("Elders"));
    const got = await seen.waitFor(1, 2000);
    expect(got.map((e) => e.entityId)).toEqual([created.id]);
    seen.stop();
  });

  it("starts at the head: a new relay hands on only what commits after it started", async () => {
    const before = await createBoard(adminContext(new EventBus()), board("Vroeger"));
    const bus = new EventBus();
    const relay = await startRelay(bus, 60_000);
    const seen = collect(bus, [boardCreated]);
    const after = await createBoard(adminContext(bus), board("Later"));
    await seen.waitFor(1, 2000);
    await relay.settle();
    expect(seen.got.map((e) => e.entityId)).toEqual([after.id]);
    expect(seen.got.map((e) => e.entityId)).not.toContain(before.id);
    seen.stop();
  });

  it.runIf(onPostgres)("holds back events behind a transaction still running, and skips none once it commits (the txid horizon)", async () => {
    const bus = new EventBus();
    const relay = await startRelay(bus, 20);
    const seen = collect(bus, [boardCreated]);
    const a = new pg.Client({ connectionString: testDb.url });
    const b = new pg.Client({ connectionString: testDb.url });
    await a.connect();
    await b.connect();
    const insert = async (client: pg.Client, name: string) =>
      (
        await client.query<{ position: string; txid: string }>(
          `insert into domain_events (name, version, entity_type, entity_id, payload) values ('board.created', 1, 'Board', gen_random_uuid(), $1) returning position, txid`,
          [{ name }],
        )
      ).rows.map((r) => ({ position: Number(r.position), txid: Number(r.txid) }))[0]!;
    try {
      await a.query("begin");
      const first = await insert(a, "A"); // the lower position, committed last
      const second = await insert(b, "B"); // autocommit: committed at once
      expect(second.position).toBeGreaterThan(first.position);
      expect(second.txid).toBeGreaterThan(first.txid);

      // B is committed, but A (older) still runs: nothing from A's txid on may be handed out yet.
      expect(await readAfter(database.db, { txid: 0, position: 0 }, 100)).toEqual([]);
      await relay.settle(); // B's commit notified the relay; let it read, and poll a few times
      await sleep(100);
      await relay.settle();
      expect(seen.got).toEqual([]);
      const [unpublished] = await database.db.select({ publishedAt: domainEvents.publishedAt }).from(domainEvents).where(eq(domainEvents.position, second.position));
      expect(unpublished!.publishedAt).toBeNull();

      await a.query("commit");
      const read = await readAfter(database.db, { txid: 0, position: 0 }, 100);
      expect(read.map((e) => e.position)).toEqual([first.position, second.position]);
      const got = await seen.waitFor(2, 2000);
      expect(got.map((e) => [e.position, e.payload.name])).toEqual([
        [first.position, "A"],
        [second.position, "B"],
      ]);
    } finally {
      await a.end();
      await b.end();
      seen.stop();
    }
  });

  it.runIf(onPostgres)("delivers each event once, in transaction order, when an older transaction writes a later position", async () => {
    const bus = new EventBus();
    const relay = await startRelay(bus, 20);
    const seen = collect(bus, [boardCreated]);
    const a = new pg.Client({ connectionString: testDb.url });
    await a.connect();
    try {
      await a.query("begin");
      const { rows } = await a.query<{ xid: string }>("select pg_current_xact_id()::text as xid"); // A's txid is taken first
      const b = await database.db
        .insert(domainEvents)
        .values({ name: "board.created", entityType: "Board", entityId: crypto.randomUUID(), payload: { name: "B" } })
        .returning();
      const late = await a.query<{ position: string; txid: string }>(
        `insert into domain_events (name, version, entity_type, entity_id, payload) values ('board.created', 1, 'Board', gen_random_uuid(), '{"name":"A"}') returning position, txid`,
      );
      expect(Number(late.rows[0]!.txid)).toBe(Number(rows[0]!.xid));
      expect(Number(late.rows[0]!.position)).toBeGreaterThan(b[0]!.position); // a later position, an older transaction
      await relay.settle();
      expect(seen.got).toEqual([]);
      await a.query("commit");
      await seen.waitFor(2, 2000);
      await relay.settle();
      await sleep(60);
      expect(seen.got.map((e) => e.payload.name)).toEqual(["A", "B"]);
    } finally {
      await a.end();
      seen.stop();
    }
  });
});

describe("durable consumers", () => {
  it("two relays of one consumer, running at once, handle each of 200 events exactly once, batch after batch in order", { timeout: 20_000 }, async () => {
    const positions = await insertEvents(200, 7);
    expect(positions).toHaveLength(200);
    const batches: { worker: number; positions: number[] }[] = [];
    const handled = () => batches.reduce((n, b) => n + b.positions.length, 0);
    const worker = async (id: number) => {
      const deadline = Date.now() + 15_000;
      let idle = 0;
      while (Date.now() < deadline) {
        const n = await consumeBatch(
          database.db,
          "webhooks",
          async (events) => {
            await sleep(3); // a handler that takes a moment: the other relay tries meanwhile
            batches.push({ worker: id, positions: events.map((e) => e.position) });
          },
          15,
        );
        if (n > 0) idle = 0;
        else if (handled() >= positions.length && ++idle >= 3) return;
        else await sleep(1);
      }
    };
    await Promise.all([worker(1), worker(2)]);

    const all = batches.flatMap((b) => b.positions);
    expect(all).toHaveLength(positions.length); // none twice
    expect(all).toEqual(positions); // none missing, in relay order, batch after batch
    for (const batch of batches) expect(batch.positions.length).toBeLessThanOrEqual(15);
    const [checkpoint] = await database.db.select().from(outboxCheckpoints).where(eq(outboxCheckpoints.consumer, "webhooks"));
    expect(checkpoint!.position).toBe(positions.at(-1));
    // Nothing left: the next batch is empty.
    expect(await consumeBatch(database.db, "webhooks", async () => {})).toBe(0);
  });

  it("a handler that throws leaves the checkpoint where it was: the batch is read again (at least once)", async () => {
    const positions = await insertEvents(5, 5);
    const checkpoint = async () => (await database.db.select().from(outboxCheckpoints).where(eq(outboxCheckpoints.consumer, "flaky")))[0];
    const attempts: number[][] = [];
    await expect(
      consumeBatch(database.db, "flaky", async (events) => {
        attempts.push(events.map((e) => e.position));
        throw new Error("the webhook is down");
      }),
    ).rejects.toThrow("the webhook is down");
    expect(await checkpoint()).toMatchObject({ txid: 0, position: 0 });

    expect(await consumeBatch(database.db, "flaky", async (events) => void attempts.push(events.map((e) => e.position)))).toBe(5);
    expect(attempts).toEqual([positions, positions]);
    expect((await checkpoint())!.position).toBe(positions.at(-1));
    expect(await consumeBatch(database.db, "flaky", async () => {})).toBe(0);
  });
});

describe("event payloads", () => {
  const ctx = () => adminContext(new EventBus());

  it.each([
    [
      "an extra field",
      (row: typeof boards.$inferSelect) => ({ boardId: toGlobalId("Board", row.id), name: row.name, kind: row.kind, province: row.province, population: row.population }),
    ],
    ["a missing field", (row: typeof boards.$inferSelect) => ({ boardId: toGlobalId("Board", row.id), name: row.name, kind: row.kind })],
    ["the whole row", (row: typeof boards.$inferSelect) => row],
  ])("a change that emits a payload with %s fails and writes nothing", async (_, payloadOf) => {
    await expect(
      change(ctx(), async (tx, recorder) => {
        const [row] = await tx.insert(boards).values(board("Fout")).returning();
        await recorder.record({ operation: "createBoard", entityType: "Board", entityId: row!.id, before: null, after: row });
        await recorder.emit(boardCreated, row!.id, payloadOf(row!) as never);
      }),
    ).rejects.toThrow(/board\.created v1: payload does not match its schema/);
    expect(await database.db.select().from(boards)).toEqual([]);
    expect(await database.db.select().from(auditLog)).toEqual([]);
    expect(await database.db.select().from(domainEvents)).toEqual([]);
  });

  it("the board events in the outbox hold exactly their declared fields, no row", async () => {
    const c = ctx();
    const created = await createBoard(c, board("Genk"));
    await updateBoard(c, { id: toGlobalId("Board", created.id), population: 66_000, name: "Genk" });
    const rows = await database.db.select().from(domainEvents).orderBy(domainEvents.position);
    expect(rows.map((r) => [r.name, r.version, r.entityType, r.entityId])).toEqual([
      ["board.created", 1, "Board", created.id],
      ["board.updated", 1, "Board", created.id],
    ]);
    expect(Object.keys(rows[0]!.payload as object).sort()).toEqual(["boardId", "kind", "name", "province"]);
    expect(rows[0]!.payload).toEqual({ boardId: toGlobalId("Board", created.id), name: "Genk", kind: "OTHER", province: "LIMBURG" });
    expect(Object.keys(rows[1]!.payload as object).sort()).toEqual(["boardId", "changed"]);
    // Only what changed: the name was given but is the same.
    expect(rows[1]!.payload).toEqual({ boardId: toGlobalId("Board", created.id), changed: ["population"] });
  });

  it("every declared event's payload is a strict object (an undeclared field is refused)", () => {
    const definitions = [boardEvents, fundingEvents, organisationEvents].flatMap((module) =>
      Object.values(module).filter((value): value is EventDefinition => typeof value === "object" && value !== null && "payload" in value && "name" in value),
    );
    expect(definitions.length).toBeGreaterThanOrEqual(6);
    const loose = definitions.filter((d) => (d.payload as unknown as { def: { type: string; catchall?: { def: { type: string } } } }).def.catchall?.def.type !== "never");
    expect(loose.map((d) => d.name)).toEqual([]);
  });
});

describe.runIf(onPostgres)("two server processes on one PostgreSQL", () => {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it("a subscriber of one process receives a board created through the other", { timeout: 60_000 }, async () => {
    // A board already there: the servers find the database not empty and do not seed it.
    await database.db.insert(boards).values(board("Bestaand"));
    const env = { DATABASE_URL: testDb.url!, OUTBOX_POLL_MS: "200", STAGE: "test" };
    // The second starts once the first has migrated (two migrators at once would race).
    servers.push(await startServerProcess(env));
    servers.push(await startServerProcess(env));
    const [first, second] = servers as [ServerProcess, ServerProcess];
    expect(first.pid).not.toBe(second.pid);

    const client = createClient({ url: second.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
    try {
      // The connection is up and answering before the subscription starts.
      const viewer = await new Promise<any>((resolve, reject) => client.subscribe({ query: "{ viewer { role } }" }, { next: resolve, error: reject, complete: () => {} }));
      expect(viewer.data.viewer.role).toBe("ANONYMOUS");
      const received: string[] = [];
      let arrived!: (name: string) => void;
      const firstArrival = new Promise<string>((resolve) => (arrived = resolve));
      const unsubscribe = client.subscribe<{ boardChanged: { name: string } }>(
        { query: "subscription { boardChanged { name } }" },
        {
          next: (value) => {
            received.push(value.data!.boardChanged.name);
            arrived(value.data!.boardChanged.name);
          },
          error: (e) => console.error(e),
          complete: () => {},
        },
      );
      // Let the second process register the subscription on its bus (the query above went through the same socket).
      await sleep(300);

      const admin = await signDevToken({ role: "ADMIN" });
      const started = Date.now();
      const response = await fetch(first.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: `mutation { createBoard(input: { name: "Hasselt", kind: OTHER, province: LIMBURG, population: 78000 }) { board { name } } }` }),
      });
      expect(await response.json()).toEqual({ data: { createBoard: { board: { name: "Hasselt" } } } });

      const name = await Promise.race([firstArrival, sleep(5000).then(() => `nothing within 5 s; second process said:\n${second.output()}`)]);
      expect(name).toBe("Hasselt");
      const latency = Date.now() - started;
      expect(latency).toBeLessThan(5000);
      // Once: the poll and the notification both wake the relay, but its cursor has moved on.
      await sleep(400);
      expect(received).toEqual(["Hasselt"]);
      unsubscribe();
    } finally {
      await client.dispose();
    }
  });
});

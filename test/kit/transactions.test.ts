// Transactions that compose (schema/shared/transaction.ts, changes.ts, context.ts), on every
// driver the product runs on: PGlite always; node-postgres and the Neon serverless driver (through
// the local WebSocket proxy) when TEST_DATABASE_URL names a PostgreSQL.
//
// A change opened inside another joins it: one transaction, committed or rolled back as one.
// Inside a change, ctx.db and the request's DataLoaders read through that transaction, so they
// see its writes (and, on PGlite's single connection, do not wait for ever behind it). Effects
// registered with afterCommit run once, in order, after the outermost commit, never after a
// rollback. Two changes of two requests running at the same time never share a transaction.
import { count, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type Database, type DriverName, type Executor, openDatabase } from "../../db/client.js";
import { migrateDatabase } from "../../db/migrate.js";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { boardCreated } from "../../schema/boards/boards.events.js";
import { boardLoader } from "../../schema/boards/boards.service.js";
import { change } from "../../schema/shared/changes.js";
import { type Context, createContext } from "../../schema/shared/context.js";
import { EventBus } from "../../schema/shared/events.js";
import { toGlobalId } from "../../schema/shared/relay.js";
import { afterCommit } from "../../schema/shared/transaction.js";
import { createTestDatabase, onPostgres, type TestDatabase } from "../helpers/db.js";
import { startWsProxy, type WsProxy } from "../helpers/ws-proxy.js";

// A deadlock fails a test in seconds, not at the runner's 30 s default.
vi.setConfig({ testTimeout: 10_000, hookTimeout: 15_000 });

const drivers: DriverName[] = onPostgres ? ["pglite", "pg", "neon"] : ["pglite"];

/** Fails after `ms` instead of letting a deadlocked test wait for the runner's timeout. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms (deadlock?)`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function one<T>(db: Executor, query: ReturnType<typeof sql>): Promise<T> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows[0]!;
}

const xid = (db: Executor) => one<{ xid: string }>(db, sql`select pg_current_xact_id()::text as xid`).then((r) => r.xid);
const backendPid = (db: Executor) => one<{ pid: number }>(db, sql`select pg_backend_pid() as pid`).then((r) => Number(r.pid));

const newBoard = (name: string, population = 100) => ({ name, kind: "OTHER" as const, province: "LIMBURG" as const, population });

describe.each(drivers)("changes on the %s driver", (driver) => {
  let database: Database;
  let teardown: () => Promise<void>;
  let ctx: Context;

  beforeAll(async () => {
    if (driver === "pglite" && onPostgres) {
      // The file's database is a PostgreSQL one; PGlite gets its own, migrated here.
      database = openDatabase({ driver: "pglite", pgliteDir: "memory://" });
      await migrateDatabase(database);
      teardown = () => database.close();
    } else if (driver === "neon") {
      const testDb: TestDatabase = await createTestDatabase();
      const target = new URL(testDb.url!);
      const proxy: WsProxy = await startWsProxy([`${target.hostname}:${target.port || 5432}`]);
      database = openDatabase({ driver: "neon", url: testDb.url, neonWsProxy: proxy.address });
      teardown = async () => {
        await database.close();
        await proxy.close();
        await testDb.close();
      };
    } else {
      const testDb = await createTestDatabase();
      expect(testDb.database.driver).toBe(driver);
      database = testDb.database;
      teardown = () => testDb.close();
    }
  });
  afterAll(() => within(5000, teardown?.() ?? Promise.resolve()).catch((error) => console.error(error)));

  beforeEach(async () => {
    // Only the tables these tests write (a TRUNCATE of every table costs a few hundred ms). Bounded:
    // after a deadlock PGlite's one connection stays taken, and each later test should fail fast.
    await within(
      3000,
      (async () => {
        for (const table of [domainEvents, auditLog, boards]) await database.db.delete(table);
      })(),
    );
    ctx = contextFor(database);
  });

  function contextFor(db: Database, requestId?: string): Context {
    return createContext({ database: db, events: new EventBus(), actor: { role: "ADMIN", subject: "dev-admin" }, requestId });
  }

  const boardNames = async () => (await database.db.select({ name: boards.name }).from(boards).orderBy(boards.name)).map((b) => b.name);
  const countOf = async (table: typeof auditLog | typeof domainEvents) => (await database.db.select({ n: count() }).from(table))[0]!.n;

  /** A write through the recorder too, as a service's change makes: row, audit row, outbox event. */
  async function createWithTrail(tx: Executor, recorder: Parameters<Parameters<typeof change>[1]>[1], name: string) {
    const [row] = await tx.insert(boards).values(newBoard(name)).returning();
    await recorder.record({ operation: "createBoard", entityType: "Board", entityId: row!.id, before: null, after: row });
    await recorder.emit(boardCreated, row!.id, { boardId: toGlobalId("Board", row!.id), name: row!.name, kind: row!.kind, province: row!.province });
    return row!;
  }

  describe("nested changes", () => {
    it("commit as one: the inner change joins the outer's transaction and sees its uncommitted row", { timeout: 5000 }, async () => {
      const seen: { outerXid?: string; innerXid?: string; outerPid?: number; innerPid?: number; innerSawOuter?: boolean; sameTx?: boolean; ctxDbIsTx?: boolean } = {};
      await within(
        3000,
        change(ctx, async (tx, recorder) => {
          const outer = await createWithTrail(tx, recorder, "Buiten");
          seen.outerXid = await xid(tx);
          seen.ctxDbIsTx = ctx.db === tx;
          if (driver !== "pglite") seen.outerPid = await backendPid(tx);
          await change(ctx, async (inner, innerRecorder) => {
            // The inner change runs in a savepoint of the same transaction, and ctx.db is that savepoint.
            seen.sameTx = ctx.db === inner && inner !== tx;
            seen.innerXid = await xid(inner);
            if (driver !== "pglite") seen.innerPid = await backendPid(inner);
            seen.innerSawOuter = (await inner.select().from(boards).where(eq(boards.id, outer.id))).length === 1;
            await createWithTrail(inner, innerRecorder, "Binnen");
          });
          if (driver !== "pglite") {
            // Another connection sees neither row yet: both wait for the one commit.
            const [outside] = await database.db.select({ n: count() }).from(boards);
            expect(outside!.n).toBe(0);
          }
        }),
      );
      expect(seen).toMatchObject({ sameTx: true, ctxDbIsTx: true, innerSawOuter: true, innerXid: seen.outerXid });
      if (driver !== "pglite") expect(seen.innerPid).toBe(seen.outerPid);
      expect(await boardNames()).toEqual(["Binnen", "Buiten"]);
      expect(await countOf(auditLog)).toBe(2);
      expect(await countOf(domainEvents)).toBe(2);
      // Outside the change, ctx.db is the request's connection again.
      expect(ctx.db).not.toBe(undefined);
      expect(await xid(ctx.db)).not.toBe(seen.outerXid);
    });

    it.each(["inner", "outer"] as const)("roll back as one when the %s change throws: no row, no audit row, no outbox event", async (thrower) => {
      await expect(
        within(
          3000,
          change(ctx, async (tx, recorder) => {
            await createWithTrail(tx, recorder, "Buiten");
            await change(ctx, async (inner, innerRecorder) => {
              await createWithTrail(inner, innerRecorder, "Binnen");
              if (thrower === "inner") throw new Error("inner fails");
            });
            if (thrower === "outer") throw new Error("outer fails");
          }),
        ),
      ).rejects.toThrow(`${thrower} fails`);
      expect(await boardNames()).toEqual([]);
      expect(await countOf(auditLog)).toBe(0);
      expect(await countOf(domainEvents)).toBe(0);
    });

    // Found while writing these tests: a failed inner change whose error the outer change catches.
    it("leave nothing of an inner change that failed, even when the outer change catches its error", async () => {
      await within(
        3000,
        change(ctx, async (tx, recorder) => {
          await createWithTrail(tx, recorder, "Buiten");
          try {
            await change(ctx, async (inner, innerRecorder) => {
              await createWithTrail(inner, innerRecorder, "Half");
              throw new Error("inner fails after writing");
            });
          } catch {
            // e.g. a service that tries a nested change and falls back to something else
          }
        }),
      ).catch(() => {});
      // The inner change is whole or absent: its row, audit row and event did not commit.
      expect(await boardNames()).not.toContain("Half");
      const events = await database.db.select({ name: domainEvents.name, payload: domainEvents.payload }).from(domainEvents);
      expect(events.map((e) => (e.payload as { name: string }).name)).not.toContain("Half");
    });

    it("do not report success nor run after-commit effects when an inner statement failed and the outer change caught it", async () => {
      // The inner change hits a constraint; the outer catches the error and returns. The database
      // has aborted the transaction, so its COMMIT can only roll back: the change must fail.
      const effects: string[] = [];
      const outcome = await within(
        3000,
        change(ctx, async (tx, recorder) => {
          await createWithTrail(tx, recorder, "Buiten");
          afterCommit(ctx.transactions.owner, () => effects.push("ran"));
          try {
            await change(ctx, async (inner) => {
              await inner.insert(boards).values(newBoard("Negatief", -1)); // boards_population_check
            });
          } catch {
            // as above
          }
          return "done";
        }),
      ).then(
        (value) => ({ resolved: value, rows: [] as string[], effects }),
        () => ({ rejected: true, rows: [] as string[], effects }),
      );
      const rows = await boardNames();
      // Either the change fails and nothing ran, or it committed what it reports; never "done" with nothing stored.
      if ("resolved" in outcome) expect({ rows, effects }).toEqual({ rows: ["Buiten"], effects: ["ran"] });
      else expect({ rows, effects }).toEqual({ rows: [], effects: [] });
    });
  });

  describe("reads inside a change", () => {
    it("a loader loaded before a write in the change, and again after it, returns the new value", async () => {
      const [board] = await database.db.insert(boards).values(newBoard("Gent", 100)).returning();
      // The request's loader caches the committed value before the change starts.
      expect((await boardLoader(ctx).load(board!.id))?.population).toBe(100);
      const inside: number[] = [];
      await within(
        2000,
        change(ctx, async (tx) => {
          inside.push((await boardLoader(ctx).load(board!.id))!.population);
          await tx.update(boards).set({ population: 250 }).where(eq(boards.id, board!.id));
          inside.push((await boardLoader(ctx).load(board!.id))!.population);
          if (driver !== "pglite") {
            // The loader read through the transaction: the committed row is still the old one.
            const [outside] = await database.db.select().from(boards).where(eq(boards.id, board!.id));
            expect(outside!.population).toBe(100);
          }
        }),
      );
      expect(inside).toEqual([100, 250]);
      // And after the commit, the request's own loader does not hand out the value it cached before.
      expect((await boardLoader(ctx).load(board!.id))?.population).toBe(250);
    });

    it("a loader finds a row inserted earlier in the same change", async () => {
      const found = await within(
        2000,
        change(ctx, async (tx) => {
          const [created] = await tx.insert(boards).values(newBoard("Nieuw")).returning();
          const [other] = await tx.insert(boards).values(newBoard("Ander")).returning();
          // Two loads in one tick: one batch, through the transaction.
          return Promise.all([boardLoader(ctx).load(created!.id), boardLoader(ctx).load(other!.id)]);
        }),
      );
      expect(found.map((b) => b?.name)).toEqual(["Nieuw", "Ander"]);
    });

    it("after a change rolls back, the request's loader does not serve what the change wrote", async () => {
      const [board] = await database.db.insert(boards).values(newBoard("Leuven", 100)).returning();
      expect((await boardLoader(ctx).load(board!.id))?.population).toBe(100);
      await expect(
        within(
          2000,
          change(ctx, async (tx) => {
            await tx.update(boards).set({ population: 999 }).where(eq(boards.id, board!.id));
            expect((await boardLoader(ctx).load(board!.id))?.population).toBe(999);
            throw new Error("rolled back");
          }),
        ),
      ).rejects.toThrow("rolled back");
      expect((await boardLoader(ctx).load(board!.id))?.population).toBe(100);
    });

    it("a loader inside the change is the transaction's, not the request's", async () => {
      const outside = boardLoader(ctx);
      let inside: unknown;
      await change(ctx, async () => {
        inside = boardLoader(ctx);
        expect(boardLoader(ctx)).toBe(inside);
      });
      expect(inside).not.toBe(outside);
      expect(boardLoader(ctx)).toBe(outside);
    });
  });

  it.runIf(driver === "pglite")("nothing hangs on PGlite's single connection: a nested change and a loader read inside a change", { timeout: 3000 }, async () => {
    const [existing] = await database.db.insert(boards).values(newBoard("Brugge")).returning();
    const result = await within(
      2000,
      change(ctx, async (tx) => {
        const loaded = await boardLoader(ctx).load(existing!.id);
        const nested = await change(ctx, async (inner) => (await inner.insert(boards).values(newBoard("Oostende")).returning())[0]!);
        const reloaded = await boardLoader(ctx).load(nested.id);
        const viaCtx = await ctx.db.select({ n: count() }).from(boards);
        await tx.update(boards).set({ population: 7 }).where(eq(boards.id, existing!.id));
        return { loaded: loaded?.name, reloaded: reloaded?.name, n: viaCtx[0]!.n };
      }),
    );
    expect(result).toEqual({ loaded: "Brugge", reloaded: "Oostende", n: 2 });
  });

  describe("after-commit effects", () => {
    it("run once, in order, after the outermost commit (not when the inner change returns), and see the committed data", async () => {
      const log: string[] = [];
      const { owner } = ctx.transactions;
      const committedNames = async () => (await database.db.select({ name: boards.name }).from(boards).orderBy(boards.name)).map((b) => b.name).join("+");
      await within(
        3000,
        change(ctx, async (tx) => {
          await tx.insert(boards).values(newBoard("A"));
          afterCommit(owner, () => log.push("outer 1"));
          await change(ctx, async (inner) => {
            await inner.insert(boards).values(newBoard("B"));
            afterCommit(owner, async () => log.push(`inner sees ${await committedNames()}`));
          });
          log.push("inner returned");
          afterCommit(owner, () => log.push("outer 2"));
          log.push("outer returns");
        }),
      );
      expect(log).toEqual(["inner returned", "outer returns", "outer 1", "inner sees A+B", "outer 2"]);
    });

    it("never run after a rollback, whichever change throws", async () => {
      const log: string[] = [];
      const { owner } = ctx.transactions;
      await expect(
        change(ctx, async () => {
          afterCommit(owner, () => log.push("outer"));
          await change(ctx, async () => {
            afterCommit(owner, () => log.push("inner"));
          });
          throw new Error("outer fails after the inner change returned");
        }),
      ).rejects.toThrow("outer fails");
      await expect(
        change(ctx, async () => {
          afterCommit(owner, () => log.push("outer"));
          await change(ctx, async () => {
            afterCommit(owner, () => log.push("inner"));
            throw new Error("inner fails");
          });
        }),
      ).rejects.toThrow("inner fails");
      expect(log).toEqual([]);
      // The next change starts with no effect left over from the rolled-back ones.
      await change(ctx, async () => afterCommit(owner, () => log.push("next")));
      expect(log).toEqual(["next"]);
    });

    it("a failing effect does not undo the commit nor stop the effects after it", async () => {
      const log: string[] = [];
      const { owner } = ctx.transactions;
      const errors: unknown[] = [];
      const originalError = console.error;
      console.error = (...args: unknown[]) => errors.push(args);
      try {
        await change(ctx, async (tx) => {
          await tx.insert(boards).values(newBoard("Blijft"));
          afterCommit(owner, () => {
            throw new Error("effect fails");
          });
          afterCommit(owner, () => log.push("second effect"));
        });
      } finally {
        console.error = originalError;
      }
      expect(log).toEqual(["second effect"]);
      expect(errors).toHaveLength(1);
      expect(await boardNames()).toEqual(["Blijft"]);
    });

    it("need an open change", () => {
      expect(() => afterCommit(ctx.transactions.owner, () => {})).toThrow("afterCommit needs an open change");
    });
  });

  it.runIf(driver === "pglite")("on PGlite, a second request's change started while the first is open waits for it instead of joining it", async () => {
    const other = contextFor(database, "request-2");
    const order: string[] = [];
    let firstOpen!: () => void;
    const opened = new Promise<void>((resolve) => (firstOpen = resolve));
    const [first, second] = await within(
      3000,
      Promise.all([
        change(ctx, async (tx) => {
          await tx.insert(boards).values(newBoard("Eerste"));
          firstOpen();
          await new Promise((r) => setTimeout(r, 50)); // the second change starts meanwhile
          order.push("first commits");
          return xid(tx);
        }),
        opened.then(() =>
          change(other, async (tx) => {
            order.push("second runs");
            return { xid: await xid(tx), rows: (await tx.select({ name: boards.name }).from(boards)).map((b) => b.name) };
          }),
        ),
      ]),
    );
    expect(order).toEqual(["first commits", "second runs"]);
    expect(second.xid).not.toBe(first);
    expect(second.rows).toEqual(["Eerste"]);
  });

  it.runIf(driver !== "pglite")("two requests' changes running at the same time each get a transaction of their own", { timeout: 10_000 }, async () => {
    const requests = [contextFor(database, "request-1"), contextFor(database, "request-2"), ctx];
    // Each change waits, inside its transaction, until every change has written, and again until
    // every change has looked: all are open at once, and none commits before the others have read.
    const barrier = () => {
      let arrived = 0;
      let release!: () => void;
      const all = new Promise<void>((resolve) => (release = resolve));
      return () => {
        if (++arrived === requests.length) release();
        return all;
      };
    };
    const allWritten = barrier();
    const allRead = barrier();
    const results = await within(
      8000,
      Promise.all(
        requests.map((request, i) =>
          change(request, async (tx) => {
            const [row] = await tx
              .insert(boards)
              .values(newBoard(`Gelijktijdig ${i}`))
              .returning();
            await allWritten();
            // A nested change of the same request still joins its own request's transaction.
            const nestedXid = await change(request, async (inner) => xid(inner));
            const visible = await tx
              .select({ id: boards.id })
              .from(boards)
              .where(
                inArray(
                  boards.name,
                  requests.map((_, j) => `Gelijktijdig ${j}`),
                ),
              );
            await allRead();
            return { xid: await xid(tx), nestedXid, pid: await backendPid(tx), visible: visible.map((v) => v.id), own: row!.id };
          }),
        ),
      ),
    );
    expect(new Set(results.map((r) => r.xid)).size).toBe(requests.length);
    expect(new Set(results.map((r) => r.pid)).size).toBe(requests.length);
    for (const r of results) {
      expect(r.nestedXid).toBe(r.xid);
      // Each saw its own uncommitted row and none of the others'.
      expect(r.visible).toEqual([r.own]);
    }
    expect(await boardNames()).toEqual(["Gelijktijdig 0", "Gelijktijdig 1", "Gelijktijdig 2"]);
  });
});

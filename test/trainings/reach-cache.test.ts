// The reach is a cached aggregate (schema/shared/aggregates.ts, migration 0008): counted once per
// version of the attendance data and read from the cache after that. These tests hold it to being
// exactly as fresh as counting every time: every write that can change the reach, by the API or by
// plain SQL, makes the next read count again; writes that cannot change it keep the cached figure;
// and a figure counted from a snapshot older than a committed write is never served after it.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Executor } from "../../db/client.js";
import { aggregateVersions } from "../../db/schema/aggregates.js";
import { boards } from "../../db/schema/boards.js";
import { employees, enrolments, trainingSessions, trainings } from "../../db/schema/trainings.js";
import { measureMetric } from "../../schema/shared/metrics.js";
import { createTestDatabase, onPostgres, type TestDatabase } from "../helpers/db.js";

let api: TestDatabase;
beforeAll(async () => {
  api = await createTestDatabase();
});
afterAll(() => api.close());

const PERIOD = { start: "2023-07-01", end: "2025-06-30" };
let board: string;
let session: string;

beforeEach(async () => {
  await api.reseed();
  const [gent] = await api.database.db.select().from(boards).where(eq(boards.name, "Gent"));
  board = gent!.id;
  const [training] = await api.database.db.select().from(trainings).limit(1);
  const [created] = await api.database.db
    .insert(trainingSessions)
    .values({ trainingId: training!.id, startsAt: new Date("2024-03-05T08:00:00Z"), endsAt: new Date("2024-03-05T12:00:00Z"), online: true, capacity: 100 })
    .returning();
  session = created!.id;
});

async function attendee(status: "ATTENDED" | "REGISTERED" = "ATTENDED", executor: Executor = api.database.db): Promise<string> {
  const [employee] = await executor.insert(employees).values({ boardId: board, displayName: "Cache" }).returning();
  const [enrolment] = await executor.insert(enrolments).values({ sessionId: session, employeeId: employee!.id, status }).returning();
  return enrolment!.id;
}

/** The reach within the period, and the statements it cost. */
async function reach(): Promise<{ value: number; statements: number }> {
  let statements = 0;
  const db = api.database.withObserver(() => {
    statements++;
  });
  return { value: await measureMetric(db, "training.distinctEmployeesReached", PERIOD), statements };
}

const version = async () => (await api.database.db.select().from(aggregateVersions).where(eq(aggregateVersions.family, "reach")))[0]?.version ?? 0;

describe("the cached reach", () => {
  it("is counted once, then read from the cache until attendance changes", async () => {
    await attendee();
    expect(await reach()).toEqual({ value: 1, statements: 3 });
    expect(await reach()).toEqual({ value: 1, statements: 1 });
    // A new attendee written in plain SQL: counted again.
    await attendee();
    expect(await reach()).toEqual({ value: 2, statements: 3 });
    expect(await reach()).toEqual({ value: 2, statements: 1 });
  });

  it("is counted again after every kind of write that can change it, and only those", async () => {
    const attended = await attendee();
    const registered = await attendee("REGISTERED");
    expect((await reach()).value).toBe(1);
    const unchanged = async (write: () => Promise<unknown>) => {
      const before = await version();
      await write();
      expect(await version()).toBe(before);
      expect(await reach()).toEqual({ value: 1, statements: 1 });
    };
    const changed = async (write: () => Promise<unknown>, value: number) => {
      const before = await version();
      await write();
      expect(await version()).toBeGreaterThan(before);
      expect(await reach()).toEqual({ value, statements: 3 });
    };
    // Enrolments that neither were nor become ATTENDED, a renamed employee (forgetting one keeps the count): kept.
    await unchanged(() => attendee("REGISTERED"));
    await unchanged(() => api.database.db.update(enrolments).set({ status: "NO_SHOW" }).where(eq(enrolments.id, registered)));
    await unchanged(() => api.database.db.update(employees).set({ displayName: null, forgottenAt: new Date() }).where(eq(employees.displayName, "Cache")));
    // A status leaving or reaching ATTENDED, a session moved out of and back into the period, a deleted enrolment.
    await changed(() => api.database.db.update(enrolments).set({ status: "NO_SHOW" }).where(eq(enrolments.id, attended)), 0);
    await changed(() => api.database.db.update(enrolments).set({ status: "ATTENDED" }).where(eq(enrolments.id, registered)), 1);
    await changed(() => api.database.db.update(trainingSessions).set({ startsAt: new Date("2026-03-05T08:00:00Z"), endsAt: new Date("2026-03-05T12:00:00Z") }), 0);
    await changed(() => api.database.db.update(trainingSessions).set({ startsAt: new Date("2024-03-05T08:00:00Z") }), 1);
    await changed(() => api.database.db.delete(enrolments).where(eq(enrolments.id, registered)), 0);
  });

  it.runIf(onPostgres)("never serves a figure counted from a snapshot older than a committed write", async () => {
    await attendee();
    // A reader whose snapshot predates the write counts the old figure and stores it...
    await api.database.db.transaction(
      async (tx) => {
        await tx.execute(sql`select 1`);
        // ...while another connection commits a new attendee (and bumps the version).
        await attendee();
        expect(await measureMetric(tx, "training.distinctEmployeesReached", PERIOD)).toBe(1);
      },
      { isolationLevel: "repeatable read" },
    );
    // The stored figure carries the version of its snapshot, not the current one: counted again.
    expect(await reach()).toEqual({ value: 2, statements: 3 });
  });
});

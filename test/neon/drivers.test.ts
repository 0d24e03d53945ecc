// Transactions and concurrency on each driver the product runs on: PGlite locally, and against
// a real PostgreSQL both node-postgres and the Neon serverless driver (through a local
// WebSocket proxy). A change is whole or absent, and concurrent writes cannot both win.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { count, eq } from "drizzle-orm";
import type { GraphQLFormattedError } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type DriverName, openDatabase } from "../../db/client.js";
import { migrateDatabase } from "../../db/migrate.js";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { seedDatabase } from "../../db/seed/index.js";
import { boardCreated } from "../../schema/boards/boards.events.js";
import { type App, createApp } from "../../schema/server.js";
import { signDevToken } from "../../schema/shared/auth.js";
import { change } from "../../schema/shared/changes.js";
import type { CreateBoardInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { devAuth } from "../helpers/api.js";
import { createPostgresDatabase, TEST_DATABASE_URL, truncateAll } from "../helpers/db.js";
import { startWsProxy, type WsProxy } from "../helpers/ws-proxy.js";

const drivers: DriverName[] = TEST_DATABASE_URL ? ["pg", "neon"] : ["pglite"];

describe("the embedded database", () => {
  it("keeps its data in its folder across a restart", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "talent-pglite-"));
    try {
      const first = openDatabase({ driver: "pglite", pgliteDir: dir });
      await migrateDatabase(first);
      await first.db.insert(boards).values({ name: "Blijvend", kind: "OTHER", province: "LIMBURG", population: 1 });
      await first.close();
      const second = openDatabase({ driver: "pglite", pgliteDir: dir });
      expect((await second.db.select({ name: boards.name }).from(boards)).map((b) => b.name)).toEqual(["Blijvend"]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // Migrating a PGlite on disk from nothing is the slowest thing a test here does.
  }, 90_000);
});

describe.each(drivers)("on the %s driver", (driver) => {
  let database: Database;
  let app: App;
  let teardown: () => Promise<void>;

  beforeAll(async () => {
    let proxy: WsProxy | undefined;
    let drop = async () => {};
    if (driver === "pglite") {
      database = openDatabase({ driver, pgliteDir: "memory://" });
    } else {
      const created = await createPostgresDatabase(TEST_DATABASE_URL!);
      drop = created.drop;
      const target = new URL(created.url);
      if (driver === "neon") proxy = await startWsProxy([`${target.hostname}:${target.port || 5432}`]);
      database = openDatabase({ driver, url: created.url, neonWsProxy: proxy?.address });
    }
    await migrateDatabase(database);
    app = createApp({ database, auth: devAuth, log: () => {} });
    teardown = async () => {
      await app.server.stop();
      await database.close();
      await proxy?.close();
      await drop();
    };
  });
  afterAll(() => teardown());

  async function run<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables, sub = "dev-admin") {
    const contextValue = await app.createContext({ authorization: `Bearer ${await signDevToken({ role: "ADMIN", sub })}` });
    const response = await app.server.executeOperation({ query: document, variables: variables as Record<string, unknown> }, { contextValue });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    const { data, errors } = response.body.singleResult;
    return { data: data as TResult | null | undefined, errors: errors as readonly GraphQLFormattedError[] | undefined };
  }

  const CREATE = graphql(`mutation DriversCreateBoard($input: CreateBoardInput!) { createBoard(input: $input) { board { id population } } }`);
  const board = (nisCode: string): CreateBoardInput => ({ name: `Gemeente ${nisCode}`, kind: "MUNICIPALITY", nisCode, province: "LIMBURG", population: 100 });

  it("rolls back every row of a change that fails half-way", async () => {
    const ctx = await app.createContext({});
    const before = await database.db.select({ n: count() }).from(auditLog);
    await expect(
      change(ctx, async (tx, recorder) => {
        const [row] = await tx.insert(boards).values({ name: "Half", kind: "OTHER", province: "LIMBURG", population: 1 }).returning();
        await recorder.record({ operation: "test", entityType: "Board", entityId: row!.id, before: null, after: row });
        await recorder.emit(boardCreated, row!.id, { boardId: row!.id, name: row!.name, kind: row!.kind, province: row!.province });
        throw new Error("fails after writing");
      }),
    ).rejects.toThrow("fails after writing");
    expect(await database.db.select().from(boards).where(eq(boards.name, "Half"))).toEqual([]);
    expect(await database.db.select({ n: count() }).from(auditLog)).toEqual(before);
    expect(await database.db.select().from(domainEvents).where(eq(domainEvents.name, "board.created"))).toEqual([]);
  });

  it("writes the board, its audit row and its outbox event together", async () => {
    const result = await run(CREATE, { input: board("71001") });
    const id = Buffer.from(result.data!.createBoard.board.id, "base64url").toString().split(":")[1]!;
    expect(await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, id))).toEqual([{ n: 1 }]);
    const events = await database.db.select().from(domainEvents).where(eq(domainEvents.entityId, id));
    expect(events.map((e) => [e.name, e.version])).toEqual([["board.created", 1]]);
    // An explicit projection, not the row.
    expect(events[0]!.payload).toEqual({ boardId: result.data!.createBoard.board.id, name: "Gemeente 71001", kind: "MUNICIPALITY", province: "LIMBURG" });
  });

  it.runIf(driver !== "pglite")("lets exactly one of ten concurrent creates with one NIS code win", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => run(CREATE, { input: board("72002") })));
    const won = results.filter((r) => !r.errors);
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === "BAD_USER_INPUT");
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(9);
    expect(await database.db.select({ n: count() }).from(boards).where(eq(boards.nisCode, "72002"))).toEqual([{ n: 1 }]);
  });

  it.runIf(driver !== "pglite")("lets only one of two concurrent approvals fit under the agreement's maximum", async () => {
    await truncateAll(database);
    await seedDatabase(database, "sources");
    const ids = (
      await run(
        graphql(
          `query DriversInvoiceIds { fundingAgreements { edges { node { id tracks { actions { id } } } } } organisations(filter: { search: "Workitects" }) { edges { node { id } } } boards(first: 1) { edges { node { id } } } }`,
        ),
        {},
      )
    ).data!;
    const agreement = ids.fundingAgreements.edges[0]!.node;
    const submit = async (reference: string) =>
      (
        await run(
          graphql(`mutation DriversSubmitInvoice($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { id } } }`),
          {
            input: {
              agreementId: agreement.id,
              actionId: agreement.tracks[0]!.actions[0]!.id,
              payeeId: ids.organisations.edges[0]!.node.id,
              reference,
              amount: { cents: 30_000_000, currency: "EUR" },
              invoiceDate: "2024-05-01",
              serviceDate: "2024-05-01",
              boardsServedIds: [ids.boards.edges[0]!.node.id],
            },
            // Two people per payment: another admin submits what the approvals below approve.
          },
          "admin-clerk",
        )
      ).data!.submitInvoice.invoice.id;
    const [a, b] = [await submit(`${driver}-A`), await submit(`${driver}-B`)];
    const APPROVE = graphql(`mutation DriversApproveInvoice($id: ID!) { approveInvoice(id: $id) { invoice { status } } }`);
    const results = await Promise.all([run(APPROVE, { id: a }), run(APPROVE, { id: b })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === "BAD_USER_INPUT")).toHaveLength(1);
  });

  it.runIf(driver !== "pglite")("applies concurrent updates one after the other, each audited against the state it changed", async () => {
    const created = await run(CREATE, { input: board("73003") });
    const id = created.data!.createBoard.board.id;
    const UPDATE = graphql(`mutation DriversUpdateBoard($input: UpdateBoardInput!) { updateBoard(input: $input) { board { population } } }`);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => run(UPDATE, { input: { id, population: 1000 + i } })));
    expect(results.every((r) => !r.errors)).toBe(true);
    const rowId = Buffer.from(id, "base64url").toString().split(":")[1]!;
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.entityId, rowId));
    const updates = entries.filter((e) => e.operation === "updateBoard");
    expect(updates).toHaveLength(8);
    // Serialised: every update's "before" is the "after" of exactly one other write.
    const befores = updates.map((e) => (e.before as { population: number }).population).sort();
    const afters = [100, ...updates.map((e) => (e.after as { population: number }).population)].sort();
    const last = (await database.db.select().from(boards).where(eq(boards.id, rowId)))[0]!.population;
    expect([...befores, last].sort()).toEqual(afters);
  });
});

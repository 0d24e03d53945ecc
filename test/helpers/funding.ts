// Fixtures of the funding tests: the seeded addendum's ids, looked up through the API as a
// client would, and the id conversions token claims need.

import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { expect } from "vitest";
import { aggregateCache } from "../../db/schema/aggregates.js";
import { organisations } from "../../db/schema/organisations.js";
import { graphql } from "../graphql/index.js";
import type { TestApi } from "./api.js";

/** The row uuid behind a global id, for token claims. */
export const rowId = (globalId: string): string => Buffer.from(globalId, "base64url").toString().split(":")[1]!;
export const globalId = (type: string, id: string): string => Buffer.from(`${type}:${id}`).toString("base64url");
export const MISSING_UUID = "00000000-0000-4000-8000-000000000000";

export interface FundingFixture {
  agreementId: string;
  /** Action global ids by action number. */
  actions: Record<number, string>;
  /** Track number of each action number. */
  trackOf: Record<number, number>;
  /** Organisation global ids by Dutch name. */
  orgs: Record<string, string>;
  /** Board global ids by name. */
  boards: Record<string, string>;
}

/** The ids of the one seeded agreement and of the named organisations and boards. */
export async function loadFundingFixture(api: TestApi, names: { orgs: string[]; boards: string[] }): Promise<FundingFixture> {
  const agreements = await api.ok(graphql(`query FixtureAgreement { fundingAgreements { edges { node { id tracks { number actions { id number } } } } } }`));
  expect(agreements.fundingAgreements.edges).toHaveLength(1);
  const agreement = agreements.fundingAgreements.edges[0]!.node;
  const actions: Record<number, string> = {};
  const trackOf: Record<number, number> = {};
  for (const track of agreement.tracks) {
    for (const action of track.actions) {
      actions[action.number] = action.id;
      trackOf[action.number] = track.number;
    }
  }
  expect(Object.keys(actions)).toHaveLength(9);
  const orgs: Record<string, string> = {};
  for (const name of names.orgs) {
    const found = await api.ok(graphql(`query FixtureOrganisations($s: String) { organisations(first: 100, filter: { search: $s }) { edges { node { id name(locale: NL) } } } }`), {
      s: name,
    });
    const match = found.organisations.edges.find((e) => e.node.name === name);
    expect(match, `organisation ${name}`).toBeDefined();
    orgs[name] = match!.node.id;
  }
  const boards: Record<string, string> = {};
  for (const name of names.boards) {
    const found = await api.ok(graphql(`query FixtureBoards($s: String) { boards(first: 100, filter: { search: $s }) { edges { node { id name } } } }`), { s: name });
    const match = found.boards.edges.find((e) => e.node.name === name);
    expect(match, `board ${name}`).toBeDefined();
    boards[name] = match!.node.id;
  }
  return { agreementId: agreement.id, actions, trackOf, orgs, boards };
}

/**
 * Runs `race` while another connection holds an uncommitted reversal of `entryId` inserted with
 * its foreign-key triggers off (so it locks no row the API's change locks): the API's own
 * reversal passes every check, then waits on the unique index until the other commits, and meets
 * the unique violation a real race would produce. PostgreSQL only (a second connection).
 */
export async function withRivalReversal<T>(url: string, table: "co_financing_entries" | "overhead_costs", entryId: string, note: string, race: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    const copied =
      table === "co_financing_entries"
        ? "agreement_id, board_id, action_id, kind, entry_type, amount_cents, entry_date, charge_id"
        : "agreement_id, action_id, amount_cents, cost_date";
    const text = table === "co_financing_entries" ? "note" : "description";
    await client.query(`insert into ${table} (${copied}, ${text}, reverses_id) select ${copied}, $2, id from ${table} where id = $1`, [entryId, note]);
    const pending = race();
    // Until the API's insert waits for this transaction.
    for (let i = 0; i < 200; i++) {
      const { rows } = await client.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
      if (rows[0].n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await client.query("commit");
    return await pending;
  } finally {
    await client.end();
  }
}

/**
 * Empties the cached aggregates (schema/shared/aggregates.ts): a statement test that compares two
 * reads calls it before each, so both count the reach afresh, as the first read after attendance
 * changed does, instead of one counting and the other reading the cache.
 */
export async function emptyAggregateCache(api: TestApi): Promise<void> {
  await api.database.db.delete(aggregateCache);
}

/** The row id of the seeded organisation with this Dutch name, read from the database. */
export async function organisationRowId(api: TestApi, name: string): Promise<string> {
  const [row] = await api.database.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(sql`${organisations.name}->>'nl'`, name));
  if (!row) throw new Error(`no organisation ${name}`);
  return row.id;
}

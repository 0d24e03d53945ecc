// The benchmark's database: a database of its own on the local PostgreSQL, migrated, seeded with
// the "sector" profile and analysed, so that our server and both PostGraphiles read the same rows
// with the same planner statistics.
//
// The machine's PostgreSQL runs with jit = on and autovacuum off. Without ANALYZE the planner
// guesses row counts, and with JIT on a few of those guesses cross the JIT cost threshold and
// compile expressions for every statement (tens of milliseconds that measure LLVM, not the API).
// The database is therefore analysed after seeding and set to jit = off, for every server alike
// (a per-database setting, so each connection of each server gets it).

import { performance } from "node:perf_hooks";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { type SeedResult, seedDatabase } from "../db/seed/index.js";
import { withAdmin } from "../test/helpers/db.js";

export interface BenchDatabase {
  /** The connection string of the benchmark database. */
  url: string;
  /** Whether an already seeded database was reused (BENCH_REUSE=1 and a matching marker). */
  reused: boolean;
  /** What the seed added, or, when reused, what the marker recorded. */
  seeded: SeedResult;
  seedMs: number;
}

/**
 * Drops and recreates `name` on the server of `serverUrl`, migrates it, seeds the sector profile at
 * `scale` and analyses it. With `reuse`, a database whose marker (a comment on the database) says it
 * was completely seeded at the same scale is kept as it is.
 */
export async function prepareBenchDatabase(options: { serverUrl: string; name: string; scale: number; reuse: boolean }): Promise<BenchDatabase> {
  const { serverUrl, name, scale, reuse } = options;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DATABASE name must be a plain identifier, not ${name}`);
  const url = withDatabase(serverUrl, name);
  const expected = `talent-bench scale=${scale}`;
  if (reuse) {
    const marker = await withAdmin(serverUrl, async (admin) => {
      const found = await admin.query<{ marker: string | null }>("select shobj_description(oid, 'pg_database') as marker from pg_database where datname = $1", [name]);
      return found.rows[0]?.marker ?? null;
    });
    if (marker?.startsWith(`${expected};`)) {
      return { url, reused: true, seeded: JSON.parse(marker.slice(expected.length + 1)) as SeedResult, seedMs: 0 };
    }
  }

  await withAdmin(serverUrl, async (admin) => {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.query(`alter database ${name} set jit = off`);
  });
  const database = openDatabase({ driver: "pg", url });
  const started = performance.now();
  let seeded: SeedResult;
  try {
    await migrateDatabase(database);
    let lastStep = "";
    seeded = await seedDatabase(
      database,
      "sector",
      (step, done, total) => {
        if (step !== lastStep || done === total) process.stderr.write(`\r  seeding ${step}: ${done}/${total}${done === total ? "\n" : ""}`);
        lastStep = done === total ? "" : step;
      },
      { scale },
    );
  } finally {
    await database.close();
  }
  await withAdmin(url, (client) => client.query("analyze"));
  const seedMs = performance.now() - started;
  // Written last: a run interrupted while seeding leaves no marker, so BENCH_REUSE seeds again.
  await withAdmin(serverUrl, (admin) => admin.query(`comment on database ${name} is ${literal(`${expected};${JSON.stringify(seeded)}`)}`));
  return { url, reused: false, seeded, seedMs };
}

/** The PostgreSQL server's version string, for the results. */
export async function serverVersion(url: string): Promise<string> {
  return withAdmin(url, async (client) => (await client.query<{ server_version: string }>("show server_version")).rows[0]?.server_version ?? "unknown");
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

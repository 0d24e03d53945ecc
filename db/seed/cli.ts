// `npm run db:seed [-- --profile sources|sector] [--scale 0.1]`: migrates, then adds what the
// profile has and the database lacks. `--scale` seeds a fraction of the sector's size (the full
// size by default). Progress goes to stderr, the summary to stdout.
import { parseArgs } from "node:util";
import { openDatabase } from "../client.js";
import { migrateDatabase, withMigrationLock } from "../migrate.js";
import { type SeedProfile, seedDatabase } from "./index.js";

const { values } = parseArgs({ options: { profile: { type: "string", default: "sources" }, scale: { type: "string", default: "1" } } });
const profile = values.profile as SeedProfile;
if (profile !== "sources" && profile !== "sector") {
  console.error(`unknown profile "${values.profile}"; use sources or sector`);
  process.exit(2);
}
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 10)) {
  console.error(`--scale must be a number within (0, 10], not "${values.scale}"`);
  process.exit(2);
}

const database = openDatabase();
try {
  const started = Date.now();
  const added = await withMigrationLock(database, async () => {
    await migrateDatabase(database);
    return seedDatabase(
      database,
      profile,
      (step, done, total) => {
        process.stderr.write(`\r${step}: ${done}/${total}${done === total ? "\n" : ""}`);
      },
      { scale },
    );
  });
  // Every other kind of row added (invoices, employees, enrolments, ...), by the name its step gave it.
  const others = Object.entries(added).filter(([kind, n]) => !["boards", "organisations", "fundingAgreements"].includes(kind) && n);
  const total = Object.values(added).reduce<number>((sum, n) => sum + (n ?? 0), 0);
  console.log(
    `profile "${profile}" on ${database.driver}: added ${added.boards} boards, ${added.organisations} organisations and ${added.fundingAgreements} funding agreements` +
      (others.length ? ` (and ${others.map(([kind, n]) => `${n} ${kind}`).join(", ")})` : "") +
      ` in ${Date.now() - started} ms` +
      (total === 0 ? " (everything was already there)" : ""),
  );
} finally {
  await database.close();
}

// `npm start`: runs the local server (functions/server.ts) as JavaScript compiled by esbuild,
// because loading our TypeScript through tsx cost about 1.5 s of every start (tsx transforms
// each file as it loads, in a second node process). Plain JavaScript, since nothing compiles it.
//
// The build bundles our own code into one file and leaves every package in node_modules as it
// is (PGlite finds its wasm and data files next to itself). It lives in node_modules/.cache, which
// git ignores and `npm ci` clears (TALENT_BUILD_DIR puts it elsewhere inside the project, where
// node_modules is found, as the startup benchmark does). It is rebuilt whenever any file it was built from changed since that build began, so an
// edit to the TypeScript takes effect on the next start; checking costs a few milliseconds.
//
// On a first start the embedded database's folder does not exist yet: PostgreSQL's initdb and
// the migrations take a few seconds of one core. `npm install` prepares both ahead (the
// postinstall script runs `node functions/start.mjs --prepare`): it builds the server and an
// initialised, migrated, unseeded folder in the build folder, which the first start renames into
// place. Without it (it was used by an earlier first start, or PGlite or the migrations changed
// since), initdb and the migrations run in a worker thread, into a folder of their own that is
// renamed into place when complete, while this thread builds and loads the code on the other
// core. Either way the server then finds a migrated folder and seeds it with the sources.

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread, Worker, workerData } from "node:worker_threads";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const MIGRATIONS = process.env.MIGRATIONS_DIR ?? join(ROOT, "db/migrations");

const OUT_DIR = resolve(ROOT, process.env.TALENT_BUILD_DIR ?? "node_modules/.cache/talent-api");
/** The folder `npm install` prepares for a first start, and what it was made from. */
const READY_FOLDER = join(OUT_DIR, "pgdata-ready");
const READY_MARK = join(OUT_DIR, "pgdata-ready.json");

if (!isMainThread) await prepareFolder(workerData.folder);
else if (process.argv.includes("--prepare")) await prepareAhead();
else await main();

/**
 * `npm install`'s part (postinstall): the server's build and a migrated folder for the first
 * start. It never fails the install: whatever it could not prepare, the first start does itself.
 */
async function prepareAhead() {
  try {
    const bundle = join(OUT_DIR, "server.mjs");
    const manifestFile = join(OUT_DIR, "server.inputs.json");
    if (!readManifest(manifestFile, bundle)) await build(OUT_DIR, bundle, manifestFile);
    const made = readyMark();
    if (existsSync(READY_FOLDER) && readMark() === made) return;
    rmSync(READY_FOLDER, { recursive: true, force: true });
    rmSync(READY_MARK, { force: true });
    const folder = join(OUT_DIR, `.pgdata-preparing-${process.pid}`);
    try {
      await prepareFolder(folder);
      renameSync(folder, READY_FOLDER);
      writeFileSync(READY_MARK, made);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  } catch (error) {
    console.warn(`talent-api: not prepared ahead (${error?.message ?? error}); the first npm start will do it`);
  }
}

/** What a prepared folder was made from: PGlite's version and the migrations' journal. */
function readyMark() {
  const pglite = JSON.parse(readFileSync(join(ROOT, "node_modules/@electric-sql/pglite/package.json"), "utf8")).version;
  const journal = readFileSync(join(MIGRATIONS, "meta/_journal.json"), "utf8");
  return JSON.stringify({ pglite, journal });
}

function readMark() {
  try {
    return readFileSync(READY_MARK, "utf8");
  } catch {
    return null;
  }
}

async function main() {
  const outDir = OUT_DIR;
  const bundle = join(outDir, "server.mjs");
  const manifestFile = join(outDir, "server.inputs.json");

  const prepared = prepareEmbeddedDatabase(outDir);
  const manifest = readManifest(manifestFile, bundle) ?? (await build(outDir, bundle, manifestFile));
  // The packages the server imports load now, next to the database's preparation; importing
  // the bundle afterwards finds them loaded. A package that fails here fails there, with the
  // server's own error handling.
  await Promise.all([prepared, ...manifest.packages.map((name) => import(name).catch(() => {}))]);

  // The bundle sits far from db/, where migrations are looked for next to the code.
  process.env.MIGRATIONS_DIR = MIGRATIONS;
  // Stack traces name the TypeScript files and lines, not the bundle's.
  process.setSourceMapsEnabled(true);
  await import(pathToFileURL(bundle).href);
}

/** The manifest of a bundle that exists and that no file it was built from changed since its build began; else null. */
function readManifest(manifestFile, bundle) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, "utf8"));
    statSync(bundle);
    if (!Array.isArray(manifest.inputs) || !Array.isArray(manifest.packages)) return null;
  } catch {
    return null;
  }
  // Files that shape the build without being bundled: this script (the build's options), the
  // package and TypeScript settings.
  for (const input of ["functions/start.mjs", "package.json", "tsconfig.json", ...manifest.inputs]) {
    try {
      if (statSync(join(ROOT, input)).mtimeMs >= manifest.builtFrom) return null;
    } catch {
      return null; // removed or renamed: what imported it changed as well
    }
  }
  return manifest;
}

async function build(outDir, bundle, manifestFile) {
  const { build } = await import("esbuild");
  // Taken before esbuild reads anything, so that a file saved during the build counts as newer.
  const builtFrom = Date.now();
  const result = await build({
    entryPoints: [join(ROOT, "functions/server.ts")],
    outfile: bundle,
    bundle: true,
    // Packages load from node_modules at run time, as they would under tsx.
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    metafile: true,
    write: false,
    logLevel: "warning",
    absWorkingDir: ROOT,
  });
  mkdirSync(outDir, { recursive: true });
  // Each file is replaced whole (rename), so that another start reading it meanwhile sees the
  // old or the new one; the manifest comes last, so an interrupted build is redone next time.
  for (const file of result.outputFiles) replaceFile(file.path, file.contents);
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  const manifest = {
    builtFrom,
    inputs: Object.keys(result.metafile.inputs).map((input) => relative(ROOT, resolve(ROOT, input))),
    // Only static imports: a dynamic one is loaded when first needed, by design.
    packages: [...new Set((output?.imports ?? []).filter((i) => i.external && i.kind === "import-statement" && !i.path.startsWith("node:")).map((i) => i.path))],
  };
  replaceFile(manifestFile, JSON.stringify(manifest));
  return manifest;
}

function replaceFile(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * Creates and migrates the embedded database's folder in a worker thread when the server is
 * going to use one that does not exist yet. Resolves when done or given up: the server then
 * creates the folder itself, as it always could, so this never fails a start.
 */
async function prepareEmbeddedDatabase(outDir) {
  // The same choice as db/client.ts databaseConfigFromEnv: PGlite unless a driver or URL says otherwise.
  const env = process.env;
  const driver = env.DATABASE_DRIVER ?? (env.AWS_LAMBDA_FUNCTION_NAME ? "neon" : env.DATABASE_URL ? "pg" : "pglite");
  const target = resolve(ROOT, env.PGLITE_DIR ?? ".data");
  if (driver !== "pglite" || (env.PGLITE_DIR ?? "").startsWith("memory://") || existsSync(join(target, "PG_VERSION"))) return;

  // The folder `npm install` prepared, if it matches this PGlite and these migrations: renamed
  // into place (refused unless the target is missing or empty), so it serves one first start.
  if (existsSync(READY_FOLDER)) {
    const current = readMark() === readyMark();
    rmSync(READY_MARK, { force: true });
    if (current) {
      try {
        mkdirSync(dirname(target), { recursive: true });
        renameSync(READY_FOLDER, target);
        return;
      } catch {
        // Another file system, or a folder another process created meanwhile: as if none was prepared.
      }
    }
    rmSync(READY_FOLDER, { recursive: true, force: true });
  }

  // Prepared next to where it goes (a rename cannot cross file systems), in the build folder
  // when that is on the same one, so that an interrupted start leaves nothing in the project.
  mkdirSync(outDir, { recursive: true });
  mkdirSync(dirname(target), { recursive: true });
  removeAbandoned(outDir);
  const besideTarget = statSync(dirname(target)).dev === statSync(outDir).dev ? outDir : dirname(target);
  const folder = join(besideTarget, `.pgdata-preparing-${process.pid}`);
  try {
    await new Promise((done, fail) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { folder } });
      worker.once("error", fail);
      worker.once("exit", (code) => (code === 0 ? done() : fail(new Error(`exit ${code}`))));
    });
    // Atomic, and refused unless the target is missing or an empty folder: a folder another
    // process created meanwhile is left alone, and this start opens that one as before.
    renameSync(folder, target);
  } catch {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Folders of earlier starts that were stopped while preparing (their process is gone). */
function removeAbandoned(outDir) {
  for (const name of readdirSync(outDir)) {
    const pid = /^\.pgdata-preparing-(\d+)$/.exec(name)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(outDir, name), { recursive: true, force: true });
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

/** In the worker: PostgreSQL's initdb in `folder`, then the committed migrations, with the server's own migrator. */
async function prepareFolder(folder) {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([import("@electric-sql/pglite"), import("drizzle-orm/pglite"), import("drizzle-orm/pglite/migrator")]);
  // initdb's closing sync of every file it wrote (about 1,400) is skipped: PGlite runs PostgreSQL
  // with fsync off anyway, and a folder cut short by a crash is never renamed into place.
  const client = new PGlite(folder, { initDbStartParams: ["--no-sync"] });
  try {
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS });
  } finally {
    await client.close();
  }
}

// One process at a time on an embedded database's folder. PGlite keeps PostgreSQL's buffers in
// the memory of the process that opened the folder (its postmaster.pid names a fixed fake pid,
// so PostgreSQL's own interlock cannot work): two processes on one folder each write their own
// view of the files and lose each other's confirmed writes.
//
// The lock is a file in the folder, created exclusively ("wx"), naming the holder: pid, host,
// the process's start time (Linux) and a random token. A lock whose holder is gone is stale
// and is taken over, so a folder left by a crashed process (SIGKILL, power loss) opens again at
// once. Liveness is asked of the operating system by pid (`kill(pid, 0)`), not guessed from the
// file's age: a live but idle holder is never taken over, a dead one never waits out a timeout.
// A pid reused by another process is told apart by its start time; a zombie counts as dead.
// A holder on another host (a shared network folder) cannot be checked and counts as alive;
// the message says which file to remove once that host's process is gone.
import { randomUUID } from "node:crypto";
import { closeSync, linkSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export const LOCK_FILE = "talent-api.lock";

export interface LockHolder {
  pid: number;
  hostname: string;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat), where the system tells it. */
  startTime: string | null;
  token: string;
  since: string;
}

/** Refused: another live process (or this one) has the folder open. */
export class FolderLockedError extends Error {
  override name = "FolderLockedError";
  constructor(
    message: string,
    readonly folder: string,
    readonly holder: LockHolder | null,
  ) {
    super(message);
  }
}

/** Folders this process holds (real path → token): a second open in the same process is refused too. */
const heldHere = new Map<string, string>();

/**
 * Takes the folder's lock or throws FolderLockedError naming the holder. Returns the release,
 * which removes the lock file if it is still this process's; it also runs when the process exits.
 */
export function lockFolder(folder: string): () => void {
  const real = realpathSync(folder);
  const path = join(real, LOCK_FILE);
  if (heldHere.has(real)) {
    throw new FolderLockedError(`The embedded database folder ${real} is already open in this process (pid ${process.pid}); close it first.`, real, null);
  }
  const me: LockHolder = { pid: process.pid, hostname: hostname(), startTime: startTimeOf(process.pid), token: randomUUID(), since: new Date().toISOString() };

  // Each turn either takes the lock, refuses, or removes what stood in the way; a file being
  // written gets a moment to be completed.
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    if (create(path, me)) {
      heldHere.set(real, me.token);
      const onExit = () => removeIfOurs(path, me.token);
      process.once("exit", onExit);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        process.off("exit", onExit);
        heldHere.delete(real);
        removeIfOurs(path, me.token);
      };
    }
    const holder = readHolder(path);
    if (holder === "missing") continue;
    if (holder === "unreadable") {
      // Another process is between creating the file and writing it, or a crash left it half-written.
      if (ageMs(path) < 1_000) {
        sleep(50);
        continue;
      }
      takeOver(path, null);
      continue;
    }
    if (alive(holder)) throw lockedBy(real, path, holder);
    takeOver(path, holder);
  }
  throw new FolderLockedError(`The embedded database folder ${real} could not be locked: its lock file ${path} keeps changing.`, real, null);
}

function create(path: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(me)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(path: string): LockHolder | "missing" | "unreadable" {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : "unreadable";
  }
  try {
    const holder = JSON.parse(text) as Partial<LockHolder>;
    if (typeof holder.pid === "number" && typeof holder.token === "string" && typeof holder.hostname === "string") {
      return { pid: holder.pid, hostname: holder.hostname, startTime: holder.startTime ?? null, token: holder.token, since: String(holder.since ?? "") };
    }
  } catch {
    // Half-written.
  }
  return "unreadable";
}

/**
 * Removes a stale lock, unless someone else replaced it meanwhile: the file is first moved
 * aside under a name of this process's own (only one mover wins), then checked; a fresh lock
 * moved by mistake is put back.
 */
function takeOver(path: string, stale: LockHolder | null): void {
  const aside = `${path}.${process.pid}.${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = readHolder(aside);
  const wasStale = stale === null ? moved === "unreadable" : typeof moved === "object" && moved.token === stale.token;
  if (!wasStale) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone created a lock in between; theirs stands.
    }
  }
  unlinkSync(aside);
}

function alive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  // Not in heldHere, so an earlier process that had this pid (a container's pid 1 after a restart).
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const state = procStat(holder.pid);
  if (!state) return true;
  if (state.state === "Z" || state.state === "X") return false;
  return holder.startTime === null || holder.startTime === state.startTime;
}

function lockedBy(folder: string, path: string, holder: LockHolder): FolderLockedError {
  const elsewhere = holder.hostname !== hostname();
  const message = elsewhere
    ? `The embedded database folder ${folder} is in use by pid ${holder.pid} on host ${holder.hostname} (since ${holder.since}), which this host cannot check. Two processes on one folder lose each other's writes. If no process on ${holder.hostname} uses it any more, remove ${path}.`
    : `The embedded database folder ${folder} is in use by another process: pid ${holder.pid} (since ${holder.since}). Two processes on one folder lose each other's writes: stop that process, or give this one another PGLITE_DIR.`;
  return new FolderLockedError(message, folder, holder);
}

function removeIfOurs(path: string, token: string): void {
  const holder = readHolder(path);
  if (typeof holder !== "object" || holder.token !== token) return;
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** The process's state and start time from /proc (Linux); null where there is no /proc. */
function procStat(pid: number): { state: string; startTime: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Field 3 is the state, field 22 the start time.
    return { state: fields[0] ?? "", startTime: fields[19] ?? "" };
  } catch {
    return null;
  }
}

function startTimeOf(pid: number): string | null {
  return procStat(pid)?.startTime ?? null;
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

// The process's structured log: one JSON object per line on standard output, written by pino
// through an asynchronous destination, so that logging an operation never blocks the request
// that logs it (a synchronous console.log per operation cost about 9% of the server's CPU under
// load, issue 14). The lines keep the fields they always had: time (ISO 8601), level, msg, and
// the entry's own fields.
//
// pino writes what is still buffered when the process exits. A Lambda container is frozen, not
// exited, between invocations, and a buffered line could wait for the next invocation or be lost
// with the container: on Lambda the lines are written as they come (one or two per invocation,
// to the runtime's pipe).
import pino from "pino";

export type LogEntry = Record<string, unknown>;
export type Log = (entry: LogEntry) => void;

const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;
type Level = (typeof LEVELS)[number];

let logger: pino.Logger | undefined;

function processLogger(): pino.Logger {
  logger ??= pino(
    {
      level: "trace",
      // Our lines carry no pid or hostname, and their level is a word, as before.
      base: null,
      messageKey: "msg",
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Elsewhere lines are gathered and written 4 KiB at a time, or after at most 100 ms.
    process.env.AWS_LAMBDA_FUNCTION_NAME ? pino.destination({ dest: 1, sync: true }) : pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 100 }),
  );
  return logger;
}

function levelOf(value: unknown): Level {
  return LEVELS.includes(value as Level) ? (value as Level) : "info";
}

/** Writes `entry` as one JSON line; `entry.level` chooses the level (info when absent or unknown). */
export const jsonLog: Log = (entry) => {
  const { level, ...fields } = entry;
  processLogger()[levelOf(level)](fields);
};

// The process log (schema/shared/log.ts): JSON lines with the fields they always had, written
// asynchronously, and none lost when the process exits right after logging (pino writes its
// buffer at exit); on Lambda, written before the handler goes on.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function runLogging(body: string, env: NodeJS.ProcessEnv = {}): string[] {
  const script = `import { jsonLog } from "./schema/shared/log.ts";\n${body}`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, ...env } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.split("\n").filter(Boolean);
}

describe("the process log", () => {
  it("writes one JSON line per entry with time, level and msg, and loses none at process.exit", () => {
    const lines = runLogging(`
      for (let i = 0; i < 2000; i++) jsonLog({ level: i % 2 ? "warn" : "info", msg: "graphql operation", n: i });
      jsonLog({ msg: "no level given" });
      process.exit(0);
    `);
    expect(lines).toHaveLength(2001);
    const entries = lines.map((line) => JSON.parse(line));
    expect(entries[0]).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), level: "info", msg: "graphql operation", n: 0 });
    expect(entries[1]).toMatchObject({ level: "warn", n: 1 });
    expect(entries.map((e) => e.n).slice(0, 2000)).toEqual([...Array(2000).keys()]);
    expect(entries[2000]).toMatchObject({ level: "info", msg: "no level given" });
  });

  it("buffers lines off Lambda; on Lambda writes each before the handler goes on", () => {
    // A Lambda container is frozen after its handler returns, so a buffered line could be lost.
    // The marker is written synchronously right after logging: it comes first off Lambda, last on it.
    const script = `
      import { writeSync } from "node:fs";
      for (let i = 0; i < 10; i++) jsonLog({ level: "info", msg: "operation " + i });
      writeSync(1, "marker\\n");
    `;
    const lambdaEnv = { AWS_LAMBDA_FUNCTION_NAME: "GraphqlFunction" };
    const offLambda = runLogging(script, { AWS_LAMBDA_FUNCTION_NAME: "" });
    const onLambda = runLogging(script, lambdaEnv);
    expect(offLambda).toHaveLength(11);
    expect(offLambda[0]).toBe("marker");
    expect(onLambda).toHaveLength(11);
    expect(onLambda.at(-1)).toBe("marker");
  });
});

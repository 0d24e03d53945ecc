// `npm run authz:doc`: writes docs/authorization.md, the authorization matrix generated from the
// modules' access rows and policies (schema/authorization.ts).
// `npm run authz:doc -- --check`: writes nothing; exits 1 when the committed file is not what it
// would write (for CI), naming the cells that changed (row and actor) or else the first lines.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { AUTHORIZATION_DOC_PATH, matrixChanges, renderAuthorizationMarkdown } from "../schema/authorization.js";

const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const path = resolve(root, AUTHORIZATION_DOC_PATH);
const wanted = renderAuthorizationMarkdown();

/** The first few lines that differ, as `-` (committed) and `+` (generated) pairs. */
function diffHint(committed: string, generated: string, limit = 5): string[] {
  const a = committed.split("\n");
  const b = generated.split("\n");
  const hints: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length) && hints.length < limit * 2; i++) {
    if (a[i] === b[i]) continue;
    hints.push(`line ${i + 1}:`);
    hints.push(`  - ${a[i] ?? "(missing)"}`, `  + ${b[i] ?? "(missing)"}`);
  }
  return hints;
}

if (values.check) {
  const committed = existsSync(path) ? readFileSync(path, "utf8") : null;
  if (committed === wanted) {
    console.log(`${AUTHORIZATION_DOC_PATH} is up to date`);
    process.exit(0);
  }
  console.error(committed === null ? `${AUTHORIZATION_DOC_PATH} is missing.` : `${AUTHORIZATION_DOC_PATH} differs from what the policies and access rows give:`);
  if (committed !== null) {
    // Grants first, row by row and actor by actor; else the first lines that differ.
    const changes = matrixChanges(committed, wanted);
    for (const change of changes.slice(0, 20)) console.error(`  ${change}`);
    if (changes.length > 20) console.error(`  ... and ${changes.length - 20} more`);
    if (!changes.length) for (const line of diffHint(committed, wanted)) console.error(line);
  }
  console.error(`Run \`npm run authz:doc\` and commit ${AUTHORIZATION_DOC_PATH} (git diff ${AUTHORIZATION_DOC_PATH} shows the whole change).`);
  process.exit(1);
}

mkdirSync(dirname(path), { recursive: true });
writeFileSync(path, wanted);
console.log(`wrote ${AUTHORIZATION_DOC_PATH}`);

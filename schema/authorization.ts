// The authorization matrix: who may use each root field, mutation, subscription and protected
// field, built from the access rows every module declares (schema/modules.ts) and the grants of
// the policies those rows name. The same rules render docs/authorization.md (`npm run
// authz:doc`) and give the outcome test/kit/authorization.test.ts expects when it walks the
// matrix against the running API, so neither the document nor the test can drift from the
// policies the services enforce.
import { modules as registeredModules } from "./modules.js";
import type { AccessRow, ModuleDescriptor } from "./shared/module.js";
import { type ActorRole, grantFor } from "./shared/policy.js";

export type Outcome = "allowed" | "denied";

/**
 * One column of the matrix. A role whose grant may depend on the resource gets two columns:
 * an actor for whom the condition holds (a member of the right board, a partner of a related
 * organisation) and one for whom it does not. Roles without a board or an organisation, and
 * EXPERT (one column), have `relation: null`.
 */
export interface ActorVariant {
  key: string;
  role: ActorRole;
  /** The column's heading. */
  label: string;
  relation: "related" | "unrelated" | null;
}

export const ACTOR_VARIANTS = [
  { key: "anonymous", role: "ANONYMOUS", label: "anonymous", relation: null },
  { key: "admin", role: "ADMIN", label: "ADMIN", relation: null },
  { key: "consultant", role: "CONSULTANT", label: "CONSULTANT", relation: null },
  { key: "boardMemberOfRightBoard", role: "BOARD_MEMBER", label: "BOARD_MEMBER of the right board", relation: "related" },
  { key: "boardMemberOfOtherBoard", role: "BOARD_MEMBER", label: "BOARD_MEMBER of another board", relation: "unrelated" },
  { key: "expert", role: "EXPERT", label: "EXPERT", relation: null },
  { key: "partnerOfRelatedOrganisation", role: "PARTNER", label: "PARTNER of a related organisation", relation: "related" },
  { key: "partnerOfUnrelatedOrganisation", role: "PARTNER", label: "PARTNER of an unrelated organisation", relation: "unrelated" },
] as const satisfies readonly ActorVariant[];

export type ActorVariantKey = (typeof ACTOR_VARIANTS)[number]["key"];

/**
 * "yes" and "no" as they read; "if" only for a one-column role (anonymous, ADMIN, CONSULTANT,
 * EXPERT) whose grant is conditional: allowed when the condition holds. No policy has such a
 * grant today; the walk gives an EXPERT the related organisation, so it expects "allowed".
 */
export type Cell = "yes" | "no" | "if";

export interface MatrixCondition {
  role: ActorRole;
  describe: string;
}

export interface MatrixRow {
  module: string;
  field: string;
  /** The policy action's name and description; null for a public row. */
  action: { name: string; description: string } | null;
  cells: Record<ActorVariantKey, Cell>;
  /** The conditional grants, one per role, in the order of the columns. */
  conditions: MatrixCondition[];
  note: string | null;
  /** The row as the module declared it. */
  row: AccessRow;
}

export interface AuthorizationMatrix {
  modules: { name: string; rows: MatrixRow[] }[];
  /** Every row, in module order. */
  rows: MatrixRow[];
}

/** The outcome the rules give one actor variant on one row: what the test expects from the API. */
export function expectedOutcome(row: AccessRow, variant: ActorVariantKey): Outcome {
  return cellFor(row, variantOf(variant)) === "no" ? "denied" : "allowed";
}

function variantOf(key: ActorVariantKey): (typeof ACTOR_VARIANTS)[number] {
  const variant = ACTOR_VARIANTS.find((v) => v.key === key);
  if (!variant) throw new Error(`unknown actor variant ${key}`);
  return variant;
}

function cellFor(row: AccessRow, variant: ActorVariant): Cell {
  if (row.action === "public") return "yes";
  const grant = grantFor(row.action, variant.role);
  if (grant === "always") return "yes";
  if (grant === "never") return "no";
  if (variant.relation === null) return "if";
  return variant.relation === "related" ? "yes" : "no";
}

function conditionsOf(row: AccessRow): MatrixCondition[] {
  if (row.action === "public") return [];
  const conditions: MatrixCondition[] = [];
  for (const variant of ACTOR_VARIANTS) {
    const grant = grantFor(row.action, variant.role);
    if (grant === "always" || grant === "never" || conditions.some((c) => c.role === variant.role)) continue;
    conditions.push({ role: variant.role, describe: grant });
  }
  return conditions;
}

/** The matrix of the given modules (by default the registered ones), in their order. */
export function buildAuthorizationMatrix(modules: readonly ModuleDescriptor[] = registeredModules): AuthorizationMatrix {
  const seen = new Map<string, string>();
  const grouped = modules
    .filter((module) => module.access?.length)
    .map((module) => ({
      name: module.name,
      rows: (module.access ?? []).map((row): MatrixRow => {
        if (!/^[A-Z][A-Za-z0-9]*\.[a-z_][A-Za-z0-9_]*$/.test(row.field)) throw new Error(`access row ${row.field} of module ${module.name} must read Type.field`);
        const previous = seen.get(row.field);
        if (previous) throw new Error(`access row ${row.field} is declared by both ${previous} and ${module.name}`);
        seen.set(row.field, module.name);
        const cells = Object.fromEntries(ACTOR_VARIANTS.map((variant) => [variant.key, cellFor(row, variant)])) as Record<ActorVariantKey, Cell>;
        return {
          module: module.name,
          field: row.field,
          action: row.action === "public" ? null : { name: row.action.name, description: row.action.description },
          cells,
          conditions: conditionsOf(row),
          note: row.note ?? null,
          row,
        };
      }),
    }));
  return { modules: grouped, rows: grouped.flatMap((m) => m.rows) };
}

export const AUTHORIZATION_DOC_PATH = "docs/authorization.md";
export const AUTHORIZATION_DOC_HEADER =
  "<!-- Generated by `npm run authz:doc` (functions/authorization-doc.ts) from the modules' access rows and policies (schema/authorization.ts). Do not edit: change a policy or an access row, then run `npm run authz:doc`. -->";

/** A table cell's text: pipes escaped, line breaks flattened. */
const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");

/** docs/authorization.md. */
export function renderAuthorizationMarkdown(matrix: AuthorizationMatrix = buildAuthorizationMatrix()): string {
  const lines: string[] = [
    AUTHORIZATION_DOC_HEADER,
    "",
    "# Authorization matrix",
    "",
    "Who may use each root field, mutation and subscription of the API, and each field protected",
    "by a policy of its own. Each module declares its rows (`access` in `schema/*/module.ts`); the",
    "grants come from the policies the services check (`schema/*/*.policy.ts`).",
    "",
    "- **yes**: allowed; **no**: refused, with `UNAUTHENTICATED` for an anonymous caller and",
    "  `FORBIDDEN` for anyone else (or the answer the row's note gives, such as null).",
    "- A role whose grant depends on the resource has two columns: an actor for whom the condition",
    "  holds (a member of **the right board**, a partner of **a related organisation**) and one for",
    "  whom it does not. The *condition* column says what the rule asks.",
    "- **if** (only for a role with one column): allowed when the condition holds.",
    "- **public** rows are open to everyone, signed in or not.",
    "",
    "`test/kit/authorization.test.ts` walks this matrix against the running API: every row, as each",
    "of these actors, with a sample operation; and it fails when a root field has no row.",
  ];
  const header = ["field", "action", ...ACTOR_VARIANTS.map((v) => v.label), "condition", "note"];
  for (const module of matrix.modules) {
    lines.push("", `## ${module.name}`, "", `| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`);
    for (const row of module.rows) {
      const action = row.action ? `\`${row.action.name}\`: ${row.action.description}` : "public";
      const conditions = row.conditions.map((c) => `${c.role}: ${c.describe}`).join("; ");
      const values = [`\`${row.field}\``, action, ...ACTOR_VARIANTS.map((v) => row.cells[v.key]), conditions, row.note ?? ""];
      lines.push(`| ${values.map(cell).join(" | ")} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Splits a Markdown table line into its cells, keeping escaped pipes. */
function tableCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, "|"));
}

/** Every row of a rendered matrix: field → column heading → cell text. */
export function readMatrixTables(markdown: string): Map<string, Map<string, string>> {
  const rows = new Map<string, Map<string, string>>();
  let header: string[] | null = null;
  for (const line of markdown.split("\n")) {
    if (!line.startsWith("|")) {
      header = null;
      continue;
    }
    const cells = tableCells(line);
    if (cells[0] === "field") header = cells;
    else if (header && /^`[^`]+`$/.test(cells[0] ?? "")) rows.set(cells[0]!.slice(1, -1), new Map(header.slice(1).map((h, i) => [h, cells[i + 1] ?? ""])));
  }
  return rows;
}

/**
 * What changed between two renderings, row by row and actor by actor, e.g.
 * "Mutation.approveInvoice as EXPERT: no in the committed matrix, yes now".
 */
export function matrixChanges(committed: string, generated: string): string[] {
  const before = readMatrixTables(committed);
  const after = readMatrixTables(generated);
  const changes: string[] = [];
  for (const [field, cells] of after) {
    const old = before.get(field);
    if (!old) {
      changes.push(`${field}: a new row`);
      continue;
    }
    for (const [column, value] of cells) {
      const was = old.get(column) ?? "(no such column)";
      if (was === value) continue;
      const what = ACTOR_VARIANTS.some((v) => v.label === column) ? ` as ${column}` : ` ${column}`;
      changes.push(`${field}${what}: ${JSON.stringify(was)} in the committed matrix, ${JSON.stringify(value)} now`);
    }
  }
  for (const field of before.keys()) if (!after.has(field)) changes.push(`${field}: the row is gone`);
  return changes;
}

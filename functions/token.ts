// `npm run -s token -- --role ADMIN [--board ID] [--org ID] [--sub NAME] [--ttl 12h]`: prints a
// development token. --board and --org take a global id (as the API shows it) or a row uuid.
// It refuses to sign for the production stage, where tokens come from the identity provider.
import { parseArgs } from "node:util";
import { type AuthConfig, authConfigFromEnv, ROLES, type Role, signDevToken } from "../schema/shared/auth.js";
import { fromGlobalId } from "../schema/shared/relay.js";

const { values } = parseArgs({
  options: {
    role: { type: "string" },
    board: { type: "string" },
    org: { type: "string" },
    sub: { type: "string" },
    ttl: { type: "string", default: "12h" },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const role = values.role?.toUpperCase() as Role | undefined;
if (!role || !ROLES.includes(role)) fail(`--role must be one of ${ROLES.join(", ")}`);

function rowId(value: string | undefined, type: string): string | undefined {
  if (!value) return undefined;
  const global = fromGlobalId(value);
  if (global) {
    if (global.type !== type) fail(`${value} is the id of a ${global.type}, not a ${type}`);
    return global.id;
  }
  if (/^[0-9a-f-]{36}$/i.test(value)) return value;
  fail(`${value} is neither a ${type} id nor a uuid`);
}

const board = rowId(values.board, "Board");
const org = rowId(values.org, "Organisation");
if (role === "BOARD_MEMBER" && !board) fail("a BOARD_MEMBER token needs --board");
if ((role === "EXPERT" || role === "PARTNER") && !org) fail(`a ${role} token needs --org`);

let config: AuthConfig;
try {
  config = authConfigFromEnv();
} catch (error) {
  fail((error as Error).message);
}
if (config.mode !== "dev") fail("this stage verifies tokens against a JWKS; get a token from the identity provider");

console.log(await signDevToken({ role, sub: values.sub, board, org }, { secret: config.secret, ttl: values.ttl }));

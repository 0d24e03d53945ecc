// Partner organisations' API keys: made, listed, rotated with an overlap and revoked, by the
// organisation's own partners (signed in with a token, never with a key: a leaked key must not
// mint the key that outlives its revocation) and by admins. The whole key is returned once, when
// it is made; what is kept, logged, audited or sent as an event is its prefix at most.
// How a key authenticates a request is the kit's (schema/shared/api-key-auth.ts).
//
// At most MAX_ACTIVE_KEYS live keys an organisation: a key in a rotation's overlap no longer
// counts (its successor does), so a rotation never fails on the limit. Making a key locks the
// organisation's row first, so two made at once are counted one after the other.
import { and, count, eq, gt, isNull, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { organisations } from "../../db/schema/organisations.js";
import { apiKeys } from "../../db/schema/partners.js";
import { mintApiKey } from "../shared/api-key-auth.js";
import { actorSubject } from "../shared/auth.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, conflict, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { rowsById } from "../shared/loaders.js";
import { assertCan, can } from "../shared/policy.js";
import { type Connection, expectGlobalId } from "../shared/relay.js";
import { requiredText } from "../shared/validation.js";
import { listedOrganisation, newestOfOrganisation } from "./organisation-lists.js";
import { apiKeyChanged } from "./partners.events.js";
import type { ApiKeyMapper as ApiKey } from "./partners.mappers.js";
import { apiKeyManage } from "./partners.policy.js";
import { overlapMsOf, rotateInput } from "./rotation.js";

/** Live keys an organisation may hold at once: enough for every machine, few enough to review. */
export const MAX_ACTIVE_KEYS = 10;

/** A key made or rotated: the row and the whole key, shown this once. */
export interface CreatedApiKey {
  apiKey: ApiKey;
  secret: string;
}

export const apiKeyLoader = (ctx: Context) => rowsById<ApiKey>(ctx, apiKeys);

/** Whether a key authenticates now: not revoked and not expired. */
export function isActive(key: Pick<ApiKey, "revokedAt" | "expiresAt">, now = new Date()): boolean {
  return !key.revokedAt && (!key.expiresAt || key.expiresAt.getTime() > now.getTime());
}

/** What the audit log keeps of a key: everything but the hash of its secret. */
function auditView(key: ApiKey): Omit<ApiKey, "secretHash"> {
  const { secretHash: _secretHash, ...rest } = key;
  return rest;
}

/** node(id): the key for those who manage its organisation's keys; null for anyone else. */
export async function findApiKey(ctx: Context, id: string): Promise<ApiKey | null> {
  const key = await apiKeyLoader(ctx).load(id);
  if (!key) return null;
  return (await can(ctx, apiKeyManage, { organisationId: key.organisationId })) ? key : null;
}

// ---------------------------------------------------------------------------------------------
// Lists

const listArgs = z.object({ organisationId: z.string().nullish(), first: z.number().int().nullish(), after: z.string().nullish() });

/**
 * Query.apiKeys: an organisation's keys, newest first. A partner's own organisation by default;
 * an admin names one, or gets every organisation's keys.
 */
export const listApiKeys = fn(
  listArgs,
  async (ctx, { organisationId, first, after }): Promise<Connection<ApiKey>> =>
    newestOfOrganisation<ApiKey>(ctx, apiKeys, await listedOrganisation(ctx, apiKeyManage, organisationId), { first, after }),
  { authorize: apiKeyManage },
);

// ---------------------------------------------------------------------------------------------
// Writes

/** Inserts a new key; a prefix already taken (one chance in 2^48) is drawn again. */
async function insertKey(tx: Tx, values: { organisationId: string; name: string; expiresAt: Date | null; createdBy: string | null }): Promise<CreatedApiKey> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { prefix, key, secretHash } = mintApiKey();
    const [row] = await tx
      .insert(apiKeys)
      .values({ ...values, prefix, secretHash })
      .onConflictDoNothing({ target: apiKeys.prefix })
      .returning();
    if (row) return { apiKey: row, secret: key };
  }
  throw new Error("could not draw an unused API key prefix");
}

/** A key that counts towards the limit: it authenticates and no rotation has replaced it. */
const liveKey = (now: Date): SQL | undefined => and(isNull(apiKeys.revokedAt), isNull(apiKeys.replacedById), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)));

/** The event's payload: row ids, as the audience's policy compares them with the actor's organisation. */
const keyEvent = (key: ApiKey, operation: "CREATED" | "ROTATED" | "REVOKED") => ({ apiKeyId: key.id, organisationId: key.organisationId, operation });

async function recordCreated(recorder: Recorder, operation: string, created: ApiKey): Promise<void> {
  await recorder.record({ operation, entityType: "ApiKey", entityId: created.id, before: null, after: auditView(created) });
  await recorder.emit(apiKeyChanged, created.id, keyEvent(created, "CREATED"));
}

const createInput = z.object({
  organisationId: z.string().nullish(),
  name: requiredText(100),
  expiresAt: z.date().nullish(),
});

export const createApiKey = fn(
  createInput,
  async (ctx, input): Promise<CreatedApiKey> => {
    let organisationId: string;
    if (input.organisationId) organisationId = expectGlobalId(input.organisationId, "Organisation", "input.organisationId");
    else if (ctx.actor.role === "PARTNER") organisationId = ctx.actor.organisationId;
    // An admin (the only other role allowed this far) acts for no organisation of their own.
    else throw badInput("input.organisationId", "is required: name the organisation the key is for");
    await assertCan(ctx, apiKeyManage, { organisationId });
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw badInput("input.expiresAt", "must be in the future");
    return change(ctx, async (tx, recorder) => {
      // Locked, so that keys made at once are counted one after the other (no key share: rows
      // referencing the organisation are not held up).
      const [organisation] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).for("no key update");
      if (!organisation) throw notFound("Organisation", "input.organisationId");
      const [live] = await tx
        .select({ n: count() })
        .from(apiKeys)
        .where(and(eq(apiKeys.organisationId, organisationId), liveKey(new Date())));
      if ((live?.n ?? 0) >= MAX_ACTIVE_KEYS)
        throw conflict("input.organisationId", `The organisation has ${MAX_ACTIVE_KEYS} active API keys, the most it may have: revoke one first`);
      const created = await insertKey(tx, { organisationId, name: input.name, expiresAt: input.expiresAt ?? null, createdBy: actorSubject(ctx.actor) });
      await recordCreated(recorder, "createApiKey", created.apiKey);
      return created;
    });
  },
  { argument: "input", authorize: apiKeyManage },
);

/**
 * The key's row, locked; FORBIDDEN for a key the actor may not manage (another organisation's,
 * or their own while signed in with a key), as every write of the API answers (the
 * authorization matrix); its random id tells nothing of the key.
 */
async function lockKey(ctx: Context, tx: Tx, id: string, field: string): Promise<ApiKey> {
  const [key] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for("update");
  if (!key) throw notFound("ApiKey", field);
  await assertCan(ctx, apiKeyManage, { organisationId: key.organisationId });
  return key;
}

/** CONFLICT unless the key still authenticates and was not rotated already. */
function assertLive(key: ApiKey, field: string, doing: string): void {
  if (key.revokedAt) throw conflict(field, `The API key was revoked: it cannot be ${doing}`);
  if (!isActive(key)) throw conflict(field, `The API key has expired: it cannot be ${doing}`);
}

/**
 * A new key with the same name and organisation; the old one keeps working for the overlap (never
 * longer than it would have anyway) and names its successor. Both in one change.
 */
export const rotateApiKey = fn(
  rotateInput,
  async (ctx, input): Promise<CreatedApiKey> => {
    const rowId = expectGlobalId(input.id, "ApiKey", "input.id");
    const overlapMs = overlapMsOf(input);
    return change(ctx, async (tx, recorder) => {
      const before = await lockKey(ctx, tx, rowId, "input.id");
      assertLive(before, "input.id", "rotated");
      if (before.replacedById) throw conflict("input.id", "The API key was rotated already: rotate its successor");
      const created = await insertKey(tx, { organisationId: before.organisationId, name: before.name, expiresAt: null, createdBy: actorSubject(ctx.actor) });
      const overlapEnds = new Date(Date.now() + overlapMs);
      const expiresAt = before.expiresAt && before.expiresAt.getTime() < overlapEnds.getTime() ? before.expiresAt : overlapEnds;
      const [after] = await tx.update(apiKeys).set({ expiresAt, replacedById: created.apiKey.id }).where(eq(apiKeys.id, rowId)).returning();
      if (!after) throw notFound("ApiKey", "input.id");
      await recorder.record({ operation: "rotateApiKey", entityType: "ApiKey", entityId: rowId, before: auditView(before), after: auditView(after) });
      await recorder.emit(apiKeyChanged, rowId, keyEvent(after, "ROTATED"));
      await recordCreated(recorder, "rotateApiKey", created.apiKey);
      return created;
    });
  },
  { argument: "input", authorize: apiKeyManage },
);

/** Stops the key at once; revoking a key twice is a CONFLICT. */
export const revokeApiKey = fn(
  z.object({ id: z.string() }),
  async (ctx, input): Promise<ApiKey> => {
    const rowId = expectGlobalId(input.id, "ApiKey", "id");
    return change(ctx, async (tx, recorder) => {
      const before = await lockKey(ctx, tx, rowId, "id");
      if (before.revokedAt) throw conflict("id", "The API key was revoked already");
      const [after] = await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, rowId)).returning();
      if (!after) throw notFound("ApiKey", "id");
      await recorder.record({ operation: "revokeApiKey", entityType: "ApiKey", entityId: rowId, before: auditView(before), after: auditView(after) });
      await recorder.emit(apiKeyChanged, rowId, keyEvent(after, "REVOKED"));
      return after;
    });
  },
  { authorize: apiKeyManage },
);

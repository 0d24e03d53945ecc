// Transactions that compose. The open transaction lives in AsyncLocalStorage: every query a
// request sends while a change is open (its services' queries and its DataLoaders' batches)
// goes through that transaction, and a change started inside another joins it instead of
// asking the pool for a second connection (which, on PGlite's single connection, would wait
// for ever). Effects that must wait for the commit register with `afterCommit` and run once,
// after the outermost commit, never after a rollback.
import { AsyncLocalStorage } from "node:async_hooks";
import type DataLoader from "dataloader";
import type { Db, Tx } from "../../db/client.js";

export interface TransactionScope {
  /** The connection pool (or PGlite client) the transaction belongs to. */
  readonly owner: object;
  readonly tx: Tx;
  /** DataLoaders created inside the transaction: they see its writes and die with it. */
  readonly loaders: Map<object, Map<string, DataLoader<unknown, unknown>>>;
  readonly afterCommit: (() => unknown)[];
}

const storage = new AsyncLocalStorage<TransactionScope>();

/** The transaction open on `owner` in this async context, if any. */
export function openTransaction(owner: object): TransactionScope | undefined {
  const scope = storage.getStore();
  return scope?.owner === owner ? scope : undefined;
}

/**
 * Runs `work` in a transaction on `db`: the one already open on the same owner, or a new one.
 * Only the outermost call commits; its after-commit effects run after that commit, in order.
 *
 * A joined change runs in a savepoint. If it fails, what it wrote is rolled back to the
 * savepoint and its effects are dropped, so an outer change that catches the failure commits
 * only its own work; and a failed statement inside it does not abort the outer transaction
 * (on PostgreSQL that would turn the outer COMMIT into a silent ROLLBACK).
 */
export async function inTransaction<T>(owner: object, db: Db, work: (tx: Tx) => Promise<T>, onEffectError: (error: unknown) => void): Promise<T> {
  const open = openTransaction(owner);
  if (open) {
    const nestedEffects: (() => unknown)[] = [];
    try {
      const result = await open.tx.transaction((savepoint) => storage.run({ ...open, tx: savepoint, afterCommit: nestedEffects }, () => work(savepoint)));
      open.afterCommit.push(...nestedEffects);
      return result;
    } catch (error) {
      // Loaders may hold what the savepoint wrote.
      open.loaders.clear();
      throw error;
    }
  }
  const effects: (() => unknown)[] = [];
  const result = await db.transaction((tx) => storage.run({ owner, tx, loaders: new Map(), afterCommit: effects }, () => work(tx)));
  // Outside the scope: an effect that queries or changes data runs on its own.
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      onEffectError(error);
    }
  }
  return result;
}

/** Queues an effect for after the outermost commit of the transaction open on `owner`. */
export function afterCommit(owner: object, effect: () => unknown): void {
  const open = openTransaction(owner);
  // Outside a change there is no commit to wait for, and running it at once would hide a bug.
  if (!open) throw new Error("afterCommit needs an open change");
  open.afterCommit.push(effect);
}

// Typed domain events. A module declares each event it emits: its name, version, a zod schema
// of its payload and the audience that may see it (a policy action, checked per event by every
// channel that delivers it outside the process). Payloads are explicit projections, never whole
// rows: what a consumer needs to know that something happened and to ask the API for more.
//
// A change writes its events into the transactional outbox (domain_events) in its own
// transaction; the outbox relay (outbox.ts) reads them in commit order and feeds this
// process's bus, which feeds GraphQL subscriptions, whichever process made the change.
import type { z } from "zod";
import type { Context } from "./context.js";
import { can, type PolicyAction } from "./policy.js";

export type Audience<P> = "public" | { action: PolicyAction<never>; resource: (ctx: Context, payload: P) => Promise<unknown> };

export interface EventDefinition<P = unknown> {
  /** entity.pastTense ("invoice.approved"), or module.entity.pastTense ("campaign.result.published"). */
  readonly name: string;
  /** Bumped when the payload changes incompatibly; consumers see it on every event. */
  readonly version: number;
  readonly entityType: string;
  readonly description: string;
  readonly payload: z.ZodType<P>;
  readonly audience: Audience<P>;
}

/** Any event definition, whatever its payload: what lists of events hold. */
// biome-ignore lint/suspicious/noExplicitAny: a list of definitions holds many payload types.
export type AnyEventDefinition = EventDefinition<any>;

export function defineEvent<S extends z.ZodObject, R>(definition: {
  name: string;
  version: number;
  entityType: string;
  description: string;
  /** A strict object: a field the schema does not name is refused, so no row leaks by accident. */
  payload: S;
  audience: "public" | { action: PolicyAction<R>; resource: (ctx: Context, payload: z.output<S>) => Promise<R | null> };
}): EventDefinition<z.output<S>> {
  if (!/^[a-z][A-Za-z]*(\.[a-z][A-Za-z]*){1,2}$/.test(definition.name)) throw new Error(`event ${definition.name} must read entity.pastTense or module.entity.pastTense`);
  return definition as unknown as EventDefinition<z.output<S>>;
}

/** The fields whose values differ between two versions of a row: an "updated" event's `changed`. */
export function changedFields<K extends string>(keys: readonly K[], before: Record<K, unknown>, after: Record<K, unknown>): K[] {
  return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** An event as the outbox keeps it and the relay delivers it. */
export interface DomainEvent<P = Record<string, unknown>> {
  position: number;
  name: string;
  version: number;
  entityType: string;
  entityId: string;
  payload: P;
  occurredAt: Date;
}

/** Whether the context's actor is in the event's audience. */
export async function mayReceive<P>(ctx: Context, definition: EventDefinition<P>, event: DomainEvent<P>): Promise<boolean> {
  const audience = definition.audience;
  if (audience === "public") return true;
  const resource = await audience.resource(ctx, event.payload);
  return resource !== null && can(ctx, audience.action, resource as never);
}

type Listener = (event: DomainEvent) => void;

/** The payload type of an event definition. */
export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;

/** This process's event bus, fed by the outbox relay. */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  private wakers = new Set<() => void>();

  publish(event: DomainEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Called after a commit that wrote events: wakes this process's relay at once instead of at its next poll. */
  committed(): void {
    for (const wake of this.wakers) wake();
  }

  onCommitted(wake: () => void): () => void {
    this.wakers.add(wake);
    return () => this.wakers.delete(wake);
  }

  /** An async iterator of the events of the given definitions, ended by `return()`. */
  subscribe<D extends AnyEventDefinition>(definitions: readonly D[], bufferLimit = 1000): AsyncIterableIterator<DomainEvent<PayloadOf<D>>> {
    type P = PayloadOf<D>;
    const names = new Set(definitions.map((d) => d.name));
    const queue: DomainEvent<P>[] = [];
    let waiting: ((r: IteratorResult<DomainEvent<P>>) => void) | null = null;
    let done = false;
    const listener: Listener = (raw) => {
      if (!names.has(raw.name)) return;
      const event = raw as DomainEvent<P>;
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ value: event, done: false });
      } else {
        // A consumer too slow to keep up loses the oldest events rather than the process's memory.
        if (queue.length >= bufferLimit) queue.shift();
        queue.push(event);
      }
    };
    this.listeners.add(listener);
    const finish = (): Promise<IteratorResult<DomainEvent<P>>> => {
      done = true;
      this.listeners.delete(listener);
      waiting?.({ value: undefined, done: true });
      waiting = null;
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: () => {
        if (done) return Promise.resolve({ value: undefined, done: true });
        const event = queue.shift();
        if (event) return Promise.resolve({ value: event, done: false });
        return new Promise((resolve) => (waiting = resolve));
      },
      return: finish,
      throw: (error?: unknown) => finish().then(() => Promise.reject(error)),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

/**
 * Maps a bus subscription, skipping events `map` turns into null. Unlike an async generator,
 * its `return()` reaches the bus at once, even while it waits for the next event, so a client
 * that unsubscribes never leaves a listener behind.
 */
export function mapEvents<E, T>(events: AsyncIterableIterator<E>, map: (event: E) => Promise<T | null>): AsyncIterableIterator<T> {
  const close = async (): Promise<IteratorResult<T>> => {
    await events.return?.();
    return { value: undefined, done: true };
  };
  return {
    async next() {
      for (;;) {
        const result = await events.next();
        if (result.done) return { value: undefined, done: true };
        const mapped = await map(result.value);
        if (mapped !== null) return { value: mapped, done: false };
      }
    },
    return: close,
    throw: async (error?: unknown) => {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

// Domain events. A change writes its event into the transactional outbox (domain_events) in
// the same transaction; once the transaction commits, the event is also published on this
// process's bus, which feeds GraphQL subscriptions. Delivery to other processes (webhooks,
// API Gateway WebSockets) reads the outbox, so no event is lost when a process dies.
export interface DomainEvent {
  type: string;
  entityType: string;
  entityId: string;
  payload: Record<string, unknown>;
}

type Listener = (event: DomainEvent) => void;

export class EventBus {
  private readonly listeners = new Set<Listener>();

  publish(event: DomainEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** An async iterator of the events of the given types, ended by `return()`. */
  subscribe(types: readonly string[], bufferLimit = 1000): AsyncIterableIterator<DomainEvent> {
    const queue: DomainEvent[] = [];
    let waiting: ((r: IteratorResult<DomainEvent>) => void) | null = null;
    let done = false;
    const listener: Listener = (event) => {
      if (!types.includes(event.type)) return;
      if (waiting) {
        const resolve = waiting;
        waiting = null;
        resolve({ value: event, done: false });
      } else if (queue.length < bufferLimit) {
        // A consumer too slow to keep up loses the oldest events rather than the process's memory.
        queue.push(event);
      } else {
        queue.shift();
        queue.push(event);
      }
    };
    this.listeners.add(listener);
    const finish = (): Promise<IteratorResult<DomainEvent>> => {
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
export function mapEvents<T>(events: AsyncIterableIterator<DomainEvent>, map: (event: DomainEvent) => Promise<T | null>): AsyncIterableIterator<T> {
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

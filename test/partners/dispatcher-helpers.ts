// What the dispatcher tests share: a real HTTP receiver on loopback that verifies every delivery
// with the Standard Webhooks reference library, webhook subscriptions inserted as rows (with a
// sealed secret), campaign results made with their events through `change`, and a dispatcher
// with a test clock and no jitter.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { campaignResults } from "../../db/schema/campaigns.js";
import { webhookSubscriptions } from "../../db/schema/partners.js";
import { resultIntermediate, resultPublished } from "../../schema/campaigns/campaigns.events.js";
import { type DispatcherOptions, WebhookDispatcher } from "../../schema/partners/dispatcher.js";
import { newSigningSecret, secretBoxFromEnv } from "../../schema/partners/secret-box.js";
import { change } from "../../schema/shared/changes.js";
import { createContext } from "../../schema/shared/context.js";
import type { TestApi } from "../helpers/api.js";

export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  path: string;
  verified: boolean;
  /** The n-th request with this webhook-id (1-based). */
  attempt: number;
  answered: number;
}

export type Behaviour = (request: { id: string; attempt: number; path: string }) => { status: number; delayMs?: number; headers?: Record<string, string> };

/** A receiver on 127.0.0.1 that records (webhook-id, attempt) and answers as `behaviour` says. */
export class Receiver {
  readonly received: Received[] = [];
  behaviour: Behaviour = () => ({ status: 200 });
  private server: http.Server | null = null;
  port = 0;
  private readonly secrets: string[] = [];
  private readonly sockets = new Set<import("node:net").Socket>();

  trust(secret: string): void {
    this.secrets.push(secret);
  }

  url(path = "/hook"): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  async start(port = this.port): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const id = String(req.headers["webhook-id"] ?? "");
        const headers = {
          "webhook-id": id,
          "webhook-timestamp": String(req.headers["webhook-timestamp"] ?? ""),
          "webhook-signature": String(req.headers["webhook-signature"] ?? ""),
        };
        // The reference library's own check (signature, and a timestamp within 5 minutes of now).
        const verified = this.secrets.some((secret) => {
          try {
            new Webhook(secret).verify(body, headers);
            return true;
          } catch {
            return false;
          }
        });
        const attempt = this.received.filter((r) => r.id === id).length + 1;
        const answer = this.behaviour({ id, attempt, path: req.url ?? "" });
        this.received.push({
          id,
          timestamp: headers["webhook-timestamp"],
          signature: headers["webhook-signature"],
          body,
          path: req.url ?? "",
          verified,
          attempt,
          answered: answer.status,
        });
        if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
        if (res.destroyed) return;
        res.writeHead(answer.status, answer.headers);
        res.end("ok");
      });
    });
    server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    server.listen(port, "127.0.0.1");
    await once(server, "listening");
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Goes down entirely: the port refuses connections until start() again. */
  async stop(): Promise<void> {
    if (!this.server) return;
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Successful requests per webhook-id. */
  successes(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.received) if (r.answered >= 200 && r.answered < 300) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
    return counts;
  }
}

/** A subscription row with a fresh secret (sealed as the service would); returns its id and secret. */
export async function subscribe(
  api: TestApi,
  organisationId: string,
  url: string,
  events: string[],
  extra: Partial<typeof webhookSubscriptions.$inferInsert> = {},
): Promise<{ id: string; secret: string }> {
  const secret = newSigningSecret();
  const [row] = await api.database.db
    .insert(webhookSubscriptions)
    .values({ organisationId, url, eventTypes: events, secretCiphertext: secretBoxFromEnv().seal(secret), ...extra })
    .returning();
  return { id: row!.id, secret };
}

const ADMIN_ACTOR = { role: "ADMIN" as const, subject: "dispatcher-test" };

export function adminContext(api: TestApi) {
  return createContext({ database: api.database, events: api.app.events, actor: ADMIN_ACTOR });
}

/** A result of the campaign in `status`, with the event of that status emitted in the same change. */
export async function makeResult(api: TestApi, campaignId: string, status: "INTERMEDIATE" | "PUBLISHED", title = "Toolkit welzijn"): Promise<string> {
  const ctx = adminContext(api);
  return change(ctx, async (tx, recorder) => {
    const now = new Date();
    const [row] = await tx
      .insert(campaignResults)
      .values({ campaignId, kind: "INSTRUMENT", title: { nl: title }, theme: "welzijn", status, intermediateAt: now, publishedAt: status === "PUBLISHED" ? now : null })
      .returning();
    const event = status === "PUBLISHED" ? resultPublished : resultIntermediate;
    await recorder.emit(event, row!.id, { resultId: row!.id, campaignId, boardId: null, kind: "INSTRUMENT", theme: "welzijn", status });
    return row!.id;
  });
}

/** Publishes an intermediate result, with its event. */
export async function publish(api: TestApi, resultId: string): Promise<void> {
  const ctx = adminContext(api);
  await change(ctx, async (tx, recorder) => {
    const [row] = await tx.update(campaignResults).set({ status: "PUBLISHED", publishedAt: new Date() }).where(eq(campaignResults.id, resultId)).returning();
    await recorder.emit(resultPublished, resultId, { resultId, campaignId: row!.campaignId, boardId: null, kind: "INSTRUMENT", theme: "welzijn", status: "PUBLISHED" });
  });
}

/** A test clock: starts now, moves only when told. */
export class Clock {
  constructor(public time = Date.now()) {}
  now = (): Date => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}

export function dispatcher(api: TestApi, options: Partial<DispatcherOptions> = {}): WebhookDispatcher {
  return new WebhookDispatcher({ database: api.database, schema: api.app.schema, random: () => 0, timeoutMs: 1000, production: false, ...options });
}

/** Runs the dispatcher round after round until nothing is left to do (or `rounds` ran). */
export async function drain(d: WebhookDispatcher, rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const { events, deliveries } = await d.runOnce();
    if (events === 0 && deliveries === 0) return;
  }
}

// Signing a webhook delivery per the Standard Webhooks specification, with its reference library:
// `v1,` + base64 HMAC-SHA256 of `id.timestamp.body` under the subscription's secret. During a
// secret rotation the previous secret signs too, and both signatures go in webhook-signature,
// space-separated, so a receiver holding either secret verifies the delivery.
import { Webhook } from "standardwebhooks";

export interface SignedHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

/** The three Standard Webhooks headers of one attempt; `secrets` are whsec_ secrets, the current one first. */
export function signDelivery(secrets: readonly string[], messageId: string, at: Date, body: string): SignedHeaders {
  if (secrets.length === 0) throw new Error("a delivery needs a secret to be signed with");
  const signatures = secrets.map((secret) => new Webhook(secret).sign(messageId, at, body));
  return {
    "webhook-id": messageId,
    // Seconds, as the specification (and the library's sign, which floors the same instant) has it.
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}

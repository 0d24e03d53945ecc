// The per-stage secrets. Each stage (dev, pr-N, production) sets its own values with
// `sst secret set NAME VALUE --stage STAGE`; a deploy fails while one is unset.

/** Connection string of the stage's own Neon branch, so stages never share data. */
export const databaseUrl = new sst.Secret("DatabaseUrl");

/** Where the API fetches the identity provider's signing keys to verify JWTs. */
export const authJwksUrl = new sst.Secret("AuthJwksUrl");

/** The `iss` a token must carry; tokens minted for another issuer are rejected. */
export const authIssuer = new sst.Secret("AuthIssuer");

/**
 * The key (32 bytes, base64) that encrypts webhook signing secrets at rest
 * (schema/partners/secret-box.ts); production refuses to start without one. Make one with
 * `openssl rand -base64 32`. The API (which stores secrets) and the dispatcher (which signs)
 * need the same key.
 */
export const webhookSecretKey = new sst.Secret("WebhookSecretKey");

/**
 * The key (at least 32 characters) that signs the links mailed to mentors to confirm their address
 * or withdraw (schema/mentoring/mentor-links.ts); production refuses to sign without one. Make one
 * with `openssl rand -base64 32`.
 */
export const mentorLinkSecret = new sst.Secret("MentorLinkSecret");

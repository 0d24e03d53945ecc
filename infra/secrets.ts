// The per-stage secrets. Each stage (dev, pr-N, production) sets its own values with
// `sst secret set NAME VALUE --stage STAGE`; a deploy fails while one is unset.

/** Connection string of the stage's own Neon branch, so stages never share data. */
export const databaseUrl = new sst.Secret("DatabaseUrl");

/** Where the API fetches the identity provider's signing keys to verify JWTs. */
export const authJwksUrl = new sst.Secret("AuthJwksUrl");

/** The `iss` a token must carry; tokens minted for another issuer are rejected. */
export const authIssuer = new sst.Secret("AuthIssuer");

// Webhook signing secrets at rest. Signing needs the secret itself, so it cannot be hashed like
// an API key; it is encrypted with AES-256-GCM under the stage's key (WEBHOOK_SECRET_KEY, 32
// bytes in base64, a secret of the stage in infra/secrets.ts). Production refuses to start
// without one; elsewhere a development key, public like the development JWT secret, is used.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** Public on purpose: it only ever protects development data. */
const DEV_KEY = Buffer.from("dGFsZW50LWFwaS1kZXYtd2ViaG9vay1rZXktMzJieXQ=", "base64");

export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function secretBoxFromEnv(env: NodeJS.ProcessEnv = process.env): SecretBox {
  const configured = env.WEBHOOK_SECRET_KEY;
  if (!configured) {
    if (env.STAGE === "production") throw new Error("refusing to start: production needs WEBHOOK_SECRET_KEY (32 bytes, base64) to keep webhook secrets");
    return secretBox(DEV_KEY);
  }
  const key = Buffer.from(configured, "base64");
  if (key.length !== 32) throw new Error("WEBHOOK_SECRET_KEY must be 32 bytes in base64");
  return secretBox(key);
}

/** Sealed as v1.<iv>.<tag>.<ciphertext>, each base64url; the version leaves room for a new key. */
export function secretBox(key: Buffer): SecretBox {
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return ["v1", iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
    },
    open(sealed) {
      const [version, iv, tag, ciphertext] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || ciphertext === undefined) throw new Error("not a sealed secret");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

/** A new signing secret in the Standard Webhooks form: whsec_ and 32 random bytes in base64. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

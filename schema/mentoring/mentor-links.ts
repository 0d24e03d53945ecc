// The signed links in a mentor's e-mail, and the pages they open. A link carries a token: the
// registration id, what the link is for ("confirm" the address or "withdraw" the registration)
// and its expiry, signed with HMAC-SHA256 under the stage's MENTOR_LINK_SECRET. A mentor has no
// account: holding the token is the proof that they read the mail.
//
// The GET routes answer a small page (Dutch, French or English after Accept-Language) and call the
// same service functions as the mutations confirmMentorEmail and withdrawMentorRegistration.
// Withdrawing forgets the mentor, so its link first shows a page with a button (a second GET):
// mail scanners that open every link once must not erase a registration.
import { createHmac, timingSafeEqual } from "node:crypto";
import { GraphQLError } from "graphql";
import type { Context } from "../shared/context.js";
import { badInput } from "../shared/errors.js";
import type { Locale } from "../shared/i18n.js";
import type { DownloadFile, DownloadRoute } from "../shared/module.js";
import { confirmMentorEmail, withdrawMentorRegistration } from "./registrations.service.js";

export type LinkPurpose = "confirm" | "withdraw";

/** Public on purpose, like the development JWT secret: it only ever signs development links. */
export const DEV_LINK_SECRET = "talent-api-development-mentor-link-secret";

/** The stage's signing secret; production refuses to run without its own. */
export function linkSecret(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.MENTOR_LINK_SECRET;
  if (configured) {
    if (configured.length < 32) throw new Error("MENTOR_LINK_SECRET must be at least 32 characters");
    return configured;
  }
  if (env.STAGE === "production") throw new Error("refusing to sign mentor links: production needs MENTOR_LINK_SECRET");
  return DEV_LINK_SECRET;
}

/** Where the API is reached from a browser: PUBLIC_URL, or the local server. */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.PUBLIC_URL?.trim() || "http://localhost:4000").replace(/\/+$/, "");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(secret: string, purpose: LinkPurpose, id: string, expires: number): Buffer {
  return createHmac("sha256", secret).update(`mentor-link.v1\n${purpose}\n${id}\n${expires}`).digest();
}

/** A token `<purpose>.<registration id>.<expiry in epoch seconds>.<signature>`: URL-safe as it is. */
export function signLinkToken(purpose: LinkPurpose, registrationId: string, expiresAt: Date, secret = linkSecret()): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  return `${purpose}.${registrationId}.${expires}.${signature(secret, purpose, registrationId, expires).toString("base64url")}`;
}

/** The registration id a token is for; BAD_USER_INPUT field token when tampered, expired or for another purpose. */
export function verifyLinkToken(token: string, purpose: LinkPurpose, now = new Date(), secret = linkSecret()): string {
  const parts = token.split(".");
  const [tokenPurpose, id, expiresText, sig] = parts;
  if (parts.length !== 4 || !tokenPurpose || !id || !expiresText || !sig || !UUID.test(id) || !/^\d{1,12}$/.test(expiresText)) {
    throw badInput("token", "is not a valid link");
  }
  const expires = Number(expiresText);
  const given = Buffer.from(sig, "base64url");
  // Checked for the purpose the token names, so a withdraw token is told apart from a forged one.
  const expected = tokenPurpose === "confirm" || tokenPurpose === "withdraw" ? signature(secret, tokenPurpose, id, expires) : null;
  if (!expected || given.length !== expected.length || !timingSafeEqual(given, expected)) throw badInput("token", "is not a valid link");
  if (tokenPurpose !== purpose) throw badInput("token", `is not a link to ${purpose}`);
  if (expires * 1000 <= now.getTime()) throw badInput("token", "has expired");
  return id;
}

/** The link a mentor opens. */
export function linkUrl(purpose: LinkPurpose, token: string): string {
  return `${publicUrl()}/mentoring/${purpose}/${token}`;
}

const PAGES = {
  nl: {
    lang: "nl",
    confirmed: ["E-mailadres bevestigd", "Bedankt! Je e-mailadres is bevestigd. Het project beslist nu over je aanmelding."],
    askWithdraw: ["Aanmelding intrekken?", "Als je je aanmelding intrekt, wissen we je naam, e-mailadres, telefoon en motivatie.", "Ja, trek mijn aanmelding in"],
    withdrawn: ["Aanmelding ingetrokken", "Je aanmelding is ingetrokken en je gegevens zijn gewist."],
    failed: ["Deze link werkt niet", "De link is ongeldig, verlopen of al gebruikt voor een aanmelding die niet meer bestaat."],
  },
  fr: {
    lang: "fr",
    confirmed: ["Adresse e-mail confirmée", "Merci ! Votre adresse e-mail est confirmée. Le projet décide maintenant de votre inscription."],
    askWithdraw: [
      "Retirer votre inscription ?",
      "Si vous retirez votre inscription, nous effaçons votre nom, adresse e-mail, téléphone et motivation.",
      "Oui, retirer mon inscription",
    ],
    withdrawn: ["Inscription retirée", "Votre inscription est retirée et vos données sont effacées."],
    failed: ["Ce lien ne fonctionne pas", "Le lien est invalide, expiré ou concerne une inscription qui n'existe plus."],
  },
  en: {
    lang: "en",
    confirmed: ["E-mail address confirmed", "Thank you! Your e-mail address is confirmed. The project now decides on your registration."],
    askWithdraw: ["Withdraw your registration?", "If you withdraw, we erase your name, e-mail address, phone and motivation.", "Yes, withdraw my registration"],
    withdrawn: ["Registration withdrawn", "Your registration is withdrawn and your details are erased."],
    failed: ["This link does not work", "The link is invalid, has expired, or is for a registration that no longer exists."],
  },
} as const;

function texts(locale: Locale) {
  return PAGES[(locale in PAGES ? locale : "nl") as keyof typeof PAGES];
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(locale: Locale, title: string, body: string, action?: { href: string; label: string }): DownloadFile {
  const t = texts(locale);
  const button = action ? `<p><a class="button" href="${escapeHtml(action.href)}">${escapeHtml(action.label)}</a></p>` : "";
  const content = `<!doctype html>
<html lang="${t.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}.button{display:inline-block;padding:.5rem 1rem;background:#b00020;color:#fff;border-radius:.25rem;text-decoration:none}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>${button}</body></html>
`;
  return { filename: "mentor.html", contentType: "text/html; charset=utf-8", content, inline: true };
}

/** A link that no longer works answers a page saying so; anything unexpected goes to serveDownload's handling. */
async function orFailurePage(ctx: Context, work: () => Promise<DownloadFile>): Promise<DownloadFile> {
  try {
    return await work();
  } catch (error) {
    const code = error instanceof GraphQLError ? error.extensions.code : undefined;
    if (code === "BAD_USER_INPUT" || code === "CONFLICT" || code === "NOT_FOUND") {
      const t = texts(ctx.locale);
      return page(ctx.locale, t.failed[0], t.failed[1]);
    }
    throw error;
  }
}

const TOKEN = "([A-Za-z0-9_-]+\\.[0-9a-f-]{36}\\.[0-9]{1,12}\\.[A-Za-z0-9_-]+)";

export const mentorConfirmationRoutes: DownloadRoute[] = [
  {
    path: new RegExp(`^/mentoring/confirm/${TOKEN}$`),
    serve: (ctx, match) =>
      orFailurePage(ctx, async () => {
        await confirmMentorEmail(ctx, { token: match[1] ?? "" });
        const t = texts(ctx.locale);
        return page(ctx.locale, t.confirmed[0], t.confirmed[1]);
      }),
  },
  {
    path: new RegExp(`^/mentoring/withdraw/${TOKEN}$`),
    serve: (ctx, match) =>
      orFailurePage(ctx, async () => {
        const token = match[1] ?? "";
        // Checked now, so a bad link says so before the mentor presses the button.
        verifyLinkToken(token, "withdraw");
        const t = texts(ctx.locale);
        return page(ctx.locale, t.askWithdraw[0], t.askWithdraw[1], { href: `${linkUrl("withdraw", token)}/yes`, label: t.askWithdraw[2] });
      }),
  },
  {
    path: new RegExp(`^/mentoring/withdraw/${TOKEN}/yes$`),
    serve: (ctx, match) =>
      orFailurePage(ctx, async () => {
        await withdrawMentorRegistration(ctx, { token: match[1] ?? "" });
        const t = texts(ctx.locale);
        return page(ctx.locale, t.withdrawn[0], t.withdrawn[1]);
      }),
  },
];

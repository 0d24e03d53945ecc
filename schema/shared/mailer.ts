// The one way the API sends e-mail. On AWS through Amazon SES; locally (and in tests) each message
// is written as an .eml file into a folder under the data directory, so a newcomer can open it in
// any mail program. Which one runs is configuration (mailerFromEnv); services only see the Mailer
// interface.
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
// Types only: the SES client is loaded on the first message (SesMailer.send), so that a Lambda
// cold start does not parse and evaluate the AWS SDK for requests that send no mail.
import type { SendEmailCommand } from "@aws-sdk/client-sesv2";

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text body. */
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** The sender of local mail when MAIL_FROM is unset. */
export const DEFAULT_LOCAL_FROM = "Talent API <no-reply@talent-api.localhost>";

/** A header value with a line break would start a header of its own (header injection). */
function assertHeaderValue(name: string, value: string): void {
  if (/[\r\n]/.test(value)) throw new Error(`mail ${name} must be one line`);
}

/** RFC 2047: an encoded-word per chunk of whole characters when the text is not plain ASCII. */
export function encodeHeaderWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let chunk = "";
  // Each encoded-word (base64 of at most 36 bytes, 60 characters) fits a 78-character line even
  // after "Subject: ".
  for (const char of text) {
    if (Buffer.byteLength(chunk + char, "utf8") > 36) {
      words.push(chunk);
      chunk = "";
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, "utf8").toString("base64")}?=`).join("\r\n ");
}

/** Quoted-printable (RFC 2045 6.7) of UTF-8 text, lines at most 76 characters, CRLF line ends. */
export function quotedPrintable(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      const bytes = Buffer.from(line, "utf8");
      let encoded = "";
      bytes.forEach((byte, i) => {
        const last = i === bytes.length - 1;
        const plain = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
        encoded += plain ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, "0")}`;
      });
      // Soft line breaks ("=" at the end) keep each line within 76, never splitting an =XX.
      const lines: string[] = [];
      while (encoded.length > 76) {
        let cut = 75;
        const lastEscape = encoded.lastIndexOf("=", cut - 1);
        if (lastEscape > cut - 3) cut = lastEscape;
        lines.push(`${encoded.slice(0, cut)}=`);
        encoded = encoded.slice(cut);
      }
      lines.push(encoded);
      return lines.join("\r\n");
    })
    .join("\r\n");
}

/** The domain of an address ("Name <a@b.be>" or "a@b.be"), for Message-IDs. */
function domainOf(address: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(address);
  return match?.[1] ?? "localhost";
}

/** A message as RFC 5322 text (CRLF line ends). */
export function formatMessage(message: MailMessage, { from, date = new Date(), id = randomUUID() }: { from: string; date?: Date; id?: string }): string {
  assertHeaderValue("to", message.to);
  assertHeaderValue("subject", message.subject);
  assertHeaderValue("from", from);
  const headers = [
    `Date: ${date.toUTCString().replace("GMT", "+0000")}`,
    `From: ${from}`,
    `To: ${message.to}`,
    `Subject: ${encodeHeaderWord(message.subject)}`,
    `Message-ID: <${id}@${domainOf(from)}>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
  ];
  const body = quotedPrintable(message.text);
  // The body's last line ends in CRLF like every other; a text that ends its last line already keeps it.
  return `${headers.join("\r\n")}\r\n\r\n${body}${body.endsWith("\r\n") ? "" : "\r\n"}`;
}

/** Writes each message as `<time>-<id>.eml` into a folder, for development and tests. */
export class FolderMailer implements Mailer {
  constructor(
    readonly dir: string,
    readonly from: string = DEFAULT_LOCAL_FROM,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const date = new Date();
    const id = randomUUID();
    await mkdir(this.dir, { recursive: true });
    // The time first, so a folder listing is in the order the mail was sent.
    const name = `${date.toISOString().replace(/[:.]/g, "-")}-${id}.eml`;
    await writeFile(join(this.dir, name), formatMessage(message, { from: this.from, date, id }), { flag: "wx" });
  }
}

/** The part of SESv2Client the mailer uses, so a test can stand in for it. */
export interface SesClientLike {
  send(command: SendEmailCommand): Promise<unknown>;
}

/** Sends through Amazon SES (v2 API), from the stage's verified identity. */
export class SesMailer implements Mailer {
  /** Given (tests), or made on the first message. */
  private client: SesClientLike | undefined;
  constructor(
    readonly from: string,
    client?: SesClientLike,
  ) {
    this.client = client;
  }

  async send(message: MailMessage): Promise<void> {
    assertHeaderValue("to", message.to);
    assertHeaderValue("subject", message.subject);
    const ses = await import("@aws-sdk/client-sesv2");
    this.client ??= new ses.SESv2Client({});
    await this.client.send(
      new ses.SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: "UTF-8" },
            Body: { Text: { Data: message.text, Charset: "UTF-8" } },
          },
        },
      }),
    );
  }
}

/** The stage's mailer: SES when MAIL_DRIVER=ses (with MAIL_FROM), else .eml files under MAIL_DIR (default .data/mail). */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer {
  if (env.MAIL_DRIVER === "ses") {
    // Fail at start, not at the first registration: SES refuses mail from an unverified sender.
    if (!env.MAIL_FROM?.trim()) throw new Error("refusing to start: MAIL_DRIVER=ses needs MAIL_FROM, the verified sender address");
    return new SesMailer(env.MAIL_FROM.trim());
  }
  if (env.MAIL_DRIVER && env.MAIL_DRIVER !== "folder") throw new Error(`unknown MAIL_DRIVER ${env.MAIL_DRIVER}: use ses or folder`);
  return new FolderMailer(env.MAIL_DIR ?? join(".data", "mail"), env.MAIL_FROM?.trim() || DEFAULT_LOCAL_FROM);
}

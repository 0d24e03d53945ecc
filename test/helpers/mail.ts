// Reads what the local mailer (schema/shared/mailer.ts, FolderMailer) wrote: one .eml file per
// message in a folder, with a quoted-printable UTF-8 body and an RFC 2047 subject. For tests that
// follow a mail's links as its reader would.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** The tokens of the mentor's confirmation and withdrawal links, if the mail has them. */
  confirm: string;
  withdraw: string;
}

/** The text of a quoted-printable body, soft line breaks joined. */
export function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === "=") {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(joined.charCodeAt(i));
  }
  return Buffer.from(bytes).toString("utf8");
}

/** The .eml files in the folder, oldest first (their names start with the time they were written). */
export function mailFiles(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** The mails in the folder after the first `skip`, oldest first, with their links' tokens. */
export function readMails(dir: string, skip = 0): Mail[] {
  return mailFiles(dir)
    .slice(skip)
    .map((file) => {
      const raw = readFileSync(join(dir, file), "utf8");
      const split = raw.indexOf("\r\n\r\n");
      const head = raw.slice(0, split).replace(/\r\n[ \t]/g, " ");
      const header = (name: string) => new RegExp(`^${name}: (.*)$`, "mi").exec(head)?.[1] ?? "";
      const subject = header("Subject").replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_m, b64: string) => Buffer.from(b64, "base64").toString("utf8"));
      const text = decodeQuotedPrintable(raw.slice(split + 4));
      const confirm = /http:\/\/localhost:4000\/mentoring\/confirm\/(\S+)/.exec(text)?.[1] ?? "";
      const withdraw = /http:\/\/localhost:4000\/mentoring\/withdraw\/(\S+)/.exec(text)?.[1] ?? "";
      return { to: header("To"), subject: subject.trim(), text, confirm, withdraw };
    });
}

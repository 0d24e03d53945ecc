// The one mailer: locally each message is an RFC 5322 .eml file a mail program opens (headers,
// an RFC 2047 subject when it is not ASCII, a quoted-printable UTF-8 body); on AWS it is an SES v2
// SendEmail from the stage's sender; the environment chooses, and SES without a sender refuses to start.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SendEmailCommand } from "@aws-sdk/client-sesv2";
import { afterAll, describe, expect, it } from "vitest";
import { FolderMailer, formatMessage, mailerFromEnv, quotedPrintable, SesMailer } from "../../schema/shared/mailer.js";

/** A minimal reader of what FolderMailer writes: unfolded headers, decoded subject and body. */
function parseEml(raw: string): { headers: Record<string, string>; subject: string; text: string } {
  const split = raw.indexOf("\r\n\r\n");
  expect(split).toBeGreaterThan(0);
  const head = raw.slice(0, split).replace(/\r\n[ \t]/g, " ");
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const subject = (headers.subject ?? "").replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_m, b64: string) => Buffer.from(b64, "base64").toString("utf8"));
  const body = raw.slice(split + 4);
  const bytes: number[] = [];
  const softBroken = body.replace(/=\r\n/g, "");
  for (let i = 0; i < softBroken.length; i++) {
    if (softBroken[i] === "=") {
      bytes.push(Number.parseInt(softBroken.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(softBroken.charCodeAt(i));
  }
  return { headers, subject: subject.trim(), text: Buffer.from(bytes).toString("utf8").replace(/\r\n/g, "\n") };
}

const dir = mkdtempSync(join(tmpdir(), "talent-mail-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("FolderMailer", () => {
  it("writes one .eml file per message, named by time and id, that parses as an e-mail with every header", async () => {
    const mailDir = join(dir, "one");
    const mailer = new FolderMailer(mailDir, "Talent API <no-reply@talent.example.be>");
    const text = `Hallo Zoë,\n\nBevestig: https://api.example/mentoring/confirm/abc=def\nEen lange regel ${"é".repeat(60)} met accenten en = tekens.\nSpatie op het einde \n`;
    await mailer.send({ to: "zoe@example.be", subject: "Bevestig je aanmelding als mentor – Rising You(th)", text });
    await mailer.send({ to: "second@example.be", subject: "Plain ASCII", text: "Hi" });
    const files = readdirSync(mailDir).sort();
    expect(files).toHaveLength(2);
    for (const file of files) expect(file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f-]{36}\.eml$/);
    const raw = readFileSync(join(mailDir, files[0]!), "utf8");
    // Every line ends in CRLF and none is longer than 998 octets (RFC 5322), the body's within 78.
    expect(raw.split("\r\n").filter((line) => line.includes("\n") || Buffer.byteLength(line) > 78)).toEqual([]);
    const mail = parseEml(raw);
    expect(mail.headers.from).toBe("Talent API <no-reply@talent.example.be>");
    expect(mail.headers.to).toBe("zoe@example.be");
    expect(mail.headers["mime-version"]).toBe("1.0");
    expect(mail.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(mail.headers["content-transfer-encoding"]).toBe("quoted-printable");
    expect(mail.headers["message-id"]).toMatch(/^<[0-9a-f-]{36}@talent\.example\.be>$/);
    expect(new Date(mail.headers.date!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // The subject is encoded (it has an en dash), and decodes back.
    expect(mail.headers.subject).toMatch(/^=\?UTF-8\?B\?/);
    expect(mail.subject).toBe("Bevestig je aanmelding als mentor – Rising You(th)");
    expect(mail.text).toBe(text);
    const plain = parseEml(readFileSync(join(mailDir, files[1]!), "utf8"));
    expect(plain.headers.subject).toBe("Plain ASCII");
  });

  it("refuses a header with a line break (no header injection)", async () => {
    const mailer = new FolderMailer(join(dir, "two"));
    await expect(mailer.send({ to: "a@example.be\r\nBcc: b@example.be", subject: "x", text: "x" })).rejects.toThrow(/one line/);
    await expect(mailer.send({ to: "a@example.be", subject: "x\nBcc: b@example.be", text: "x" })).rejects.toThrow(/one line/);
  });

  it("encodes quoted-printable within 76 characters a line, escaping = and trailing spaces", () => {
    const encoded = quotedPrintable(`a=b ${"ü".repeat(40)} \nx`);
    for (const line of encoded.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
    expect(encoded).toContain("a=3Db");
    expect(encoded).toMatch(/=20\r\nx$/);
    expect(formatMessage({ to: "a@b.be", subject: "s", text: "t" }, { from: "a@b.be", id: "x" })).toContain("Message-ID: <x@b.be>");
  });
});

describe("SesMailer", () => {
  it("sends one SendEmail with the stage's sender, the address, and the subject and body in UTF-8", async () => {
    const sent: SendEmailCommand[] = [];
    const mailer = new SesMailer("Talent API <no-reply@talent.example.be>", { send: async (command) => void sent.push(command) });
    await mailer.send({ to: "zoe@example.be", subject: "Bevestig – project", text: "Hallo Zoë" });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.input).toEqual({
      FromEmailAddress: "Talent API <no-reply@talent.example.be>",
      Destination: { ToAddresses: ["zoe@example.be"] },
      Content: { Simple: { Subject: { Data: "Bevestig – project", Charset: "UTF-8" }, Body: { Text: { Data: "Hallo Zoë", Charset: "UTF-8" } } } },
    });
  });

  it("passes a failure of SES on to the caller", async () => {
    const mailer = new SesMailer("no-reply@talent.example.be", {
      send: async () => {
        throw new Error("MessageRejected");
      },
    });
    await expect(mailer.send({ to: "a@example.be", subject: "s", text: "t" })).rejects.toThrow("MessageRejected");
  });
});

describe("mailerFromEnv", () => {
  it("is SES with MAIL_DRIVER=ses and MAIL_FROM, and refuses to start without MAIL_FROM", () => {
    const ses = mailerFromEnv({ MAIL_DRIVER: "ses", MAIL_FROM: "no-reply@talent.example.be" });
    expect(ses).toBeInstanceOf(SesMailer);
    expect((ses as SesMailer).from).toBe("no-reply@talent.example.be");
    expect(() => mailerFromEnv({ MAIL_DRIVER: "ses" })).toThrow(/MAIL_FROM/);
    expect(() => mailerFromEnv({ MAIL_DRIVER: "smtp" })).toThrow(/MAIL_DRIVER/);
  });

  it("is a folder otherwise: MAIL_DIR, by default .data/mail", () => {
    const folder = mailerFromEnv({ MAIL_DIR: join(dir, "three") });
    expect(folder).toBeInstanceOf(FolderMailer);
    expect((folder as FolderMailer).dir).toBe(join(dir, "three"));
    expect((mailerFromEnv({}) as FolderMailer).dir).toBe(join(".data", "mail"));
  });
});

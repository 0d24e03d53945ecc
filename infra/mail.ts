// The stage's outgoing e-mail (mentors' confirmation links): an Amazon SES identity for the
// sender, made with SST's Email component, and what the API function needs to send through it.
//
// The sender comes from the deploy's environment (a CI variable or `.env.<stage>`), like
// CORS_ORIGINS in infra/api.ts:
// - MAIL_FROM: the From of every message, "Talent API <no-reply@talent.example.be>" or a bare address;
// - MAIL_SENDER (optional): the SES identity to verify, a domain ("talent.example.be", verified by
//   the DKIM records SES asks for) or an address; by default MAIL_FROM's address.
// Production refuses to deploy without MAIL_FROM: its mentors must get their links. A stage
// without it (a pull request's) has no identity and its mail goes to the function's /tmp, lost
// with the instance: nobody outside receives a preview stage's mail.

const mailFrom = process.env.MAIL_FROM?.trim() ?? "";
if ($app.stage === "production" && !mailFrom) throw new Error("MAIL_FROM must name the sender of mentors' e-mail in production");

/** The address in "Name <address>" or a bare address. */
function addressOf(from: string): string {
  const match = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from);
  const address = match?.[1] ?? from;
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(address)) throw new Error(`MAIL_FROM is not an e-mail address: ${from}`);
  return address;
}

const sender = mailFrom ? process.env.MAIL_SENDER?.trim() || addressOf(mailFrom) : "";

/** The SES identity, on stages that send mail. */
export const email: sst.aws.Email | undefined = mailFrom ? new sst.aws.Email("Email", { sender }) : undefined;

/** What the API function links to send: the identity (SST grants ses:SendEmail on it). */
export const mailLink: sst.aws.Email[] = email ? [email] : [];

/** The API function's mail settings (schema/shared/mailer.ts reads them). */
export const mailEnvironment: Record<string, string> = mailFrom ? { MAIL_DRIVER: "ses", MAIL_FROM: mailFrom } : { MAIL_DRIVER: "folder", MAIL_DIR: "/tmp/mail" };

// The one way the API sends e-mail. On AWS through Amazon SES; locally (and in tests) each message
// is written as an .eml file into a folder under the data directory, so a newcomer can open it.
// Which one runs is configuration (mailerFromEnv); services only see the Mailer interface.
//
// Placeholder: the mentor registration helper implements FolderMailer and SesMailer here.

export interface MailMessage {
  to: string;
  subject: string;
  /** Plain text body. */
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** The stage's mailer: SES when MAIL_DRIVER=ses (with MAIL_FROM), else .eml files under MAIL_DIR (default .data/mail). */
export function mailerFromEnv(_env: NodeJS.ProcessEnv = process.env): Mailer {
  return {
    async send() {
      throw new Error("mailer not implemented");
    },
  };
}

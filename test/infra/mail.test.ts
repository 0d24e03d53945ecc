// infra/mail.ts evaluated with SST's globals replaced by recording fakes (as infra.test.ts does):
// with MAIL_FROM, an SES identity for its address (or MAIL_SENDER's domain) that the API links,
// and the function's MAIL_DRIVER=ses; without it, no identity outside production and a refused
// production deploy.
import { afterEach, describe, expect, it, vi } from "vitest";

interface Made {
  type: string;
  name: string;
  args: unknown;
}
let made: Made[] = [];

class FakeEmail {
  readonly urn: string;
  readonly sender: string;
  constructor(
    readonly name: string,
    readonly args: { sender: string },
  ) {
    this.urn = `urn:sst.aws.Email:${name}`;
    this.sender = args.sender;
    made.push({ type: "sst.aws.Email", name, args });
  }
}

async function deploy(stage: string, env: Record<string, string | undefined>) {
  made = [];
  vi.resetModules();
  vi.stubGlobal("sst", { aws: { Email: FakeEmail } });
  vi.stubGlobal("$app", { name: "talent-api", stage, removal: "remove", protect: false });
  for (const name of ["MAIL_FROM", "MAIL_SENDER"]) vi.stubEnv(name, env[name]);
  return import("../../infra/mail.js");
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe("infra/mail.ts", () => {
  it.each(["dev", "pr-42", "production"])("stage %s with MAIL_FROM: one SES identity for its address, linked, and MAIL_DRIVER=ses", async (stage) => {
    const mail = await deploy(stage, { MAIL_FROM: "Talent API <no-reply@talent.example.be>" });
    expect(made).toEqual([{ type: "sst.aws.Email", name: "Email", args: { sender: "no-reply@talent.example.be" } }]);
    expect(mail.mailLink.map((l) => l.urn)).toEqual(["urn:sst.aws.Email:Email"]);
    expect(mail.mailEnvironment).toEqual({ MAIL_DRIVER: "ses", MAIL_FROM: "Talent API <no-reply@talent.example.be>" });
  });

  it("verifies MAIL_SENDER (a domain) instead of the address when given", async () => {
    await deploy("production", { MAIL_FROM: "no-reply@talent.example.be", MAIL_SENDER: "talent.example.be" });
    expect(made.map((m) => m.args)).toEqual([{ sender: "talent.example.be" }]);
  });

  it("refuses a MAIL_FROM that holds no address", async () => {
    await expect(deploy("dev", { MAIL_FROM: "Talent API" })).rejects.toThrow(/MAIL_FROM/);
  });

  it("refuses to deploy production without MAIL_FROM", async () => {
    await expect(deploy("production", {})).rejects.toThrow(/MAIL_FROM/);
  });

  it("makes no identity on a stage without MAIL_FROM: its mail stays in the function's /tmp", async () => {
    const mail = await deploy("pr-42", {});
    expect(made).toEqual([]);
    expect(mail.mailLink).toEqual([]);
    expect(mail.mailEnvironment).toEqual({ MAIL_DRIVER: "folder", MAIL_DIR: "/tmp/mail" });
  });
});

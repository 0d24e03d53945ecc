// Who did what is for those who may see it (issues 7 and 8): a field that carries a person's
// identifier (the subject of who judged a commitment, who moved an invoice, who made an audited
// change) answers null to everyone but consultants and admins (`audit.readActors`) and those who
// read the agreement's financials (the partners of its funder, beneficiary and steering group:
// the auditor's report names the people, so the API shows them to the same readers). The public
// still sees that a commitment was judged, how and when; another partner still sees an invoice's
// history with the roles. A viewer always sees their own subject. Operations go over HTTP as a
// client sends them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../db/seed/index.js";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { type Actor, createTestApi, type TestApi, token } from "../helpers/api.js";
import { type FundingFixture, loadFundingFixture, rowId } from "../helpers/funding.js";

let api: TestApi;
let server: LocalServer;
let fx: FundingFixture;
beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  // Before any operation: the first one would start Apollo, which the local server starts.
  server = await startLocalServer(api.app, { port: 0, ping: async () => {} });
  fx = await loadFundingFixture(api, { orgs: ["Workitects", "Vlaamse Regering", "Randstad", "ACV"], boards: ["Gent", "Brugge"] });
});
afterAll(async () => {
  await server?.close();
  await api?.close();
});

type Data = Record<string, any>;

async function send(query: string, variables: Record<string, unknown> = {}, as?: Actor | Actor["role"]): Promise<Data> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (as) headers.authorization = `Bearer ${await token(as)}`;
  const response = await fetch(server.url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: Data; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(body.errors)}`);
  return body.data!;
}

const funder = () => ({ role: "PARTNER" as const, org: rowId(fx.orgs["Vlaamse Regering"]!), sub: "partner-funder" });
const outsider = () => ({ role: "PARTNER" as const, org: rowId(fx.orgs.Randstad!), sub: "partner-randstad" });
/** Readers who may not see who did what: they are not editors and do not read this agreement's financials. */
const readers: [string, () => Actor | Actor["role"] | undefined][] = [
  ["anonymous", () => undefined],
  ["a board member", () => ({ role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!), sub: "member-gent" })],
  ["an expert", () => ({ role: "EXPERT", org: rowId(fx.orgs.Randstad!), sub: "expert-1" })],
  ["a partner of an organisation that is no party to the agreement", outsider],
];

describe("who judged a commitment", () => {
  const TARGETS = `query PeopleTargets($id: ID!) { fundingAgreement(id: $id) { commitments(kind: EFFORT) { id number target { ... on QualitativeTarget { status evidence judgedBy judgedAt } } } } }`;
  let judgedAt: string;

  beforeAll(async () => {
    const { fundingAgreement } = await send(TARGETS, { id: fx.agreementId });
    const commitmentId = fundingAgreement.commitments.find((c: Data) => c.number === 4).id;
    // The sector proposes, the funder's side accepts: the funder's partner is who judged.
    await send(
      `mutation PeoplePropose($input: ProposeJudgementInput!) { proposeJudgement(input: $input) { commitment { id } } }`,
      { input: { commitmentId, status: "JUSTIFIED", evidence: "Platform live since 2024-02" } },
      { role: "CONSULTANT", sub: "consultant-an" },
    );
    const judged = await send(
      `mutation PeopleAccept($input: AcceptJudgementInput!) { acceptJudgement(input: $input) { commitment { target { ... on QualitativeTarget { judgedBy judgedAt } } } } }`,
      { input: { commitmentId } },
      funder(),
    );
    // The judge sees their own name on what they just did.
    expect(judged.acceptJudgement.commitment.target.judgedBy).toBe("partner-funder");
    judgedAt = judged.acceptJudgement.commitment.target.judgedAt;
  });

  const fourth = async (as?: Actor | Actor["role"]) => (await send(TARGETS, { id: fx.agreementId }, as)).fundingAgreement.commitments.find((c: Data) => c.number === 4).target;

  it.each(readers)("is hidden from %s, who still sees that, how and when it was judged", async (_label, as) => {
    expect(await fourth(as())).toEqual({ status: "JUSTIFIED", evidence: "Platform live since 2024-02", judgedBy: null, judgedAt });
  });

  it.each([
    ["a consultant", () => "CONSULTANT" as const],
    ["an admin", () => "ADMIN" as const],
    ["the funder's partner", funder],
    ["a steering-group partner", () => ({ role: "PARTNER" as const, org: rowId(fx.orgs.ACV!), sub: "partner-acv" })],
  ])("is shown to %s", async (_label, as) => {
    expect(await fourth(as())).toMatchObject({ status: "JUSTIFIED", judgedBy: "partner-funder", judgedAt });
  });

  it("is named in the justification report, which only those who may see it read", async () => {
    const report = async (as: Actor | Actor["role"]) =>
      fetch(server.url.replace(/\/graphql$/, `/reports/funding-agreements/${fx.agreementId}/justification.csv`), {
        headers: { authorization: `Bearer ${await token(as)}` },
      });
    for (const as of [funder(), "CONSULTANT" as const]) {
      const response = await report(as);
      expect(response.status).toBe(200);
      const line = (await response.text()).split("\r\n").find((l) => l.startsWith('"verbintenis","inspanningsverbintenis 4",'));
      expect(line).toContain(`"${new Date(judgedAt).toISOString()}"`);
      expect(line).toContain('"partner-funder (PARTNER)"');
    }
    for (const [, as] of readers.slice(1)) expect((await report(as() as Actor)).status).toBe(403);
  });
});

describe("who moved an invoice", () => {
  const HISTORY = `query PeopleHistory($id: ID!) { node(id: $id) { ... on Invoice { history { from to actorRole actorSubject at } } } }`;
  let invoiceId: string;

  beforeAll(async () => {
    const submitted = await send(
      `mutation PeopleSubmit($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { id } } }`,
      {
        input: {
          agreementId: fx.agreementId,
          actionId: fx.actions[1],
          payeeId: fx.orgs.Workitects,
          reference: "PEOPLE-1",
          amount: { cents: 100_000, currency: "EUR" },
          invoiceDate: "2024-03-20",
          serviceDate: "2024-03-15",
          boardsServedIds: [fx.boards.Gent],
        },
      },
      { role: "CONSULTANT", sub: "consultant-els" },
    );
    invoiceId = submitted.submitInvoice.invoice.id;
    await send(`mutation PeopleApprove($id: ID!) { approveInvoice(id: $id) { invoice { id } } }`, { id: invoiceId }, { role: "ADMIN", sub: "admin-jan" });
  });

  it("is hidden from those who do not read the agreement's financials (no invoice at all for them)", async () => {
    for (const [, as] of readers) expect((await send(HISTORY, { id: invoiceId }, as())).node).toBeNull();
  });

  it("is shown to consultants, admins and the funder's partner, with each step and the role that took it", async () => {
    for (const as of ["CONSULTANT", "ADMIN", funder()] as const) {
      const { node } = await send(HISTORY, { id: invoiceId }, as);
      expect(node.history.map((t: Data) => [t.from, t.to, t.actorRole, t.actorSubject])).toEqual([
        [null, "SUBMITTED", "CONSULTANT", "consultant-els"],
        ["SUBMITTED", "APPROVED", "ADMIN", "admin-jan"],
      ]);
    }
  });
});

describe("the audit log and the viewer", () => {
  it("show an admin who made each change", async () => {
    const { auditLog } = await send(
      `query PeopleAudit { auditLog(first: 100, filter: { operation: "approveInvoice" }) { edges { node { actorRole actorSubject } } } }`,
      {},
      "ADMIN",
    );
    expect(auditLog.edges.map((e: Data) => e.node)).toContainEqual({ actorRole: "ADMIN", actorSubject: "admin-jan" });
  });

  it("show every signed-in viewer their own subject", async () => {
    for (const [, as] of readers.slice(1)) {
      const actor = as() as Actor;
      expect((await send(`query PeopleViewer { viewer { subject } }`, {}, actor)).viewer.subject).toBe(actor.sub);
    }
  });
});

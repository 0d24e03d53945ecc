// Who did what is for those who may see it (issue 7): a field that carries a person's identifier
// (the subject of who judged a commitment, who moved an invoice, who made an audited change)
// answers null to everyone but consultants and admins (`audit.readActors`). The public still
// sees that a commitment was judged, how and when; a party's partner still sees an invoice's
// history with the roles. A viewer always sees their own subject. Operations go over HTTP as
// a client sends them.
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
  fx = await loadFundingFixture(api, { orgs: ["Workitects", "Vlaamse Regering", "Randstad"], boards: ["Gent", "Brugge"] });
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
const readers: [string, () => Actor | Actor["role"] | undefined][] = [
  ["anonymous", () => undefined],
  ["a board member", () => ({ role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!), sub: "member-gent" })],
  ["an expert", () => ({ role: "EXPERT", org: rowId(fx.orgs.Randstad!), sub: "expert-1" })],
  ["the funder's partner", funder],
];

describe("who judged a commitment", () => {
  const TARGETS = `query PeopleTargets($id: ID!) { fundingAgreement(id: $id) { commitments(kind: EFFORT) { id number target { ... on QualitativeTarget { status evidence judgedBy judgedAt } } } } }`;
  let judgedAt: string;

  beforeAll(async () => {
    const { fundingAgreement } = await send(TARGETS, { id: fx.agreementId });
    const id = fundingAgreement.commitments.find((c: Data) => c.number === 4).id;
    const judged = await send(
      `mutation PeopleJudge($input: JudgeCommitmentInput!) { judgeCommitment(input: $input) { commitment { target { ... on QualitativeTarget { judgedBy judgedAt } } } } }`,
      { input: { id, status: "JUSTIFIED", evidence: "Platform live since 2024-02" } },
      { role: "CONSULTANT", sub: "consultant-an" },
    );
    // The judge sees their own name on what they just did.
    expect(judged.judgeCommitment.commitment.target.judgedBy).toBe("consultant-an");
    judgedAt = judged.judgeCommitment.commitment.target.judgedAt;
  });

  const fourth = async (as?: Actor | Actor["role"]) => (await send(TARGETS, { id: fx.agreementId }, as)).fundingAgreement.commitments.find((c: Data) => c.number === 4).target;

  it.each(readers)("is hidden from %s, who still sees that, how and when it was judged", async (_label, as) => {
    expect(await fourth(as())).toEqual({ status: "JUSTIFIED", evidence: "Platform live since 2024-02", judgedBy: null, judgedAt });
  });

  it.each([
    ["a consultant", "CONSULTANT"],
    ["an admin", "ADMIN"],
  ] as const)("is shown to %s", async (_label, role) => {
    expect(await fourth(role)).toMatchObject({ status: "JUSTIFIED", judgedBy: "consultant-an", judgedAt });
  });

  it("reaches the justification report only for those who may see it", async () => {
    const report = async (as: Actor | Actor["role"]) => {
      const response = await fetch(server.url.replace(/\/graphql$/, `/reports/funding-agreements/${fx.agreementId}/justification.csv`), {
        headers: { authorization: `Bearer ${await token(as)}` },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    const forFunder = await report(funder());
    expect(forFunder).toContain(`judged at ${judgedAt}`);
    expect(forFunder).not.toContain("consultant-an");
    expect(await report("CONSULTANT")).toContain(`judged by consultant-an at ${judgedAt}`);
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
          serviceDate: "2024-03-15",
          boardsServedIds: [fx.boards.Gent],
        },
      },
      { role: "CONSULTANT", sub: "consultant-els" },
    );
    invoiceId = submitted.submitInvoice.invoice.id;
    await send(`mutation PeopleApprove($id: ID!) { approveInvoice(id: $id) { invoice { id } } }`, { id: invoiceId }, { role: "ADMIN", sub: "admin-jan" });
  });

  it("is hidden from the funder's partner, who still sees each step and the role that took it", async () => {
    const { node } = await send(HISTORY, { id: invoiceId }, funder());
    expect(node.history.map((t: Data) => [t.from, t.to, t.actorRole, t.actorSubject])).toEqual([
      [null, "SUBMITTED", "CONSULTANT", null],
      ["SUBMITTED", "APPROVED", "ADMIN", null],
    ]);
  });

  it("is shown to consultants and admins", async () => {
    for (const role of ["CONSULTANT", "ADMIN"] as const) {
      const { node } = await send(HISTORY, { id: invoiceId }, role);
      expect(node.history.map((t: Data) => t.actorSubject)).toEqual(["consultant-els", "admin-jan"]);
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

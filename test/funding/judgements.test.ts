// The funder judges, the sector justifies (issue 8): the sector's consultants propose a judgement
// of a qualitative commitment with evidence; the funder's side (a partner of the funder) accepts
// or refuses it; the funder's side or an admin reopens a judgement, which stays in the
// commitment's history instead of leaving stale evidence on it. The settlement's flags follow
// the funder's decisions, everyone sees how and when a commitment was judged, the people behind
// each step only those who may see who did what or read the agreement's financials, and a closed
// agreement takes no judgement at all.
import { asc, eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { domainEvents } from "../../db/schema/audit.js";
import { registerMetricSource } from "../../schema/shared/metrics.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type ExecOptions, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, loadFundingFixture, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: FundingFixture;
/** Effort commitment global ids by number (2, 4, 5, 6, 7 and 9 are qualitative; 1, 3 and 8 measured). */
let effort: Record<number, string>;
const unregister: (() => void)[] = [];

beforeAll(async () => {
  api = await createTestApi();
  return () => api.close();
});
beforeEach(async () => {
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ["Vlaamse Regering", "VVSG", "ACV", "Randstad"], boards: ["Gent"] });
  const list = await api.ok(EFFORT, { id: fx.agreementId });
  effort = Object.fromEntries(list.fundingAgreement!.commitments.map((c) => [c.number, c.id]));
});
afterEach(() => {
  for (const undo of unregister.splice(0)) undo();
});

const as = (actor: Actor | Actor["role"]): ExecOptions => ({ as: actor });
const ANNA: Actor = { role: "CONSULTANT", sub: "consultant-anna" };
const BRAM: Actor = { role: "CONSULTANT", sub: "consultant-bram" };
const ADMIN: Actor = { role: "ADMIN", sub: "admin-ada" };
const funder = (): Actor => ({ role: "PARTNER", sub: "funder-inspector", org: rowId(fx.orgs["Vlaamse Regering"]!) });
const beneficiary = (): Actor => ({ role: "PARTNER", sub: "vvsg-partner", org: rowId(fx.orgs.VVSG!) });
const steering = (): Actor => ({ role: "PARTNER", sub: "acv-delegate", org: rowId(fx.orgs.ACV!) });
const outsider = (): Actor => ({ role: "PARTNER", sub: "randstad-partner", org: rowId(fx.orgs.Randstad!) });
const boardMember = (): Actor => ({ role: "BOARD_MEMBER", sub: "member-gent", board: rowId(fx.boards.Gent!) });

const EFFORT = graphql(`query JudgementsEffort($id: ID!) { fundingAgreement(id: $id) { commitments(kind: EFFORT) { id number } } }`);
const COMMITMENT = graphql(`
  query JudgementsCommitment($id: ID!) {
    node(id: $id) {
      ... on Commitment {
        number met viewerCanPropose viewerCanJudge viewerCanReopen
        target {
          ... on QualitativeTarget {
            status evidence judgedBy judgedAt
            proposal { status evidence proposedBy proposedAt }
            history { action status evidence reason actorRole actorSubject at }
          }
          ... on MeasuredTarget { met measures { currentValue met } }
        }
      }
    }
  }
`);
const PROPOSE = graphql(`mutation JudgementsPropose($input: ProposeJudgementInput!) { proposeJudgement(input: $input) { commitment { id } } }`);
const ACCEPT = graphql(`mutation JudgementsAccept($input: AcceptJudgementInput!) { acceptJudgement(input: $input) { commitment { id met } } }`);
const REFUSE = graphql(`mutation JudgementsRefuse($input: RefuseJudgementInput!) { refuseJudgement(input: $input) { commitment { id } } }`);
const REOPEN = graphql(`mutation JudgementsReopen($input: ReopenCommitmentInput!) { reopenCommitment(input: $input) { commitment { id met } } }`);
const FLAGS = graphql(`query JudgementsFlags($id: ID!) { fundingAgreement(id: $id) { settlement { unjustifiedEffortCommitments { number } } } }`);
const CLOSE = graphql(`mutation JudgementsClose($id: ID!) { closeFundingAgreement(id: $id) { agreement { status } } }`);

/** A commitment as the viewer sees it. */
async function commitment(id: string, viewer?: Actor | Actor["role"] | null) {
  const node = (await api.ok(COMMITMENT, { id }, viewer ? as(viewer) : {})).node;
  if (!node || !("target" in node)) throw new Error("not a commitment");
  return node;
}

/** The qualitative target of a commitment as the viewer sees it (null: anonymous). */
async function judgement(id: string, viewer: Actor | Actor["role"] | null = ANNA) {
  const { target } = await commitment(id, viewer);
  if (!("history" in target)) throw new Error("not a qualitative target");
  return target;
}

const propose = (commitmentId: string, status: "JUSTIFIED" | "NOT_JUSTIFIED", evidence: string, by: Actor = ANNA) =>
  api.ok(PROPOSE, { input: { commitmentId, status, evidence } }, as(by));
const accept = (commitmentId: string, by: Actor = funder(), comment?: string) => api.ok(ACCEPT, { input: { commitmentId, comment } }, as(by));
const flagged = async () => (await api.ok(FLAGS, { id: fx.agreementId }, as(ANNA))).fundingAgreement!.settlement.unjustifiedEffortCommitments.map((c) => c.number);

/** The events the judgements wrote to the outbox, oldest first. */
async function events() {
  const rows = await api.database.db.select().from(domainEvents).where(eq(domainEvents.entityType, "Commitment")).orderBy(asc(domainEvents.position));
  return rows.map((r) => ({ name: r.name, version: r.version, payload: r.payload }));
}

describe("the sector proposes, the funder's side decides", () => {
  it("a consultant proposes with evidence, the funder's partner accepts: the judgement in force, who judged and when, and both steps in the history", async () => {
    const id = effort[4]!;
    const evidence = "Kennisplatform online sinds februari 2024; 12 leerinstrumenten.";
    await propose(id, "JUSTIFIED", evidence);

    const pending = await judgement(id);
    expect(pending).toMatchObject({ status: "OPEN", evidence: null, judgedBy: null, judgedAt: null, proposal: { status: "JUSTIFIED", evidence, proposedBy: "consultant-anna" } });
    expect(pending.history.map((s) => [s.action, s.status, s.evidence, s.actorRole, s.actorSubject])).toEqual([
      ["PROPOSED", "JUSTIFIED", evidence, "CONSULTANT", "consultant-anna"],
    ]);
    expect(pending.proposal!.proposedAt).toEqual(pending.history[0]!.at);

    const accepted = await accept(id, funder(), "Gezien en goedgekeurd.");
    expect(accepted.acceptJudgement.commitment.met).toBe(true);
    const decided = await judgement(id);
    expect(decided).toMatchObject({ status: "JUSTIFIED", evidence, judgedBy: "funder-inspector", proposal: null });
    expect(decided.history.map((s) => [s.action, s.status, s.evidence, s.reason, s.actorRole, s.actorSubject])).toEqual([
      ["PROPOSED", "JUSTIFIED", evidence, null, "CONSULTANT", "consultant-anna"],
      ["ACCEPTED", "JUSTIFIED", evidence, "Gezien en goedgekeurd.", "PARTNER", "funder-inspector"],
    ]);
    // When it was judged is when the funder accepted.
    expect(decided.judgedAt).toEqual(decided.history[1]!.at);

    // The outbox says what happened and to which commitment, never who did it.
    expect(await events()).toEqual([
      { name: "commitment.proposed", version: 1, payload: { commitmentId: id, agreementId: fx.agreementId, proposedStatus: "JUSTIFIED" } },
      { name: "commitment.judged", version: 2, payload: { commitmentId: id, agreementId: fx.agreementId, decision: "ACCEPTED", status: "JUSTIFIED" } },
    ]);
  });

  it("lets the settlement's unjustified-effort flags follow the funder's acceptance, not the proposal", async () => {
    expect(await flagged()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await propose(effort[4]!, "JUSTIFIED", "Platform live.");
    await propose(effort[6]!, "JUSTIFIED", "Opleidingen via het FOT.");
    // Proposed, not judged: still flagged.
    expect(await flagged()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await accept(effort[4]!);
    expect(await flagged()).toEqual([1, 2, 3, 5, 6, 7, 8, 9]);
    // A judgement of NOT_JUSTIFIED accepted by the funder keeps the flag.
    await propose(effort[6]!, "NOT_JUSTIFIED", "Het aanbod is niet gediversifieerd.");
    await accept(effort[6]!);
    expect(await flagged()).toEqual([1, 2, 3, 5, 6, 7, 8, 9]);
    // Reopened by the funder: flagged again.
    await api.ok(REOPEN, { input: { commitmentId: effort[4]!, reason: "Platform offline sinds mei." } }, as(funder()));
    expect(await flagged()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("refuses a proposal with a reason: the judgement in force stays, the proposal is cleared and kept in the history", async () => {
    const id = effort[2]!;
    await propose(id, "JUSTIFIED", "Vijf leiderschapstrajecten.");
    await accept(id);
    await propose(id, "NOT_JUSTIFIED", "Toch maar drie trajecten.", BRAM);

    expect(errorOf(await api.exec(REFUSE, { input: { commitmentId: id, reason: " \u200B " } }, as(funder())))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.reason" });
    await api.ok(REFUSE, { input: { commitmentId: id, reason: "De deelnemerslijsten tonen vijf trajecten." } }, as(funder()));

    const after = await judgement(id);
    expect(after).toMatchObject({ status: "JUSTIFIED", evidence: "Vijf leiderschapstrajecten.", judgedBy: "funder-inspector", proposal: null });
    expect(after.history.map((s) => [s.action, s.status, s.evidence, s.reason, s.actorSubject])).toEqual([
      ["PROPOSED", "JUSTIFIED", "Vijf leiderschapstrajecten.", null, "consultant-anna"],
      ["ACCEPTED", "JUSTIFIED", "Vijf leiderschapstrajecten.", null, "funder-inspector"],
      ["PROPOSED", "NOT_JUSTIFIED", "Toch maar drie trajecten.", null, "consultant-bram"],
      ["REFUSED", "NOT_JUSTIFIED", "Toch maar drie trajecten.", "De deelnemerslijsten tonen vijf trajecten.", "funder-inspector"],
    ]);
    expect((await events()).at(-1)).toEqual({
      name: "commitment.judged",
      version: 2,
      payload: { commitmentId: id, agreementId: fx.agreementId, decision: "REFUSED", status: "JUSTIFIED" },
    });
    // Nothing is pending any more: nothing to accept or refuse.
    expect(errorOf(await api.exec(ACCEPT, { input: { commitmentId: id } }, as(funder())))).toMatchObject({ code: "CONFLICT", field: "input.commitmentId" });
    expect(errorOf(await api.exec(REFUSE, { input: { commitmentId: id, reason: "Nee." } }, as(funder())))).toMatchObject({ code: "CONFLICT", field: "input.commitmentId" });
  });

  it("replaces a pending proposal by a new one, and keeps both in the history", async () => {
    const id = effort[5]!;
    await propose(id, "NOT_JUSTIFIED", "Eerste versie.", ANNA);
    await propose(id, "JUSTIFIED", "Bijgewerkt met het najaarsaanbod.", BRAM);
    const pending = await judgement(id);
    expect(pending.proposal).toMatchObject({ status: "JUSTIFIED", evidence: "Bijgewerkt met het najaarsaanbod.", proposedBy: "consultant-bram" });
    expect(pending.history.map((s) => [s.action, s.status, s.actorSubject])).toEqual([
      ["PROPOSED", "NOT_JUSTIFIED", "consultant-anna"],
      ["PROPOSED", "JUSTIFIED", "consultant-bram"],
    ]);
    await accept(id);
    expect(await judgement(id)).toMatchObject({ status: "JUSTIFIED", evidence: "Bijgewerkt met het najaarsaanbod." });
  });

  it("reopens a judgement: the judgement it undoes stays in the history, and no stale evidence, judge or date is carried", async () => {
    const id = effort[7]!;
    await propose(id, "JUSTIFIED", "Opleidingen digitale vaardigheden met Mediawijs.");
    await accept(id);
    const reopened = await api.ok(REOPEN, { input: { commitmentId: id, reason: "Bewijs verwijst naar het verkeerde jaar." } }, as(funder()));
    expect(reopened.reopenCommitment.commitment.met).toBe(false);

    const after = await judgement(id);
    expect(after).toMatchObject({ status: "OPEN", evidence: null, judgedBy: null, judgedAt: null, proposal: null });
    expect(after.history.at(-1)).toMatchObject({
      action: "REOPENED",
      status: "JUSTIFIED",
      evidence: "Opleidingen digitale vaardigheden met Mediawijs.",
      reason: "Bewijs verwijst naar het verkeerde jaar.",
      actorRole: "PARTNER",
      actorSubject: "funder-inspector",
    });
    expect((await events()).at(-1)?.payload).toEqual({ commitmentId: id, agreementId: fx.agreementId, decision: "REOPENED", status: "OPEN" });
    // An open commitment has no judgement in force to reopen.
    expect(errorOf(await api.exec(REOPEN, { input: { commitmentId: id, reason: "Nogmaals." } }, as(funder())))).toMatchObject({ code: "CONFLICT", field: "input.commitmentId" });

    // The sector justifies again, the funder accepts, and an admin may reopen too.
    await propose(id, "JUSTIFIED", "Opleidingen 2024 met Mediawijs en Ligo.");
    await accept(id);
    await api.ok(REOPEN, { input: { commitmentId: id, reason: "Op vraag van de stuurgroep." } }, as(ADMIN));
    const again = await judgement(id);
    expect(again).toMatchObject({ status: "OPEN", evidence: null, judgedBy: null });
    expect(again.history.map((s) => [s.action, s.actorRole])).toEqual([
      ["PROPOSED", "CONSULTANT"],
      ["ACCEPTED", "PARTNER"],
      ["REOPENED", "PARTNER"],
      ["PROPOSED", "CONSULTANT"],
      ["ACCEPTED", "PARTNER"],
      ["REOPENED", "ADMIN"],
    ]);
  });

  it("judges qualitative commitments only, with a status that judges and evidence", async () => {
    const measured = effort[8]!;
    for (const [document, input, options] of [
      [PROPOSE, { commitmentId: measured, status: "JUSTIFIED", evidence: "30 werktafels." }, as(ANNA)],
      [ACCEPT, { commitmentId: measured }, as(funder())],
      [REFUSE, { commitmentId: measured, reason: "Nee." }, as(funder())],
      [REOPEN, { commitmentId: measured, reason: "Nee." }, as(ADMIN)],
    ] as const) {
      expect(errorOf(await api.exec(document as typeof PROPOSE, { input: input as never }, options))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.commitmentId" });
    }
    expect(errorOf(await api.exec(PROPOSE, { input: { commitmentId: effort[2]!, status: "OPEN", evidence: "x" } }, as(ANNA)))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.status",
    });
    expect(errorOf(await api.exec(PROPOSE, { input: { commitmentId: effort[2]!, status: "JUSTIFIED", evidence: "\u200B\n" } }, as(ANNA)))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.evidence",
    });
    expect(errorOf(await api.exec(PROPOSE, { input: { commitmentId: fx.agreementId, status: "JUSTIFIED", evidence: "x" } }, as(ANNA)))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.commitmentId",
    });
    // Nothing was written by any of these.
    expect(await events()).toEqual([]);
  });
});

describe("who may do what", () => {
  it("refuses the sector's consultants the funder's decisions, and the funder's partner a proposal", async () => {
    const id = effort[7]!;
    await propose(id, "JUSTIFIED", "Aanbod digitale vaardigheden goedgekeurd door de stuurgroep.");
    for (const consultant of [ANNA, BRAM]) {
      expect(errorOf(await api.exec(ACCEPT, { input: { commitmentId: id } }, as(consultant))).code).toBe("FORBIDDEN");
      expect(errorOf(await api.exec(REFUSE, { input: { commitmentId: id, reason: "x" } }, as(consultant))).code).toBe("FORBIDDEN");
    }
    expect(errorOf(await api.exec(PROPOSE, { input: { commitmentId: id, status: "NOT_JUSTIFIED", evidence: "x" } }, as(funder()))).code).toBe("FORBIDDEN");
    // A consultant does not reopen the funder's judgement either.
    await accept(id);
    expect(errorOf(await api.exec(REOPEN, { input: { commitmentId: id, reason: "x" } }, as(ANNA))).code).toBe("FORBIDDEN");
    expect((await judgement(id)).status).toBe("JUSTIFIED");
  });

  it("refuses the beneficiary's and the steering group's partners, and everyone else, any decision", async () => {
    const id = effort[7]!;
    await propose(id, "JUSTIFIED", "Aanbod digitale vaardigheden.");
    for (const actor of [beneficiary(), steering(), outsider(), boardMember(), { role: "EXPERT" as const, sub: "expert-1", org: rowId(fx.orgs.Randstad!) }]) {
      for (const [document, input] of [
        [ACCEPT, { commitmentId: id }],
        [REFUSE, { commitmentId: id, reason: "x" }],
        [REOPEN, { commitmentId: id, reason: "x" }],
        [PROPOSE, { commitmentId: id, status: "JUSTIFIED", evidence: "x" }],
      ] as const) {
        expect(errorOf(await api.exec(document as typeof PROPOSE, { input: input as never }, as(actor))).code, `${actor.sub} ${JSON.stringify(input)}`).toBe("FORBIDDEN");
      }
    }
    expect(errorOf(await api.exec(ACCEPT, { input: { commitmentId: id } })).code).toBe("UNAUTHENTICATED");
    const after = await judgement(id);
    expect(after).toMatchObject({ status: "OPEN", proposal: { status: "JUSTIFIED" } });
    expect(after.history).toHaveLength(1);
  });

  it("says what the viewer may do now, following the rules and the commitment's state", async () => {
    const id = effort[4]!;
    const may = async (viewer?: Actor | Actor["role"]) => {
      const c = await commitment(id, viewer);
      return [c.viewerCanPropose, c.viewerCanJudge, c.viewerCanReopen];
    };
    // Open, nothing pending: the sector may propose; nobody may judge or reopen yet.
    expect(await may(ANNA)).toEqual([true, false, false]);
    expect(await may(ADMIN)).toEqual([true, false, false]);
    expect(await may(funder())).toEqual([false, false, false]);
    await propose(id, "JUSTIFIED", "Platform live.");
    expect(await may(funder())).toEqual([false, true, false]);
    expect(await may(ANNA)).toEqual([true, false, false]);
    await accept(id);
    expect(await may(funder())).toEqual([false, false, true]);
    expect(await may(ADMIN)).toEqual([true, false, true]);
    for (const viewer of [undefined, beneficiary(), steering(), boardMember()]) expect(await may(viewer)).toEqual([false, false, false]);
    // A measured commitment is judged by its records, by no one.
    const measured = await commitment(effort[8]!, funder());
    expect([measured.viewerCanPropose, measured.viewerCanJudge, measured.viewerCanReopen]).toEqual([false, false, false]);
    expect((await commitment(effort[8]!, ANNA)).viewerCanPropose).toBe(false);
  });

  it("shows how and when a commitment was judged to everyone, and the people only to those who may see who did what or read the financials", async () => {
    const id = effort[4]!;
    await propose(id, "JUSTIFIED", "Platform live.");
    await accept(id);
    await propose(id, "NOT_JUSTIFIED", "Platform offline.", BRAM);
    const full = await judgement(id, ANNA);
    for (const viewer of [null, boardMember(), outsider(), { role: "EXPERT" as const, sub: "expert-1", org: rowId(fx.orgs.Randstad!) }]) {
      const seen = await judgement(id, viewer);
      expect(seen).toEqual({
        ...full,
        judgedBy: null,
        proposal: { ...full.proposal!, proposedBy: null },
        history: full.history.map((step) => ({ ...step, actorSubject: null })),
      });
      expect(seen.history.map((s) => s.actorRole)).toEqual(["CONSULTANT", "PARTNER", "CONSULTANT"]);
    }
    for (const viewer of [ANNA, ADMIN, funder(), beneficiary(), steering()]) {
      const seen = await judgement(id, viewer);
      expect(seen.judgedBy).toBe("funder-inspector");
      expect(seen.proposal?.proposedBy).toBe("consultant-bram");
      expect(seen.history.map((s) => s.actorSubject)).toEqual(["consultant-anna", "funder-inspector", "consultant-bram"]);
    }
  });

  it("takes two decisions at once one after the other: the second finds nothing pending", async () => {
    const id = effort[6]!;
    await propose(id, "JUSTIFIED", "FOT-opleidingen.");
    const [accepted, refused] = await Promise.all([
      api.exec(ACCEPT, { input: { commitmentId: id } }, as(funder())),
      api.exec(REFUSE, { input: { commitmentId: id, reason: "Onvoldoende." } }, as({ ...funder(), sub: "funder-colleague" })),
    ]);
    const outcomes = [accepted, refused].map((r) => (r.errors ? errorOf(r).code : "OK")).sort();
    expect(outcomes).toEqual(["CONFLICT", "OK"]);
    const after = await judgement(id);
    expect(after.history.map((s) => s.action)).toHaveLength(2);
    expect(after.proposal).toBeNull();
    expect(after.status).toBe(accepted.errors ? "OPEN" : "JUSTIFIED");
  });

  it("reads every commitment's history, proposal and people in the same statements however long the histories", async () => {
    const HISTORIES = graphql(`
      query JudgementsHistories($id: ID!) {
        fundingAgreement(id: $id) {
          commitments {
            number viewerCanPropose viewerCanJudge viewerCanReopen
            target { ... on QualitativeTarget { status judgedBy proposal { proposedBy } history { action actorSubject at } } }
          }
        }
      }
    `);
    const judge = async (number: number, rounds: number) => {
      for (let round = 0; round < rounds; round++) {
        await propose(effort[number]!, "JUSTIFIED", `Bewijs ${number}.${round}`);
        await accept(effort[number]!);
      }
      await propose(effort[number]!, "NOT_JUSTIFIED", `Nieuw bewijs ${number}.`, BRAM);
    };
    const read = async () => {
      const result = await api.exec(HISTORIES, { id: fx.agreementId }, as(steering()));
      expect(result.errors).toBeUndefined();
      const histories = result.data!.fundingAgreement!.commitments.flatMap((c) => ("history" in c.target ? [c.target.history.length] : []));
      return { histories, statements: result.statements };
    };
    // One commitment with a short history, then every one with a long history.
    await judge(2, 1);
    const small = await read();
    expect(small.histories).toEqual([3, 0, 0, 0, 0]);
    for (const number of [4, 5, 6, 7]) await judge(number, 3);
    const large = await read();
    expect(large.histories).toEqual([3, 7, 7, 7, 7]);
    expect(large.statements).toBe(small.statements);
  });
});

describe("a closed agreement", () => {
  it("takes no judgement step, and its measured values stay as they were at closing", async () => {
    let meetings = 31;
    unregister.push(registerMetricSource("worktables.meetingsHeld", async () => meetings));
    await propose(effort[4]!, "JUSTIFIED", "Platform live.");
    await accept(effort[4]!);
    await propose(effort[2]!, "JUSTIFIED", "Vijf trajecten.");
    // The addendum ended on 30 June 2025: the funder's side may close it.
    expect((await api.ok(CLOSE, { id: fx.agreementId }, as(funder()))).closeFundingAgreement.agreement.status).toBe("CLOSED");

    for (const [document, input, actor] of [
      [PROPOSE, { commitmentId: effort[5]!, status: "JUSTIFIED", evidence: "Te laat." }, ANNA],
      [ACCEPT, { commitmentId: effort[2]! }, funder()],
      [REFUSE, { commitmentId: effort[2]!, reason: "Te laat." }, funder()],
      [REOPEN, { commitmentId: effort[4]!, reason: "Te laat." }, ADMIN],
    ] as const) {
      expect(errorOf(await api.exec(document as typeof PROPOSE, { input: input as never }, as(actor)))).toMatchObject({ code: "CONFLICT", field: "input.commitmentId" });
    }
    // Access is still checked first: the funder's partner may not propose, closed or not.
    expect(errorOf(await api.exec(PROPOSE, { input: { commitmentId: effort[5]!, status: "JUSTIFIED", evidence: "x" } }, as(funder()))).code).toBe("FORBIDDEN");
    const frozen = await commitment(effort[2]!, funder());
    expect([frozen.viewerCanPropose, frozen.viewerCanJudge, frozen.viewerCanReopen]).toEqual([false, false, false]);
    expect((await commitment(effort[4]!, ADMIN)).viewerCanReopen).toBe(false);

    // Records that arrive after closing do not move what was settled.
    meetings = 2;
    const worktables = await commitment(effort[8]!);
    expect(worktables).toMatchObject({ met: true, target: { met: true, measures: [{ currentValue: 31, met: true }] } });
  });
});

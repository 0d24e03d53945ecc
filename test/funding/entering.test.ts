// Entering the next agreement through the API (Article 5: the sector prepares the next addendum):
// an agreement with its parties, period, maximum, shares and steering group, its tracks, actions
// with partners and flags, and effort and result commitments with measured or qualitative
// targets; the rules of each field; numbers unique per agreement; the money terms that lock once
// an invoice is approved while the rest stays editable; the terms the funder's side sets; who
// may do which; and the audit row and event of every change.
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { domainEvents } from "../../db/schema/audit.js";
import { fundingAgreements } from "../../db/schema/funding.js";
import type { CreateFundingAgreementInput, EnteringAgreementFieldsFragment } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type ExecOptions, errorOf, type TestApi } from "../helpers/api.js";
import { onPostgres } from "../helpers/db.js";
import { type FundingFixture, globalId, loadFundingFixture, MISSING_UUID, rowId } from "../helpers/funding.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());

let fx: FundingFixture;
const ORG_NAMES = ["Vlaamse Regering", "VVSG", "ACV", "ACOD", "VSOA", "Workitects", "Excello", "Mediawijs"];

beforeEach(async () => {
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ORG_NAMES, boards: ["Gent"] });
});

const CONSULTANT: Actor = { role: "CONSULTANT", sub: "consultant-lien" };
const funder = (): Actor => ({ role: "PARTNER", sub: "funder-an", org: rowId(fx.orgs["Vlaamse Regering"]!) });
const beneficiaryPartner = (): Actor => ({ role: "PARTNER", sub: "vvsg-jan", org: rowId(fx.orgs.VVSG!) });

graphql(`
  fragment EnteringAgreementFields on FundingAgreement {
    id title titleTranslations { nl fr en } status periodStart periodEnd effortShareBp resultShareBp reportingWindowDays
    maxAmount { cents currency } overheadCeiling { cents currency } beneficiaryBankAccount moneyTermsLocked
    funder { id } beneficiary { id } steeringGroup { id }
    tracks {
      id number title titleTranslations { nl fr en } description
      actions {
        id number title description isNew intersectoral localCooperation otherPartners
        track { number }
        partners { id }
        effortCommitments { number }
      }
    }
    commitments {
      id kind number description descriptionTranslations { nl fr en } action { number }
      target {
        __typename
        ... on MeasuredTarget { measures { metric { key } comparator targetValue } }
        ... on QualitativeTarget { status }
      }
    }
  }
`);
const READ = graphql(`query EnteringRead($id: ID!) { fundingAgreement(id: $id) { ...EnteringAgreementFields } }`);
const CREATE = graphql(`mutation EnteringCreate($input: CreateFundingAgreementInput!) { createFundingAgreement(input: $input) { agreement { ...EnteringAgreementFields } } }`);
const UPDATE = graphql(`mutation EnteringUpdate($input: UpdateFundingAgreementInput!) { updateFundingAgreement(input: $input) { agreement { ...EnteringAgreementFields } } }`);
const TERMS = graphql(
  `mutation EnteringTerms($input: SetFundingTermsInput!) { setFundingTerms(input: $input) { agreement { id overheadCeiling { cents currency } reportingWindowDays } } }`,
);
const ADD_TRACK = graphql(`mutation EnteringAddTrack($input: AddTrackInput!) { addTrack(input: $input) { track { id number title description } } }`);
const UPDATE_TRACK = graphql(`mutation EnteringUpdateTrack($input: UpdateTrackInput!) { updateTrack(input: $input) { track { id number title description } } }`);
const ADD_ACTION = graphql(`
  mutation EnteringAddAction($input: AddActionInput!) {
    addAction(input: $input) { action { id number title isNew intersectoral localCooperation otherPartners track { id } partners { id } } }
  }
`);
const UPDATE_ACTION = graphql(`
  mutation EnteringUpdateAction($input: UpdateActionInput!) {
    updateAction(input: $input) { action { id number title description isNew intersectoral localCooperation otherPartners track { id } partners { id } } }
  }
`);
const ADD_COMMITMENT = graphql(`
  mutation EnteringAddCommitment($input: AddCommitmentInput!) {
    addCommitment(input: $input) {
      commitment { id kind number description action { id } target { __typename ... on MeasuredTarget { measures { metric { key } comparator targetValue } } } }
    }
  }
`);
const UPDATE_COMMITMENT = graphql(`
  mutation EnteringUpdateCommitment($input: UpdateCommitmentInput!) {
    updateCommitment(input: $input) {
      commitment { id kind number description action { id } target { __typename ... on MeasuredTarget { measures { metric { key } comparator targetValue } } } }
    }
  }
`);
const REMOVE_COMMITMENT = graphql(`mutation EnteringRemoveCommitment($id: ID!) { removeCommitment(id: $id) { removedCommitmentId agreement { id commitments { id } } } }`);
const SUBMIT = graphql(`mutation EnteringSubmit($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { id status } } }`);
const APPROVE = graphql(`mutation EnteringApprove($id: ID!) { approveInvoice(id: $id) { invoice { id status } } }`);
const PROPOSE = graphql(`mutation EnteringPropose($input: ProposeJudgementInput!) { proposeJudgement(input: $input) { commitment { id } } }`);
const ACCEPT = graphql(`mutation EnteringAccept($input: AcceptJudgementInput!) { acceptJudgement(input: $input) { commitment { id } } }`);
const AUDIT = graphql(
  `query EnteringAudit($filter: AuditFilter) { auditLog(first: 100, filter: $filter) { totalCount edges { node { actorRole actorSubject operation entityType before after } } } }`,
);
const SEEDED = graphql(`
  query EnteringSeeded($id: ID!) {
    fundingAgreement(id: $id) {
      id title maxAmount { cents } effortShareBp moneyTermsLocked
      commitments { id kind number }
    }
  }
`);

function agreementInput(overrides: Partial<CreateFundingAgreementInput> = {}): CreateFundingAgreementInput {
  return {
    title: { nl: "Addendum investeren in talent 2025-2027", fr: "Avenant investir dans le talent 2025-2027", en: "Addendum investing in talent 2025-2027" },
    funderId: fx.orgs["Vlaamse Regering"]!,
    beneficiaryId: fx.orgs.VVSG!,
    beneficiaryBankAccount: "be10091011569604",
    periodStart: "2025-07-01",
    periodEnd: "2027-06-30",
    maxAmount: { cents: 50_000_000, currency: "EUR" },
    effortShareBp: 6000,
    resultShareBp: 4000,
    overheadCeiling: { cents: 2_000_000, currency: "EUR" },
    reportingWindowDays: 90,
    steeringGroupIds: [fx.orgs.VVSG!, fx.orgs.ACV!, fx.orgs.ACOD!],
    ...overrides,
  };
}

async function create(overrides: Partial<CreateFundingAgreementInput> = {}, as: ExecOptions["as"] = CONSULTANT) {
  return (await api.ok(CREATE, { input: agreementInput(overrides) }, { as })).createFundingAgreement.agreement;
}
async function read(id: string): Promise<EnteringAgreementFieldsFragment> {
  return (await api.ok(READ, { id }, { as: "ADMIN" })).fundingAgreement!;
}
async function auditCount(operation: string): Promise<number> {
  return (await api.ok(AUDIT, { filter: { operation } }, { as: "ADMIN" })).auditLog.totalCount;
}
async function events(name: string) {
  return api.database.db.select().from(domainEvents).where(eq(domainEvents.name, name)).orderBy(asc(domainEvents.position));
}

/** An agreement entered with a track and an action, ready for commitments. */
async function skeleton() {
  const agreement = await create();
  const track = (await api.ok(ADD_TRACK, { input: { agreementId: agreement.id, number: 1, title: { nl: "Projectfonds" } } }, { as: CONSULTANT })).addTrack.track;
  const action = (await api.ok(ADD_ACTION, { input: { trackId: track.id, number: 1, title: { nl: "IAO-trajecten" } } }, { as: CONSULTANT })).addAction.action;
  return { agreement, track, action };
}

describe("entering an agreement", () => {
  it("enters an agreement with tracks, actions with partners and effort and result commitments, and reads it all back", async () => {
    const created = await create();
    expect(created).toMatchObject({
      title: "Addendum investeren in talent 2025-2027",
      titleTranslations: { nl: "Addendum investeren in talent 2025-2027", fr: "Avenant investir dans le talent 2025-2027", en: "Addendum investing in talent 2025-2027" },
      status: "OPEN",
      periodStart: "2025-07-01",
      periodEnd: "2027-06-30",
      effortShareBp: 6000,
      resultShareBp: 4000,
      reportingWindowDays: 90,
      maxAmount: { cents: 50_000_000, currency: "EUR" },
      overheadCeiling: { cents: 2_000_000, currency: "EUR" },
      // Stored as the source writes an account: grouped by four, in capitals.
      beneficiaryBankAccount: "BE10 0910 1156 9604",
      moneyTermsLocked: false,
      funder: { id: fx.orgs["Vlaamse Regering"] },
      beneficiary: { id: fx.orgs.VVSG },
      tracks: [],
      commitments: [],
    });
    expect(created.steeringGroup.map((o) => o.id).sort()).toEqual([fx.orgs.VVSG, fx.orgs.ACV, fx.orgs.ACOD].sort());

    const id = created.id;
    const as = { as: CONSULTANT };
    const track1 = (
      await api.ok(
        ADD_TRACK,
        { input: { agreementId: id, number: 1, title: { nl: "Projectfonds (LaboLokaal)", en: "Project fund" }, description: { nl: "Pilootprojecten\nmet besturen" } } },
        as,
      )
    ).addTrack.track;
    expect(track1).toMatchObject({ number: 1, title: "Projectfonds (LaboLokaal)", description: "Pilootprojecten\nmet besturen" });
    const track2 = (await api.ok(ADD_TRACK, { input: { agreementId: id, number: 2, title: { nl: "Nieuwe vormen van leren en opleiden" } } }, as)).addTrack.track;

    const action1 = (
      await api.ok(
        ADD_ACTION,
        {
          input: {
            trackId: track1.id,
            number: 1,
            title: { nl: "IAO-trajecten in diensten van besturen" },
            localCooperation: true,
            partnerIds: [fx.orgs.Workitects!, fx.orgs.Excello!, fx.orgs.Workitects!],
            otherPartners: { nl: "andere dienstverleners", en: "other service providers" },
          },
        },
        as,
      )
    ).addAction.action;
    expect(action1).toMatchObject({ number: 1, isNew: false, intersectoral: false, localCooperation: true, otherPartners: "andere dienstverleners", track: { id: track1.id } });
    expect(action1.partners.map((p) => p.id).sort()).toEqual([fx.orgs.Workitects, fx.orgs.Excello].sort());
    const action2 = (
      await api.ok(
        ADD_ACTION,
        { input: { trackId: track2.id, number: 2, title: { nl: "Kennisplatform" }, isNew: true, intersectoral: true, partnerIds: [fx.orgs.Mediawijs!] } },
        as,
      )
    ).addAction.action;

    async function addCommitment(input: {
      kind: "EFFORT" | "RESULT";
      number: number;
      actionId?: string | null;
      description: string;
      measures?: { metric: string; targetValue: number; comparator?: "AT_LEAST" | "AT_MOST" }[];
    }) {
      return (await api.ok(ADD_COMMITMENT, { input: { agreementId: id, ...input, description: { nl: input.description } } }, as)).addCommitment.commitment;
    }
    const effortMeasured = await addCommitment({
      kind: "EFFORT",
      number: 1,
      actionId: action1.id,
      description: "Trajecten in minstens 3 diensten, 12 besturen",
      measures: [
        { metric: "iao.departments", targetValue: 3 },
        { metric: "iao.boardsReached", targetValue: 12 },
      ],
    });
    expect(effortMeasured).toMatchObject({ kind: "EFFORT", number: 1, action: { id: action1.id }, target: { __typename: "MeasuredTarget" } });
    const effortQualitative = await addCommitment({ kind: "EFFORT", number: 2, actionId: action2.id, description: "Een duidelijk kennisplatform" });
    expect(effortQualitative.target.__typename).toBe("QualitativeTarget");
    await addCommitment({
      kind: "RESULT",
      number: 1,
      description: "Minstens 1500 medewerkers bereikt",
      measures: [{ metric: "training.distinctEmployeesReached", targetValue: 1500 }],
    });
    await addCommitment({
      kind: "RESULT",
      number: 2,
      description: "Hoogstens 2 klachten",
      measures: [{ metric: "worktables.meetingsHeld", targetValue: 2, comparator: "AT_MOST" }],
    });
    await addCommitment({ kind: "RESULT", number: 3, description: "Een gedragen communicatieplan" });

    const back = await read(id);
    expect(back.tracks.map((t) => [t.number, t.title, t.actions.map((a) => a.number)])).toEqual([
      [1, "Projectfonds (LaboLokaal)", [1]],
      [2, "Nieuwe vormen van leren en opleiden", [2]],
    ]);
    expect(back.tracks[0]!.titleTranslations).toEqual({ nl: "Projectfonds (LaboLokaal)", fr: null, en: "Project fund" });
    const [a1] = back.tracks[0]!.actions;
    const [a2] = back.tracks[1]!.actions;
    expect(a1).toMatchObject({ title: "IAO-trajecten in diensten van besturen", localCooperation: true, isNew: false, effortCommitments: [{ number: 1 }] });
    expect(a1!.partners.map((p) => p.id).sort()).toEqual([fx.orgs.Workitects, fx.orgs.Excello].sort());
    expect(a2).toMatchObject({
      title: "Kennisplatform",
      isNew: true,
      intersectoral: true,
      localCooperation: false,
      otherPartners: null,
      track: { number: 2 },
      partners: [{ id: fx.orgs.Mediawijs }],
    });
    expect(a2!.effortCommitments).toEqual([{ number: 2 }]);
    expect(
      back.commitments.map((c) => [
        c.kind,
        c.number,
        c.action?.number ?? null,
        c.target.__typename,
        c.target.__typename === "MeasuredTarget" ? c.target.measures.map((m) => [m.metric.key, m.comparator, m.targetValue]) : c.target.status,
      ]),
    ).toEqual([
      [
        "EFFORT",
        1,
        1,
        "MeasuredTarget",
        [
          ["iao.boardsReached", "AT_LEAST", 12],
          ["iao.departments", "AT_LEAST", 3],
        ],
      ],
      ["EFFORT", 2, 2, "QualitativeTarget", "OPEN"],
      ["RESULT", 1, null, "MeasuredTarget", [["training.distinctEmployeesReached", "AT_LEAST", 1500]]],
      ["RESULT", 2, null, "MeasuredTarget", [["worktables.meetingsHeld", "AT_MOST", 2]]],
      ["RESULT", 3, null, "QualitativeTarget", "OPEN"],
    ]);

    // Listed beside the seeded addendum.
    const list = await api.ok(graphql(`query EnteringList { fundingAgreements { totalCount edges { node { id } } } }`));
    expect(list.fundingAgreements.totalCount).toBe(2);

    // Every change audited by its author, and announced without naming anyone.
    expect(await auditCount("createFundingAgreement")).toBe(1);
    expect(await auditCount("addTrack")).toBe(2);
    expect(await auditCount("addAction")).toBe(2);
    expect(await auditCount("addCommitment")).toBe(5);
    const created0 = (await api.ok(AUDIT, { filter: { operation: "createFundingAgreement" } }, { as: "ADMIN" })).auditLog.edges[0]!.node;
    expect(created0).toMatchObject({ actorRole: "CONSULTANT", actorSubject: "consultant-lien", entityType: "FundingAgreement" });
    const changed = await events("agreement.changed");
    expect(changed.map((e) => [(e.payload as { entity: string }).entity, (e.payload as { operation: string }).operation])).toEqual([
      ["FundingAgreement", "CREATED"],
      ["Track", "CREATED"],
      ["Track", "CREATED"],
      ["Action", "CREATED"],
      ["Action", "CREATED"],
      ...Array.from({ length: 5 }, () => ["Commitment", "CREATED"]),
    ]);
    expect(changed.every((e) => (e.payload as { agreementId: string }).agreementId === id)).toBe(true);
    expect(changed[0]!.payload).toEqual({ agreementId: id, entity: "FundingAgreement", entityId: id, operation: "CREATED" });
    expect(JSON.stringify(changed.map((e) => e.payload))).not.toContain("consultant-lien");
  });

  it("refuses each rule of a new agreement's terms as BAD_USER_INPUT naming the field, and writes nothing", async () => {
    const cases: [string, Partial<CreateFundingAgreementInput>, string][] = [
      ["shares not summing to 10000", { effortShareBp: 7000, resultShareBp: 2000 }, "input.resultShareBp"],
      ["shares over 10000", { effortShareBp: 7000, resultShareBp: 4000 }, "input.resultShareBp"],
      ["a negative share", { effortShareBp: -1, resultShareBp: 10_001 }, "input.effortShareBp"],
      ["a share above 100%", { effortShareBp: 10_001, resultShareBp: -1 }, "input.effortShareBp"],
      ["the period ending before it starts", { periodStart: "2027-07-01", periodEnd: "2027-06-30" }, "input.periodEnd"],
      ["a maximum of zero", { maxAmount: { cents: 0, currency: "EUR" } }, "input.maxAmount.cents"],
      ["a maximum above the single-amount bound", { maxAmount: { cents: 1_000_000_001, currency: "EUR" } }, "input.maxAmount.cents"],
      ["a maximum in another currency", { maxAmount: { cents: 100, currency: "USD" } }, "input.maxAmount.currency"],
      ["an overhead ceiling above the maximum", { overheadCeiling: { cents: 50_000_001, currency: "EUR" } }, "input.overheadCeiling.cents"],
      ["a reporting window of more than a year", { reportingWindowDays: 367 }, "input.reportingWindowDays"],
      ["a negative reporting window", { reportingWindowDays: -1 }, "input.reportingWindowDays"],
      ["the beneficiary being the funder", { beneficiaryId: fx.orgs["Vlaamse Regering"]! }, "input.beneficiaryId"],
      ["a funder that is no organisation id", { funderId: fx.boards.Gent! }, "input.funderId"],
      ["an IBAN with wrong check digits", { beneficiaryBankAccount: "BE10 0910 1156 9605" }, "input.beneficiaryBankAccount"],
      ["a Belgian IBAN of the wrong length", { beneficiaryBankAccount: "BE10 0910 1156 960" }, "input.beneficiaryBankAccount"],
      ["an account that is no IBAN", { beneficiaryBankAccount: "091-0115696-04" }, "input.beneficiaryBankAccount"],
      ["a steering group naming no organisation", { steeringGroupIds: [globalId("Organisation", MISSING_UUID)] }, "input.steeringGroupIds"],
      ["a blank title", { title: { nl: "  \u200b " } }, "input.title.nl"],
      ["a title over two lines", { title: { nl: "Addendum\ninvesteren" } }, "input.title.nl"],
    ];
    for (const [why, overrides, field] of cases) {
      const result = await api.exec(CREATE, { input: agreementInput(overrides) }, { as: CONSULTANT });
      expect(errorOf(result), why).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    // A funder or beneficiary that does not exist is not found.
    const missing = await api.exec(CREATE, { input: agreementInput({ funderId: globalId("Organisation", MISSING_UUID) }) }, { as: CONSULTANT });
    expect(errorOf(missing)).toMatchObject({ code: "NOT_FOUND", field: "input.funderId" });
    const missingBeneficiary = await api.exec(CREATE, { input: agreementInput({ beneficiaryId: globalId("Organisation", MISSING_UUID) }) }, { as: CONSULTANT });
    expect(errorOf(missingBeneficiary)).toMatchObject({ code: "NOT_FOUND", field: "input.beneficiaryId" });
    expect(await auditCount("createFundingAgreement")).toBe(0);
    expect(await events("agreement.changed")).toEqual([]);

    // The boundaries themselves are accepted: a one-day period, all on effort, a ceiling equal to the maximum, a year's window, any IBAN.
    const edge = await create({
      periodStart: "2026-01-01",
      periodEnd: "2026-01-01",
      effortShareBp: 10_000,
      resultShareBp: 0,
      overheadCeiling: { cents: 50_000_000, currency: "EUR" },
      reportingWindowDays: 366,
      beneficiaryBankAccount: "nl91abna0417164300",
      steeringGroupIds: [],
    });
    expect(edge).toMatchObject({ effortShareBp: 10_000, resultShareBp: 0, reportingWindowDays: 366, beneficiaryBankAccount: "NL91 ABNA 0417 1643 00", steeringGroup: [] });
    const bare = await create({ beneficiaryBankAccount: null, overheadCeiling: null, reportingWindowDays: null, steeringGroupIds: null });
    expect(bare).toMatchObject({ beneficiaryBankAccount: null, overheadCeiling: null, reportingWindowDays: 0, steeringGroup: [] });
  });

  it("lets only the sector's consultants and admins enter and edit agreements", async () => {
    const refused: [ExecOptions["as"], string][] = [
      [funder(), "FORBIDDEN"],
      [beneficiaryPartner(), "FORBIDDEN"],
      [{ role: "BOARD_MEMBER", board: rowId(fx.boards.Gent!) }, "FORBIDDEN"],
      [{ role: "EXPERT", org: rowId(fx.orgs.Workitects!) }, "FORBIDDEN"],
    ];
    for (const [as, code] of refused) expect(errorOf(await api.exec(CREATE, { input: agreementInput() }, { as })).code).toBe(code);
    expect(errorOf(await api.exec(CREATE, { input: agreementInput() })).code).toBe("UNAUTHENTICATED");
    // Refused before validation: an invalid input tells a stranger nothing.
    expect(errorOf(await api.exec(CREATE, { input: agreementInput({ effortShareBp: 1 }) }, { as: funder() })).code).toBe("FORBIDDEN");

    const byAdmin = await create({}, "ADMIN");
    for (const [as, code] of refused) {
      expect(errorOf(await api.exec(UPDATE, { input: { id: byAdmin.id, title: { nl: "Gekaapt" } } }, { as })).code).toBe(code);
      expect(errorOf(await api.exec(ADD_TRACK, { input: { agreementId: byAdmin.id, number: 1, title: { nl: "Spoor" } } }, { as })).code).toBe(code);
    }
    expect((await read(byAdmin.id)).title).toBe("Addendum investeren in talent 2025-2027");
  });
});

describe("numbers, tracks and actions", () => {
  it("keeps track, action and commitment numbers unique per agreement (commitments per kind)", async () => {
    const { agreement, track, action } = await skeleton();
    const dupTrack = await api.exec(ADD_TRACK, { input: { agreementId: agreement.id, number: 1, title: { nl: "Nog een spoor 1" } } }, { as: CONSULTANT });
    expect(errorOf(dupTrack)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.number" });
    const track2 = (await api.ok(ADD_TRACK, { input: { agreementId: agreement.id, number: 2, title: { nl: "Spoor 2" } } }, { as: CONSULTANT })).addTrack.track;
    // Actions are numbered across the agreement, whatever their track.
    const dupAction = await api.exec(ADD_ACTION, { input: { trackId: track2.id, number: 1, title: { nl: "Nog een actie 1" } } }, { as: CONSULTANT });
    expect(errorOf(dupAction)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.number" });
    const action2 = (await api.ok(ADD_ACTION, { input: { trackId: track2.id, number: 2, title: { nl: "Actie 2" } } }, { as: CONSULTANT })).addAction.action;
    // Renumbering onto a taken number is refused too; keeping one's own number is not a clash.
    expect(errorOf(await api.exec(UPDATE_TRACK, { input: { id: track2.id, number: 1 } }, { as: CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.number" });
    expect(errorOf(await api.exec(UPDATE_ACTION, { input: { id: action2.id, number: 1 } }, { as: CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.number" });
    expect((await api.ok(UPDATE_TRACK, { input: { id: track.id, number: 1, title: { nl: "Projectfonds" } } }, { as: CONSULTANT })).updateTrack.track.number).toBe(1);

    const add = (kind: "EFFORT" | "RESULT", number: number) =>
      api.exec(
        ADD_COMMITMENT,
        { input: { agreementId: agreement.id, kind, number, actionId: kind === "EFFORT" ? action.id : null, description: { nl: `${kind} ${number}` } } },
        { as: CONSULTANT },
      );
    expect((await add("EFFORT", 1)).errors).toBeUndefined();
    expect(errorOf(await add("EFFORT", 1))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.number" });
    expect((await add("RESULT", 1)).errors).toBeUndefined();
    expect(errorOf(await add("RESULT", 1))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.number" });

    // Another agreement numbers its own: the seeded addendum has a track 1 and an action 1 already.
    expect(errorOf(await api.exec(ADD_TRACK, { input: { agreementId: fx.agreementId, number: 1, title: { nl: "x" } } }, { as: CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.number",
    });
    expect((await api.ok(ADD_TRACK, { input: { agreementId: fx.agreementId, number: 6, title: { nl: "Spoor 6" } } }, { as: CONSULTANT })).addTrack.track.number).toBe(6);
    for (const number of [0, 1000]) {
      expect(errorOf(await api.exec(ADD_TRACK, { input: { agreementId: agreement.id, number, title: { nl: "x" } } }, { as: CONSULTANT }))).toMatchObject({
        code: "BAD_USER_INPUT",
        field: "input.number",
      });
    }
  });

  it.runIf(onPostgres)("refuses the second of two concurrent tracks with the same number as BAD_USER_INPUT, not an internal error", async () => {
    const agreement = await create();
    const results = await Promise.all(
      [1, 2, 3].map((i) => api.exec(ADD_TRACK, { input: { agreementId: agreement.id, number: 5, title: { nl: `Spoor ${i}` } } }, { as: CONSULTANT })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => errorOf(r))).toEqual([
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "input.number" }),
      expect.objectContaining({ code: "BAD_USER_INPUT", field: "input.number" }),
    ]);
    expect((await read(agreement.id)).tracks).toHaveLength(1);
  });

  it("edits tracks and actions: moves an action within the agreement, replaces its partners and flags, clears what may be cleared", async () => {
    const { agreement, track, action } = await skeleton();
    const track2 = (await api.ok(ADD_TRACK, { input: { agreementId: agreement.id, number: 2, title: { nl: "Spoor 2" }, description: { nl: "Uitleg" } } }, { as: CONSULTANT }))
      .addTrack.track;
    const cleared = (await api.ok(UPDATE_TRACK, { input: { id: track2.id, description: null } }, { as: CONSULTANT })).updateTrack.track;
    expect(cleared).toMatchObject({ number: 2, title: "Spoor 2", description: null });
    expect(errorOf(await api.exec(UPDATE_TRACK, { input: { id: track2.id, title: null } }, { as: CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });

    const updated = (
      await api.ok(
        UPDATE_ACTION,
        {
          input: {
            id: action.id,
            trackId: track2.id,
            title: { nl: "IAO-trajecten, herzien" },
            description: { nl: "Met een leernetwerk" },
            isNew: true,
            localCooperation: true,
            partnerIds: [fx.orgs.Excello!],
            otherPartners: { nl: "gastbesturen" },
          },
        },
        { as: CONSULTANT },
      )
    ).updateAction.action;
    expect(updated).toMatchObject({
      number: 1,
      title: "IAO-trajecten, herzien",
      description: "Met een leernetwerk",
      isNew: true,
      intersectoral: false,
      localCooperation: true,
      otherPartners: "gastbesturen",
      track: { id: track2.id },
      partners: [{ id: fx.orgs.Excello }],
    });
    // Left out stays; null clears an optional text; an empty list removes the partners.
    const again = (await api.ok(UPDATE_ACTION, { input: { id: action.id, otherPartners: null, partnerIds: [] } }, { as: CONSULTANT })).updateAction.action;
    expect(again).toMatchObject({ title: "IAO-trajecten, herzien", isNew: true, otherPartners: null, partners: [], track: { id: track2.id } });
    const back = await read(agreement.id);
    expect(back.tracks.map((t) => [t.number, t.actions.map((a) => a.number)])).toEqual([
      [1, []],
      [2, [1]],
    ]);
    expect(track.id).not.toBe(track2.id);

    // A track of another agreement, a partner that does not exist, a flag set to null: refused, nothing changed.
    const seeded = await api.ok(graphql(`query EnteringSeededTrack($id: ID!) { fundingAgreement(id: $id) { tracks { id } } }`), { id: fx.agreementId });
    const foreignTrack = seeded.fundingAgreement!.tracks[0]!.id;
    expect(errorOf(await api.exec(UPDATE_ACTION, { input: { id: action.id, trackId: foreignTrack } }, { as: CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.trackId",
    });
    expect(errorOf(await api.exec(UPDATE_ACTION, { input: { id: action.id, partnerIds: [globalId("Organisation", MISSING_UUID)] } }, { as: CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.partnerIds",
    });
    expect(errorOf(await api.exec(ADD_ACTION, { input: { trackId: track.id, number: 7, title: { nl: "x" }, partnerIds: [fx.boards.Gent!] } }, { as: CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.partnerIds.0",
    });
    expect(errorOf(await api.exec(UPDATE_ACTION, { input: { id: action.id, isNew: null } }, { as: CONSULTANT }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.isNew" });
    expect(errorOf(await api.exec(ADD_ACTION, { input: { trackId: globalId("Track", MISSING_UUID), number: 7, title: { nl: "x" } } }, { as: CONSULTANT })).code).toBe("NOT_FOUND");
    expect((await read(agreement.id)).tracks[1]!.actions[0]).toMatchObject({ isNew: true, partners: [], track: { number: 2 } });
    expect(await auditCount("updateAction")).toBe(2);
    expect(await auditCount("updateTrack")).toBe(1);
  });
});

describe("commitments", () => {
  it("ties an effort commitment to an action of its agreement and a result commitment to none, measured by declared metrics", async () => {
    const { agreement, action } = await skeleton();
    const seededAction = fx.actions[1]!;
    const add = (input: Record<string, unknown>) =>
      api.exec(
        ADD_COMMITMENT,
        { input: { agreementId: agreement.id, kind: "EFFORT", number: 1, actionId: action.id, description: { nl: "Verbintenis" }, ...input } },
        { as: CONSULTANT },
      );
    const cases: [string, Record<string, unknown>, string][] = [
      ["an effort commitment without an action", { actionId: null }, "input.actionId"],
      ["an effort commitment on another agreement's action", { actionId: seededAction }, "input.actionId"],
      ["a result commitment with an action", { kind: "RESULT" }, "input.actionId"],
      ["a metric nobody declares", { measures: [{ metric: "made.up", targetValue: 1 }] }, "input.measures.0.metric"],
      ["a negative target", { measures: [{ metric: "iao.departments", targetValue: -1 }] }, "input.measures.0.targetValue"],
      [
        "a metric measured twice",
        {
          measures: [
            { metric: "iao.departments", targetValue: 1 },
            { metric: "iao.departments", targetValue: 2 },
          ],
        },
        "input.measures.1.metric",
      ],
      ["a blank description", { description: { nl: " " } }, "input.description.nl"],
    ];
    for (const [why, input, field] of cases) expect(errorOf(await add(input)), why).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await auditCount("addCommitment")).toBe(0);

    const measured = (await add({ measures: [{ metric: "iao.departments", targetValue: 0 }] })).data!.addCommitment.commitment;
    expect(measured).toMatchObject({ target: { __typename: "MeasuredTarget", measures: [{ metric: { key: "iao.departments" }, comparator: "AT_LEAST", targetValue: 0 }] } });

    // Measures given replace the old ones; none makes it qualitative; left out they stay.
    const replaced = (
      await api.ok(
        UPDATE_COMMITMENT,
        { input: { id: measured.id, number: 4, description: { nl: "Herzien" }, measures: [{ metric: "iao.boardsReached", targetValue: 12 }] } },
        { as: CONSULTANT },
      )
    ).updateCommitment.commitment;
    expect(replaced).toMatchObject({ number: 4, description: "Herzien", target: { measures: [{ metric: { key: "iao.boardsReached" }, targetValue: 12 }] } });
    const kept = (await api.ok(UPDATE_COMMITMENT, { input: { id: measured.id, description: { nl: "Nog eens" } } }, { as: CONSULTANT })).updateCommitment.commitment;
    expect(kept.target).toMatchObject({ __typename: "MeasuredTarget", measures: [{ metric: { key: "iao.boardsReached" } }] });
    const qualitative = (await api.ok(UPDATE_COMMITMENT, { input: { id: measured.id, measures: [] } }, { as: CONSULTANT })).updateCommitment.commitment;
    expect(qualitative.target.__typename).toBe("QualitativeTarget");
    expect(errorOf(await api.exec(UPDATE_COMMITMENT, { input: { id: measured.id, actionId: null } }, { as: CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.actionId",
    });
    expect(errorOf(await api.exec(UPDATE_COMMITMENT, { input: { id: measured.id, actionId: seededAction } }, { as: CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.actionId",
    });
    expect(errorOf(await api.exec(UPDATE_COMMITMENT, { input: { id: measured.id, measures: [{ metric: "nope", targetValue: 1 }] } }, { as: CONSULTANT }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.measures.0.metric",
    });
    expect(await auditCount("updateCommitment")).toBe(3);
  });

  it("removes a commitment nobody has proposed or judged, and refuses once a judgement was proposed or accepted", async () => {
    const { agreement, action } = await skeleton();
    const add = async (number: number) =>
      (
        await api.ok(
          ADD_COMMITMENT,
          { input: { agreementId: agreement.id, kind: "EFFORT", number, actionId: action.id, description: { nl: `Verbintenis ${number}` } } },
          { as: CONSULTANT },
        )
      ).addCommitment.commitment;
    const [first, second, third] = [await add(1), await add(2), await add(3)];

    const removed = (await api.ok(REMOVE_COMMITMENT, { id: first.id }, { as: CONSULTANT })).removeCommitment;
    expect(removed.removedCommitmentId).toBe(first.id);
    expect(removed.agreement.commitments.map((c) => c.id)).toEqual([second.id, third.id]);
    expect(await auditCount("removeCommitment")).toBe(1);
    expect((await events("agreement.changed")).at(-1)!.payload).toMatchObject({ entity: "Commitment", entityId: first.id, operation: "REMOVED" });
    expect(errorOf(await api.exec(REMOVE_COMMITMENT, { id: first.id }, { as: CONSULTANT })).code).toBe("NOT_FOUND");

    await api.ok(PROPOSE, { input: { commitmentId: second.id, status: "JUSTIFIED", evidence: "Verslag van de trajecten" } }, { as: CONSULTANT });
    expect(errorOf(await api.exec(REMOVE_COMMITMENT, { id: second.id }, { as: CONSULTANT }))).toMatchObject({ code: "CONFLICT", field: "id" });
    await api.ok(PROPOSE, { input: { commitmentId: third.id, status: "JUSTIFIED", evidence: "Verslag" } }, { as: CONSULTANT });
    await api.ok(ACCEPT, { input: { commitmentId: third.id } }, { as: funder() });
    expect(errorOf(await api.exec(REMOVE_COMMITMENT, { id: third.id }, { as: CONSULTANT }))).toMatchObject({ code: "CONFLICT", field: "id" });
    // A judged qualitative commitment keeps its kind of target.
    expect(errorOf(await api.exec(UPDATE_COMMITMENT, { input: { id: third.id, measures: [{ metric: "iao.departments", targetValue: 1 }] } }, { as: CONSULTANT }))).toMatchObject({
      code: "CONFLICT",
      field: "input.measures",
    });
    expect((await read(agreement.id)).commitments.map((c) => c.id)).toEqual([second.id, third.id]);
  });
});

describe("editing an agreement", () => {
  it("changes what is given, validates the terms as they will be, clears the account with null and replaces the steering group", async () => {
    const agreement = await create();
    const update = (input: Record<string, unknown>) => api.exec(UPDATE, { input: { id: agreement.id, ...input } }, { as: CONSULTANT });
    // Judged on the values the terms will have, not only on what was sent.
    expect(errorOf(await update({ resultShareBp: 3000 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.resultShareBp" });
    expect(errorOf(await update({ effortShareBp: 7000 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.resultShareBp" });
    expect(errorOf(await update({ periodStart: "2027-07-01" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.periodStart" });
    expect(errorOf(await update({ periodEnd: "2025-06-30" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.periodEnd" });
    // The maximum cannot drop below the overhead ceiling (EUR 20,000 here).
    expect(errorOf(await update({ maxAmount: { cents: 1_999_999, currency: "EUR" } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.maxAmount.cents" });
    expect(errorOf(await update({ title: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
    expect(errorOf(await update({ steeringGroupIds: [globalId("Organisation", MISSING_UUID)] }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.steeringGroupIds" });
    expect(errorOf(await update({ beneficiaryBankAccount: "BE00 0000 0000 0000" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.beneficiaryBankAccount" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: globalId("FundingAgreement", MISSING_UUID), title: { nl: "x" } } }, { as: CONSULTANT }))).toMatchObject({
      code: "NOT_FOUND",
      field: "input.id",
    });
    expect(await auditCount("updateFundingAgreement")).toBe(0);

    const updated = (
      await update({
        title: { nl: "Addendum 2025-2028" },
        periodEnd: "2028-06-30",
        maxAmount: { cents: 60_000_000 },
        effortShareBp: 7000,
        resultShareBp: 3000,
        beneficiaryBankAccount: null,
        steeringGroupIds: [fx.orgs.VSOA!],
      })
    ).data!.updateFundingAgreement.agreement;
    expect(updated).toMatchObject({
      title: "Addendum 2025-2028",
      titleTranslations: { nl: "Addendum 2025-2028", fr: null, en: null },
      periodStart: "2025-07-01",
      periodEnd: "2028-06-30",
      maxAmount: { cents: 60_000_000 },
      effortShareBp: 7000,
      resultShareBp: 3000,
      beneficiaryBankAccount: null,
      overheadCeiling: { cents: 2_000_000 },
      reportingWindowDays: 90,
      steeringGroup: [{ id: fx.orgs.VSOA }],
    });
    expect(await read(agreement.id)).toEqual(updated);
    const log = (await api.ok(AUDIT, { filter: { operation: "updateFundingAgreement" } }, { as: "ADMIN" })).auditLog.edges[0]!.node;
    expect(log.before).toMatchObject({ maxAmountCents: 50_000_000, steeringGroupIds: [rowId(fx.orgs.VVSG!), rowId(fx.orgs.ACV!), rowId(fx.orgs.ACOD!)].sort() });
    expect(log.after).toMatchObject({ maxAmountCents: 60_000_000, steeringGroupIds: [rowId(fx.orgs.VSOA!)] });
  });

  it("locks the maximum, shares, period and commitments once the first invoice is approved, and keeps the rest editable", async () => {
    const id = fx.agreementId;
    const seeded = (await api.ok(SEEDED, { id })).fundingAgreement!;
    const effort = seeded.commitments.find((c) => c.kind === "EFFORT")!;
    const update = (input: Record<string, unknown>) => api.exec(UPDATE, { input: { id, ...input } }, { as: CONSULTANT });

    // A submitted invoice locks nothing.
    const invoice = (
      await api.ok(
        SUBMIT,
        {
          input: {
            agreementId: id,
            actionId: fx.actions[1]!,
            payeeId: fx.orgs.Workitects!,
            reference: "WK-2024-0100",
            amount: { cents: 1_000_000 },
            invoiceDate: "2024-03-31",
            serviceDate: "2024-03-15",
            boardsServedIds: [fx.boards.Gent!],
          },
        },
        { as: { role: "CONSULTANT", sub: "consultant-a" } },
      )
    ).submitInvoice.invoice;
    expect((await update({ maxAmount: { cents: 41_000_000 } })).errors).toBeUndefined();
    expect((await update({ maxAmount: { cents: 40_000_000 } })).errors).toBeUndefined();

    await api.ok(APPROVE, { id: invoice.id }, { as: { role: "CONSULTANT", sub: "consultant-b" } });
    expect((await api.ok(SEEDED, { id })).fundingAgreement!.moneyTermsLocked).toBe(true);

    const locked: [string, Record<string, unknown>, string][] = [
      ["the maximum", { maxAmount: { cents: 41_000_000 } }, "input.maxAmount.cents"],
      ["the shares", { effortShareBp: 6000, resultShareBp: 4000 }, "input.effortShareBp"],
      ["the period's start", { periodStart: "2023-06-01" }, "input.periodStart"],
      ["the period's end", { periodEnd: "2025-12-31" }, "input.periodEnd"],
    ];
    for (const [why, input, field] of locked) expect(errorOf(await update(input)), why).toMatchObject({ code: "CONFLICT", field });
    const addCommitment = await api.exec(ADD_COMMITMENT, { input: { agreementId: id, kind: "RESULT", number: 6, description: { nl: "Een zesde resultaat" } } }, { as: CONSULTANT });
    expect(errorOf(addCommitment)).toMatchObject({ code: "CONFLICT", field: "input.agreementId" });
    expect(errorOf(await api.exec(UPDATE_COMMITMENT, { input: { id: effort.id, description: { nl: "Anders" } } }, { as: CONSULTANT })).code).toBe("CONFLICT");
    expect(errorOf(await api.exec(REMOVE_COMMITMENT, { id: effort.id }, { as: CONSULTANT })).code).toBe("CONFLICT");

    // The same values sent again are no change; the title, account and steering group stay editable.
    const edited = (
      await update({
        title: { nl: "Addendum investeren in talent 2023-2025 (gewijzigd)" },
        maxAmount: { cents: 40_000_000 },
        effortShareBp: 7000,
        resultShareBp: 3000,
        periodStart: "2023-07-01",
        periodEnd: "2025-06-30",
        beneficiaryBankAccount: "BE10091011569604",
        steeringGroupIds: [fx.orgs.VVSG!, fx.orgs.ACV!, fx.orgs.ACOD!, fx.orgs.VSOA!],
      })
    ).data!.updateFundingAgreement.agreement;
    expect(edited).toMatchObject({ title: "Addendum investeren in talent 2023-2025 (gewijzigd)", maxAmount: { cents: 40_000_000 }, beneficiaryBankAccount: "BE10 0910 1156 9604" });
    expect(edited.steeringGroup).toHaveLength(4);
    // Tracks and actions are structure, not money: still editable. The funder's side still sets its terms.
    expect(
      (await api.ok(UPDATE_TRACK, { input: { id: (await read(id)).tracks[0]!.id, description: { nl: "Toelichting" } } }, { as: CONSULTANT })).updateTrack.track.description,
    ).toBe("Toelichting");
    expect((await api.ok(TERMS, { input: { agreementId: id, overheadCeiling: { cents: 1_000_000 } } }, { as: funder() })).setFundingTerms.agreement.overheadCeiling).toEqual({
      cents: 1_000_000,
      currency: "EUR",
    });
    const after = (await api.ok(SEEDED, { id })).fundingAgreement!;
    expect(after).toMatchObject({ maxAmount: { cents: 40_000_000 }, effortShareBp: 7000 });
    expect(after.commitments).toHaveLength(seeded.commitments.length);
  });

  it("lets only the funder's side set the overhead ceiling (within the maximum; null clears it) and the reporting window", async () => {
    const id = fx.agreementId;
    for (const as of [CONSULTANT, "ADMIN" as const, beneficiaryPartner(), { role: "PARTNER" as const, org: rowId(fx.orgs.ACV!) }]) {
      expect(errorOf(await api.exec(TERMS, { input: { agreementId: id, reportingWindowDays: 30 } }, { as })).code).toBe("FORBIDDEN");
    }
    const set = (input: Record<string, unknown>) => api.exec(TERMS, { input: { agreementId: id, ...input } }, { as: funder() });
    expect(errorOf(await set({ overheadCeiling: { cents: 40_000_001 } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.overheadCeiling.cents" });
    expect(errorOf(await set({ overheadCeiling: { cents: -1 } }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.overheadCeiling.cents" });
    expect(errorOf(await set({ reportingWindowDays: 400 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.reportingWindowDays" });
    expect(errorOf(await set({ reportingWindowDays: null }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.reportingWindowDays" });

    expect((await set({ overheadCeiling: { cents: 2_500_000 }, reportingWindowDays: 60 })).data!.setFundingTerms.agreement).toMatchObject({
      overheadCeiling: { cents: 2_500_000, currency: "EUR" },
      reportingWindowDays: 60,
    });
    // Left out, each stays; null clears the ceiling (then no overhead counts).
    expect((await set({ reportingWindowDays: 30 })).data!.setFundingTerms.agreement).toMatchObject({ overheadCeiling: { cents: 2_500_000 }, reportingWindowDays: 30 });
    expect((await set({ overheadCeiling: null })).data!.setFundingTerms.agreement).toMatchObject({ overheadCeiling: null, reportingWindowDays: 30 });

    expect(await auditCount("setFundingTerms")).toBe(3);
    const termsEvents = await events("agreement.termsSet");
    expect(termsEvents.map((e) => e.payload)).toEqual([
      { agreementId: id, overheadCeilingCents: 2_500_000, reportingWindowDays: 60 },
      { agreementId: id, overheadCeilingCents: 2_500_000, reportingWindowDays: 30 },
      { agreementId: id, overheadCeilingCents: null, reportingWindowDays: 30 },
    ]);
    // The funder's side of another agreement is not the funder's side of this one.
    const other = await create({ funderId: fx.orgs.ACV!, beneficiaryId: fx.orgs.VVSG! });
    expect(errorOf(await api.exec(TERMS, { input: { agreementId: other.id, reportingWindowDays: 1 } }, { as: funder() })).code).toBe("FORBIDDEN");
    expect(
      (await api.ok(TERMS, { input: { agreementId: other.id, reportingWindowDays: 1 } }, { as: { role: "PARTNER", org: rowId(fx.orgs.ACV!) } })).setFundingTerms.agreement
        .reportingWindowDays,
    ).toBe(1);
    // The row itself: a cleared ceiling is no ceiling, not a ceiling of zero.
    const [row] = await api.database.db
      .select({ ceiling: fundingAgreements.overheadCeilingCents, window: fundingAgreements.reportingWindowDays })
      .from(fundingAgreements)
      .where(eq(fundingAgreements.id, rowId(id)));
    expect(row).toEqual({ ceiling: null, window: 30 });
  });
});

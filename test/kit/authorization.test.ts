// The authorization matrix (schema/authorization.ts, docs/authorization.md) walked against the
// running API:
// - coverage: every field of Query, Mutation and Subscription has a row, every row names a field
//   the schema has, and every row has a sample operation here;
// - every row's sample runs as each of the matrix's actor variants (anonymous, ADMIN,
//   CONSULTANT, a member of the right board and of another, an EXPERT, a partner of a related
//   organisation and of an unrelated one), and the outcome must be the one the matrix gives;
//   all mismatches are reported together, each naming its row and actor;
// - the other ways to what a row guards follow that row: node(id) of an invoice, a co-financing
//   entry and an audit entry (null when not allowed), the CSV justification report download, and
//   the viewerCan fields (false, or an object the actor cannot see, when not allowed);
// - docs/authorization.md is what `npm run authz:doc` writes now. The walk expects what the
//   policies say now, so a changed grant that the services enforce passes the walk; this check
//   is what names it ("Mutation.approveInvoice as EXPERT: no in the committed matrix, yes now").
//
// Outcomes: denied = an error with code UNAUTHENTICATED (required for anonymous) or FORBIDDEN
// (required for anyone signed in), or, for a row whose note says the field answers null to
// someone not allowed (node, nodes), a null answer. Allowed = data, or a typed error a
// permitted caller can get (BAD_USER_INPUT, NOT_FOUND, CONFLICT): state-changing samples run
// once per actor on the same fixture, so the second allowed actor to approve an invoice meets
// CONFLICT. Any other error (validation of the sample, INTERNAL_SERVER_ERROR) is a broken
// sample and fails the walk, and every row's sample must succeed cleanly for at least one actor,
// so a sample whose fixture is wrong cannot pass as "allowed" on NOT_FOUND alone.
//
// Documents are sent as text (api.execRaw), not as typed `graphql(...)` documents: the walk is a
// table of samples keyed by matrix row, each sent by every actor and only classified, never read
// field by field, so typing buys nothing here; and a typed document exists only once `npm run
// codegen` regenerates the shared test/graphql/, which this file leaves alone (the fixtures use
// execRaw for the same reason). The schema still validates every sample at run time: a sample
// that fails validation fails the walk as broken.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coFinancingEntries, commitments as commitmentsTable } from "../../db/schema/funding.js";
import { laboDocuments, laboProfiles, laboProjects } from "../../db/schema/labolokaal.js";
import { enrolments, trainingSessions } from "../../db/schema/trainings.js";
import { seedDatabase } from "../../db/seed/index.js";
import {
  ACTOR_VARIANTS,
  type ActorVariantKey,
  buildAuthorizationMatrix,
  expectedOutcome,
  type MatrixRow,
  matrixChanges,
  type Outcome,
  renderAuthorizationMarkdown,
} from "../../schema/authorization.js";
import { serveDownload } from "../../schema/downloads.js";
import { signLinkToken } from "../../schema/mentoring/mentor-links.js";
import { type Actor, createTestApi, type TestApi, token } from "../helpers/api.js";
import { type FundingFixture, loadFundingFixture, rowId } from "../helpers/funding.js";
import { applyForBoard, laboThemeId, openLaboCall, startLaboProject } from "../helpers/labolokaal.js";

// graphql as the server loads it. Under vitest, `import "graphql"` here would resolve to its
// .mjs build while @graphql-tools built the app's schema with the CommonJS one, and graphql's
// instanceof checks refuse a schema or type from "another realm"; so the walk takes subscribe,
// parse and GraphQLObjectType from the copy Node's own resolution gives, as the WebSocket server does.
const { GraphQLObjectType, parse, subscribe } = createRequire(import.meta.url)("graphql") as typeof import("graphql");

let api: TestApi;
let fx: Fixtures;

const matrix = buildAuthorizationMatrix();

/** What the walk needs besides the seeded addendum's ids: objects in the states the mutations need. */
interface Fixtures extends FundingFixture {
  /** SUBMITTED, for approveInvoice. */
  invoiceToApprove: string;
  /** APPROVED, for payInvoice. */
  invoiceToPay: string;
  /** SUBMITTED, for rejectInvoice. */
  invoiceToReject: string;
  /** A CHARGE of the board Gent on action 1. */
  coFinancingEntry: string;
  /** Qualitative effort commitments in the states the judgement samples need: open (to propose),
   * proposed (to accept, to refuse, and one left pending for viewerCanJudge), accepted by the
   * funder's side (for who judged it, and one to reopen). */
  qualitativeCommitment: string;
  proposedToAccept: string;
  proposedToRefuse: string;
  pendingCommitment: string;
  judgedCommitment: string;
  acceptedToReopen: string;
  /** An agreement the consultants are entering (period still running), with a track, an action and a commitment. */
  draftAgreement: string;
  draftTrack: string;
  draftAction: string;
  draftCommitment: string;
  /** An overhead cost and a co-financing payment, for the reversal samples. */
  overheadCost: string;
  coFinancingPayment: string;
  /** A SUBMITTED and an APPROVED invoice no sample changes, for the viewerCan probes. */
  submittedInvoice: string;
  approvedInvoice: string;
  /** An audit-log entry, for node(id). */
  auditEntry: string;
  /** A board and an organisation the ADMIN created, for the update mutations. */
  board: string;
  organisation: string;
  /** Trainings: a training with a session to come (taught by an expert of the funder's organisation, a Gent and a Brugge
   * employee on it), one that has started (for attendance), an employee of Gent to change, one to forget, enrolments to cancel and
   * to record. */
  training: string;
  session: string;
  employee: string;
  employeeToForget: string;
  freeEmployee: string;
  enrolmentToCancel: string;
  enrolmentToRecord: string;
  /** The rest of the programme: a leadership trajectory with a session, a participation of Brugge to withdraw,
   * and, on the draft agreement (whose period runs now), a trajectory and a training with a fee, each charged to Gent. */
  trajectory: string;
  trajectorySession: string;
  participationToWithdraw: string;
  paidParticipation: string;
  paidEnrolment: string;
  /** A worktable group of 2026 with meetings: one planned later, one planned in the past (to hold), one to cancel, one held. */
  worktableGroup: string;
  meetingToUpdate: string;
  meetingToHold: string;
  meetingToCancel: string;
  heldMeeting: string;
  learningTool: string;
  profession: string;
  figureToUpdate: string;
  figureToRemove: string;
  /** API keys of the organisation the ADMIN created: one to rotate, one to revoke. */
  apiKeyToRotate: string;
  apiKeyToRevoke: string;
  /** Webhook subscriptions of the organisation the ADMIN created: one to change, pause, resume and replay, one to delete; a delivery of the first. */
  webhookSubscription: string;
  /** One subscription to delete for each actor the walk sends the sample as (a deleted one is NOT_FOUND to the next). */
  webhooksToDelete: string[];
  webhookDelivery: string;
  /** Campaigns: the seeded "Duurzaam werkgeverschap" and its pitches (see campaignFixtures). */
  campaign: CampaignWalkFixtures;
  /** The mentoring directory and the programmes (see mentoringFixtures). */
  mentoring: MentoringWalkFixtures;
  /** LaboLokaal: Gent's project on "Employer branding" with VVSG as its expert (see laboFixtures). */
  labo: LaboWalkFixtures;
}

/**
 * Posts and documents come in pairs: the member's (walk-member of Gent) and the expert's (walk-expert
 * of VVSG), each editing their own; the posts to edit also have an admin's and a consultant's.
 */
interface LaboWalkFixtures {
  theme: string;
  /** Gent's project (its final report submitted), VVSG its expert; Brugge applied to the same call (to review and decide). */
  callWithProject: string;
  project: string;
  /** Gent's second project (on "Combinatiejobs", VVSG its expert), without a final report yet. */
  projectToReport: string;
  applicationToDecide: string;
  /** Open; Gent has not applied. */
  callToApply: string;
  threads: Authored;
  threadsToRemove: { member: string; expert: string };
  replies: Authored;
  repliesToRemove: { member: string; expert: string };
  documentsToConfirm: { member: string; expert: string };
  documentsToRemove: { member: string; expert: string };
  question: string;
}

/** A mentoring project run by VVSG with mentors' registrations in the states the samples need, and a programme phase. */
interface MentoringWalkFixtures {
  project: string;
  /** PENDING with a confirmed address: to decide. */
  registrationToDecide: string;
  /** Signed link tokens of other registrations. */
  confirmToken: string;
  withdrawToken: string;
  programme: string;
  phase: string;
}

/** The seeded campaign (Lier on its sounding board, Mechelen and VVSG on its steering group) and campaigns made for the walk. */
interface CampaignWalkFixtures {
  seeded: string;
  /** Open votes: one to vote on, one with no ballots (a three-way tie) to decide, one with a clear vote to close, one with Lier's ballot. */
  pitchToVote: string;
  pitchToDecide: string;
  pitchToClose: string;
  pitchWithBallot: string;
  /** Two options of the pitch to vote on and of the pitch to decide. */
  voteOptions: string[];
  decideOptions: string[];
  /** A draft result to publish and one to change, and an intermediate one the circle sees. */
  resultToPublish: string;
  resultToUpdate: string;
  /** An intermediate result the circle sees, and Lier's application, for node(id). */
  intermediateResult: string;
  lierApplication: string;
  /** A member of the steering group to remove. */
  steeringMemberToRemove: string;
  /** Open for applications: Gent applied (to update), Brugge applies in the sample. */
  openCampaign: string;
  applicationToUpdate: string;
  /** Open, size 1, Gent and Brugge applied: to confirm. */
  campaignToConfirm: string;
  applicationToSelect: string;
  /** Confirmed (Gent selected), with a sounding-board meeting: Gent's pitch is recorded in the sample. */
  meetingForPitch: string;
  applicationToPitch: string;
}

const FUNDER = "Vlaamse Regering";
const BENEFICIARY = "VVSG";
/** A union in the addendum's steering group (joint management). */
const STEERING = "ACV";
const UNRELATED = "Workitects";

/** Who stands in the relation a conditional grant asks for, on one row. Global ids. */
interface Relation {
  /** What "the right board" and "a related organisation" mean for this row, in words. */
  means: string;
  rightBoard: string;
  otherBoard: string;
  /** A partner of each is walked in the "related organisation" column. */
  relatedOrganisations: string[];
  unrelatedOrganisation: string;
}

interface Sample {
  query: string;
  /** The actor lets a sample pick the object each author owns (a post the actor wrote). */
  variables?: (fx: Fixtures, actor: Actor | null) => Record<string, unknown>;
  /** Runs before the sample is sent as an actor: what a client does between two calls (an upload's PUT). */
  prepare?: (actor: Actor | null) => Promise<void>;
  /** Defaults to the agreement's parties and the board of the co-financing fixture. */
  relation?: (fx: Fixtures) => Relation;
  /** For a protected field that answers null to someone not allowed: reads the answer as allowed or denied. */
  read?: (data: Record<string, any>) => "allowed" | "denied";
}

/** The agreement's parties are related; Gent (the board of the co-financing entry) is the right board. */
const agreementRelation = (fx: Fixtures): Relation => ({
  means: `related: the agreement's funder (${FUNDER}), beneficiary (${BENEFICIARY}) or a steering-group member (${STEERING}); right board: Gent, whose co-financing entry the sample reads`,
  rightBoard: fx.boards.Gent!,
  otherBoard: fx.boards.Brugge!,
  relatedOrganisations: [fx.orgs[FUNDER]!, fx.orgs[BENEFICIARY]!, fx.orgs[STEERING]!],
  unrelatedOrganisation: fx.orgs[UNRELATED]!,
});
/** The expert who teaches the sessions is of the funder's organisation ("walk-expert"); the employees are of Gent. */
const expertRelation = (fx: Fixtures): Relation => ({
  ...agreementRelation(fx),
  means: `related: the organisation of the expert who teaches the session (${FUNDER}); right board: Gent, whose employee attends`,
  relatedOrganisations: [fx.orgs[FUNDER]!],
});
/** The funder's side only: its partners are related; the beneficiary's are not. */
const funderRelation = (fx: Fixtures): Relation => ({
  ...agreementRelation(fx),
  means: `related: the agreement's funder (${FUNDER}); unrelated: its beneficiary (${BENEFICIARY})`,
  relatedOrganisations: [fx.orgs[FUNDER]!],
  unrelatedOrganisation: fx.orgs[BENEFICIARY]!,
});
/** The draft agreement's parties (no steering group); Gent, charged the fees, is the right board. */
const draftRelation = (fx: Fixtures): Relation => ({
  ...agreementRelation(fx),
  means: `related: the draft agreement's funder (${FUNDER}) or beneficiary (${BENEFICIARY}), whose ledger holds the fee; right board: Gent, charged the fee`,
  relatedOrganisations: [fx.orgs[FUNDER]!, fx.orgs[BENEFICIARY]!],
});
const boardRelation = (fx: Fixtures): Relation => ({ ...agreementRelation(fx), means: "right board: the board the sample changes", rightBoard: fx.board });
const organisationRelation = (fx: Fixtures): Relation => ({
  ...agreementRelation(fx),
  means: "related organisation: the organisation the sample changes",
  relatedOrganisations: [fx.organisation],
});

/** The seeded campaign's circle: Lier on its sounding board, VVSG on its steering group; Brugge and Workitects outside it. */
const campaignCircleRelation = (fx: Fixtures): Relation => ({
  means: "right board: Lier, on the seeded campaign's sounding board; related: VVSG, on its steering group; unrelated: Workitects",
  rightBoard: fx.boards.Lier!,
  otherBoard: fx.boards.Brugge!,
  relatedOrganisations: [fx.orgs[BENEFICIARY]!],
  unrelatedOrganisation: fx.orgs[UNRELATED]!,
});
/** The seeded campaign's steering group: Mechelen and VVSG. */
const steeringRelation = (fx: Fixtures): Relation => ({
  ...campaignCircleRelation(fx),
  means: "right board: Mechelen, on the seeded campaign's steering group; related: VVSG, on it too; unrelated: Workitects",
  rightBoard: fx.boards.Mechelen!,
});
/** The walk's mentoring project is VVSG's: its partners and experts run it; Workitects is unrelated. */
const mentoringRelation = (fx: Fixtures): Relation => ({
  ...agreementRelation(fx),
  means: `related: ${BENEFICIARY}, whose mentoring project (or company) the sample touches; unrelated: ${UNRELATED}`,
  relatedOrganisations: [fx.orgs[BENEFICIARY]!],
});
/** LaboLokaal's walk project: Gent participates in "Employer branding" with VVSG as its expert; Lier takes part in nothing. */
const laboRelation = (fx: Fixtures): Relation => ({
  ...agreementRelation(fx),
  means: `right board: Gent, whose project is on the theme; related: ${BENEFICIARY}, the project's expert; other board: Lier; unrelated: ${UNRELATED}`,
  otherBoard: fx.boards.Lier!,
  relatedOrganisations: [fx.orgs[BENEFICIARY]!],
});
/** One post each of the walk's member and expert, and (for the posts to edit) of its admin and consultant. */
interface Authored {
  member: string;
  expert: string;
  admin?: string;
  consultant?: string;
}
/** The actor's own post or document: each author edits their own; the others try the member's. */
const ownOf = (posts: Authored, actor: Actor | null) =>
  (actor?.role === "EXPERT" ? posts.expert : actor?.role === "ADMIN" ? posts.admin : actor?.role === "CONSULTANT" ? posts.consultant : undefined) ?? posts.member;
/** A board's own application: Gent's (or Brugge's, applying in the sample). */
const applicantRelation =
  (board: "Gent" | "Brugge") =>
  (fx: Fixtures): Relation => ({
    ...agreementRelation(fx),
    means: `right board: ${board}, whose application the sample touches`,
    rightBoard: fx.boards[board]!,
    otherBoard: fx.boards.Lier!,
  });

const invoiceInput = (fx: FundingFixture, reference: string) => ({
  agreementId: fx.agreementId,
  actionId: fx.actions[1]!,
  payeeId: fx.orgs[UNRELATED]!,
  reference,
  description: "Walk of the authorization matrix",
  amount: { cents: 100_000, currency: "EUR" },
  invoiceDate: "2024-03-15",
  serviceDate: "2024-03-15",
  boardsServedIds: [fx.boards.Gent!],
});

/** One sample per row of the matrix, by field. */
const SAMPLES: Record<string, Sample> = {
  // base
  "Query.node": { query: "query WalkNode($id: ID!) { node(id: $id) { __typename id } }", variables: (fx) => ({ id: fx.boards.Gent }) },
  "Query.nodes": {
    query: "query WalkNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }",
    variables: (fx) => ({ ids: [fx.boards.Gent, fx.orgs[FUNDER], fx.agreementId, fx.actions[1]] }),
  },
  "Query.viewer": { query: "query WalkViewer { viewer { role subject locale } }" },
  // organisations
  "Query.organisations": { query: "query WalkOrganisations { organisations(first: 3) { totalCount edges { node { id name } } } }" },
  "Query.organisation": { query: "query WalkOrganisation($id: ID!) { organisation(id: $id) { id name } }", variables: (fx) => ({ id: fx.orgs[UNRELATED] }) },
  "Mutation.createOrganisation": {
    query: 'mutation WalkCreateOrganisation { createOrganisation(input: { name: { nl: "Walk vzw" }, kind: NON_PROFIT }) { organisation { id } } }',
  },
  "Mutation.updateOrganisation": {
    query: 'mutation WalkUpdateOrganisation($id: ID!) { updateOrganisation(input: { id: $id, website: "https://walk.example" }) { organisation { id website } } }',
    variables: (fx) => ({ id: fx.organisation }),
    relation: organisationRelation,
  },
  // boards
  "Query.boards": { query: "query WalkBoards { boards(first: 3) { totalCount edges { node { id name } } } }" },
  "Query.board": { query: "query WalkBoard($id: ID!) { board(id: $id) { id name } }", variables: (fx) => ({ id: fx.boards.Gent }) },
  "Mutation.createBoard": {
    query: 'mutation WalkCreateBoard { createBoard(input: { name: "Walkzone Noord", kind: POLICE_ZONE, province: LIMBURG, population: 10 }) { board { id } } }',
  },
  "Mutation.updateBoard": {
    query: "mutation WalkUpdateBoard($id: ID!) { updateBoard(input: { id: $id, population: 12 }) { board { id population } } }",
    variables: (fx) => ({ id: fx.board }),
    relation: boardRelation,
  },
  "Subscription.boardChanged": { query: "subscription WalkBoardChanged { boardChanged { id name } }" },
  "Subscription.campaignResultPublished": { query: "subscription WalkResultPublished { campaignResultPublished { id status } }" },
  "Subscription.campaignResultChanged": { query: "subscription WalkResultChanged { campaignResultChanged { id status } }" },
  // audit
  "Query.auditLog": { query: "query WalkAuditLog { auditLog(first: 1) { totalCount edges { node { operation } } } }" },
  "QualitativeTarget.judgedBy": {
    query: "query WalkJudgedBy($id: ID!) { node(id: $id) { ... on Commitment { target { ... on QualitativeTarget { judgedBy judgedAt } } } } }",
    variables: (fx) => ({ id: fx.judgedCommitment }),
    read: (data) => (data.node?.target?.judgedBy ? "allowed" : "denied"),
  },
  "JudgementStep.actorSubject": {
    query: "query WalkStepActor($id: ID!) { node(id: $id) { ... on Commitment { target { ... on QualitativeTarget { history { action actorRole actorSubject } } } } } }",
    variables: (fx) => ({ id: fx.judgedCommitment }),
    read: (data) => {
      const history = data.node?.target?.history ?? [];
      return history.length && history.every((s: { actorSubject: string | null }) => s.actorSubject) ? "allowed" : "denied";
    },
  },
  "InvoiceTransition.actorSubject": {
    query: "query WalkActorSubject($id: ID!) { node(id: $id) { ... on Invoice { history { actorRole actorSubject } } } }",
    variables: (fx) => ({ id: fx.approvedInvoice }),
    read: (data) => (data.node?.history?.length && data.node.history.every((t: { actorSubject: string | null }) => t.actorSubject) ? "allowed" : "denied"),
  },
  // trainings
  "Query.trainings": { query: "query WalkTrainings { trainings(first: 3) { totalCount edges { node { id title } } } }" },
  "Query.training": { query: "query WalkTraining($id: ID!) { training(id: $id) { id title } }", variables: (fx) => ({ id: fx.training }) },
  "Query.trainingSessions": { query: "query WalkSessions { trainingSessions(first: 3) { totalCount edges { node { id freePlaces } } } }" },
  "Query.employees": {
    query: "query WalkEmployees($boardId: ID) { employees(boardId: $boardId, first: 3) { totalCount edges { node { id displayName } } } }",
    variables: (fx) => ({ boardId: fx.boards.Gent }),
  },
  "Query.reach": { query: 'query WalkReach { reach(period: { start: "2023-07-01", end: "2025-06-30" }) { employees byFormat { format employees } } }' },
  "TrainingSession.enrolments": {
    query: "query WalkSessionEnrolments($id: ID!) { node(id: $id) { ... on TrainingSession { enrolments { id employee { board { name } } } } } }",
    variables: (fx) => ({ id: fx.session }),
    // Allowed means every participant, of both boards; a board member's own board's alone is not.
    read: (data) => {
      const boardsSeen = new Set((data.node?.enrolments ?? []).map((e: { employee: { board: { name: string } } }) => e.employee.board.name));
      return boardsSeen.has("Gent") && boardsSeen.has("Brugge") ? "allowed" : "denied";
    },
  },
  "Mutation.createTraining": {
    query: 'mutation WalkCreateTraining { createTraining(input: { title: { nl: "Walk-opleiding" }, topic: "walk", format: OPEN }) { training { id } } }',
  },
  "Mutation.updateTraining": {
    query: 'mutation WalkUpdateTraining($id: ID!) { updateTraining(input: { id: $id, audience: "leidinggevenden" }) { training { id } } }',
    variables: (fx) => ({ id: fx.training }),
  },
  "Mutation.createTrainingSession": {
    query:
      'mutation WalkCreateSession($id: ID!) { createTrainingSession(input: { trainingId: $id, startsAt: "2031-03-01T09:00:00Z", endsAt: "2031-03-01T12:00:00Z", online: true, capacity: 5 }) { session { id } } }',
    variables: (fx) => ({ id: fx.training }),
  },
  "Mutation.updateTrainingSession": {
    query: "mutation WalkUpdateSession($id: ID!) { updateTrainingSession(input: { id: $id, capacity: 12 }) { session { id capacity } } }",
    variables: (fx) => ({ id: fx.session }),
  },
  "Mutation.createEmployee": {
    query: 'mutation WalkCreateEmployee($boardId: ID!) { createEmployee(input: { boardId: $boardId, displayName: "Walk Medewerker" }) { employee { id } } }',
    variables: (fx) => ({ boardId: fx.boards.Gent }),
  },
  "Mutation.updateEmployee": {
    query: 'mutation WalkUpdateEmployee($id: ID!) { updateEmployee(input: { id: $id, job: "maatschappelijk werker" }) { employee { id } } }',
    variables: (fx) => ({ id: fx.employee }),
  },
  "Mutation.forgetEmployee": {
    query: "mutation WalkForgetEmployee($id: ID!) { forgetEmployee(id: $id) { employee { id forgotten } } }",
    variables: (fx) => ({ id: fx.employeeToForget }),
  },
  "Mutation.enrol": {
    query: "mutation WalkEnrol($input: EnrolInput!) { enrol(input: $input) { enrolment { id status } } }",
    variables: (fx) => ({ input: { sessionId: fx.session, employeeId: fx.freeEmployee } }),
  },
  "Mutation.cancelEnrolment": {
    query: "mutation WalkCancelEnrolment($id: ID!) { cancelEnrolment(id: $id) { enrolment { id status } } }",
    variables: (fx) => ({ id: fx.enrolmentToCancel }),
  },
  "Mutation.recordAttendance": {
    query: "mutation WalkRecordAttendance($input: RecordAttendanceInput!) { recordAttendance(input: $input) { enrolment { id status } } }",
    variables: (fx) => ({ input: { enrolmentId: fx.enrolmentToRecord, attended: true } }),
    relation: expertRelation,
  },
  "Query.trajectories": { query: "query WalkTrajectories { trajectories(first: 3) { totalCount edges { node { id kind targetLevels } } } }" },
  "Query.trajectory": { query: "query WalkTrajectory($id: ID!) { trajectory(id: $id) { id title } }", variables: (fx) => ({ id: fx.trajectory }) },
  "TrajectoryParticipation.feeCharge": {
    query: "query WalkParticipationFee($id: ID!) { node(id: $id) { ... on TrajectoryParticipation { feeCharge { id amount { cents } } } } }",
    variables: (fx) => ({ id: fx.paidParticipation }),
    relation: draftRelation,
    read: (data) => (data.node?.feeCharge ? "allowed" : "denied"),
  },
  "Enrolment.feeCharge": {
    query: "query WalkEnrolmentFee($id: ID!) { node(id: $id) { ... on Enrolment { feeCharge { id amount { cents } } } } }",
    variables: (fx) => ({ id: fx.paidEnrolment }),
    relation: draftRelation,
    // Who may not see the enrolment gets null for the node itself: denied too.
    read: (data) => (data.node?.feeCharge ? "allowed" : "denied"),
  },
  "Mutation.createTrajectory": {
    query:
      'mutation WalkCreateTrajectory { createTrajectory(input: { kind: LEADERSHIP, title: { nl: "Walk-leiderschap" }, targetLevels: [FOREMAN], offeredFrom: "2026-01-01" }) { trajectory { id } } }',
  },
  "Mutation.updateTrajectory": {
    query: 'mutation WalkUpdateTrajectory($id: ID!) { updateTrajectory(input: { id: $id, approach: "intervisie" }) { trajectory { id } } }',
    variables: (fx) => ({ id: fx.trajectory }),
  },
  "Mutation.joinTrajectory": {
    query: "mutation WalkJoinTrajectory($input: JoinTrajectoryInput!) { joinTrajectory(input: $input) { participation { id } } }",
    variables: (fx) => ({ input: { trajectoryId: fx.trajectory, boardId: fx.boards.Gent, joinedOn: "2026-02-01" } }),
  },
  "Mutation.withdrawFromTrajectory": {
    query: "mutation WalkWithdraw($input: WithdrawFromTrajectoryInput!) { withdrawFromTrajectory(input: $input) { participation { id withdrawnOn } } }",
    variables: (fx) => ({ input: { participationId: fx.participationToWithdraw, withdrawnOn: "2026-06-01" } }),
  },
  "Mutation.createTrajectorySession": {
    query:
      'mutation WalkCreateTrajectorySession($id: ID!) { createTrajectorySession(input: { trajectoryId: $id, startsAt: "2031-02-01T09:00:00Z", endsAt: "2031-02-01T12:00:00Z", online: true }) { session { id } } }',
    variables: (fx) => ({ id: fx.trajectory }),
  },
  "Mutation.updateTrajectorySession": {
    query: 'mutation WalkUpdateTrajectorySession($id: ID!) { updateTrajectorySession(input: { id: $id, place: "Walkzaal" }) { session { id } } }',
    variables: (fx) => ({ id: fx.trajectorySession }),
  },
  "Query.worktableGroups": { query: "query WalkWorktableGroups { worktableGroups(first: 3) { totalCount edges { node { id year meetings { id } } } } }" },
  "Query.worktableMeetings": { query: "query WalkWorktableMeetings { worktableMeetings(first: 3) { totalCount edges { node { id status attendingBoards { id } } } } }" },
  "Query.worktableMeetingsHeld": { query: 'query WalkWorktableTally { worktableMeetingsHeld(period: { start: "2026-01-01", end: "2026-12-31" }) { held byYear { year count } } }' },
  "Mutation.createWorktableGroup": {
    query: 'mutation WalkCreateWorktableGroup { createWorktableGroup(input: { title: { nl: "Walk-werktafel" }, province: LIMBURG, year: 2027 }) { group { id } } }',
  },
  "Mutation.updateWorktableGroup": {
    query: 'mutation WalkUpdateWorktableGroup($id: ID!) { updateWorktableGroup(input: { id: $id, title: { nl: "Walk-werktafel Gent, herzien" } }) { group { id } } }',
    variables: (fx) => ({ id: fx.worktableGroup }),
  },
  "Mutation.planWorktableMeeting": {
    query: 'mutation WalkPlanMeeting($id: ID!) { planWorktableMeeting(input: { groupId: $id, date: "2026-12-20" }) { meeting { id } } }',
    variables: (fx) => ({ id: fx.worktableGroup }),
  },
  "Mutation.updateWorktableMeeting": {
    query: 'mutation WalkUpdateMeeting($id: ID!) { updateWorktableMeeting(input: { id: $id, date: "2026-12-16" }) { meeting { id } } }',
    variables: (fx) => ({ id: fx.meetingToUpdate }),
  },
  "Mutation.recordWorktableMeetingHeld": {
    query: "mutation WalkHoldMeeting($input: RecordWorktableMeetingHeldInput!) { recordWorktableMeetingHeld(input: $input) { meeting { id status } } }",
    variables: (fx) => ({ input: { id: fx.meetingToHold, attendingBoardIds: [fx.boards.Gent, fx.boards.Brugge] } }),
  },
  "Mutation.cancelWorktableMeeting": {
    query: "mutation WalkCancelMeeting($id: ID!) { cancelWorktableMeeting(id: $id) { meeting { id status } } }",
    variables: (fx) => ({ id: fx.meetingToCancel }),
  },
  "Mutation.sendWorktableMaterial": {
    query: 'mutation WalkSendMaterial($id: ID!) { sendWorktableMaterial(input: { id: $id, material: "Verslag en instrumenten" }) { meeting { id materialSentAt } } }',
    variables: (fx) => ({ id: fx.heldMeeting }),
  },
  "Query.learningTools": { query: "query WalkLearningTools { learningTools(first: 3) { totalCount edges { node { id published } } } }" },
  "Query.professions": { query: "query WalkProfessions { professions(first: 3) { totalCount edges { node { id category } } } }" },
  "Query.publishedLearningTools": { query: "query WalkPublishedTools { publishedLearningTools(first: 3) { totalCount edges { node { id published } } } }" },
  "Query.publishedProfessions": { query: "query WalkPublishedProfessions { publishedProfessions(first: 3) { totalCount edges { node { id category } } } }" },
  "Mutation.createLearningTool": {
    query:
      'mutation WalkCreateTool { createLearningTool(input: { title: { nl: "Walk-instrument" }, kind: INSTRUMENT, link: "https://example.org/walk", publishedFrom: "2026-01-01" }) { tool { id } } }',
  },
  "Mutation.updateLearningTool": {
    query: 'mutation WalkUpdateTool($id: ID!) { updateLearningTool(input: { id: $id, link: "https://example.org/walk-2" }) { tool { id } } }',
    variables: (fx) => ({ id: fx.learningTool }),
  },
  "Mutation.createProfession": {
    query: 'mutation WalkCreateProfession { createProfession(input: { title: { nl: "Walk-beroep" }, category: CARE, publishedFrom: "2026-01-01" }) { profession { id } } }',
  },
  "Mutation.updateProfession": {
    query: "mutation WalkUpdateProfession($id: ID!) { updateProfession(input: { id: $id, shortageOccupation: true }) { profession { id } } }",
    variables: (fx) => ({ id: fx.profession }),
  },
  "Query.communicationFigures": { query: "query WalkFigures { communicationFigures(first: 3) { totalCount edges { node { id audience } } } }" },
  "Query.communicationReach": {
    query: 'query WalkCommunicationReach { communicationReach(period: { start: "2023-07-01", end: "2025-06-30" }) { channels { channel growthBasisPoints } } }',
  },
  "Mutation.recordCommunicationFigure": {
    query:
      'mutation WalkRecordFigure { recordCommunicationFigure(input: { channel: WEBSITE, start: "2024-01-01", end: "2024-01-31", audience: 1200, source: "Google Analytics" }) { figure { id } } }',
  },
  "Mutation.updateCommunicationFigure": {
    query: "mutation WalkUpdateFigure($id: ID!) { updateCommunicationFigure(input: { id: $id, audience: 910 }) { figure { id } } }",
    variables: (fx) => ({ id: fx.figureToUpdate }),
  },
  "Mutation.removeCommunicationFigure": {
    query: "mutation WalkRemoveFigure($id: ID!) { removeCommunicationFigure(id: $id) { removedId } }",
    variables: (fx) => ({ id: fx.figureToRemove }),
  },
  // partners
  "Query.apiKeys": {
    query: "query WalkApiKeys($id: ID!) { apiKeys(organisationId: $id, first: 1) { totalCount edges { node { id prefix } } } }",
    variables: (fx) => ({ id: fx.organisation }),
    relation: organisationRelation,
  },
  "Mutation.createApiKey": {
    query: 'mutation WalkCreateApiKey($id: ID!) { createApiKey(input: { organisationId: $id, name: "Walk" }) { apiKey { id } } }',
    variables: (fx) => ({ id: fx.organisation }),
    relation: organisationRelation,
  },
  "Mutation.rotateApiKey": {
    query: "mutation WalkRotateApiKey($id: ID!) { rotateApiKey(input: { id: $id, overlapHours: 0 }) { apiKey { id } } }",
    variables: (fx) => ({ id: fx.apiKeyToRotate }),
    relation: organisationRelation,
  },
  "Mutation.revokeApiKey": {
    query: "mutation WalkRevokeApiKey($id: ID!) { revokeApiKey(id: $id) { apiKey { id revokedAt } } }",
    variables: (fx) => ({ id: fx.apiKeyToRevoke }),
    relation: organisationRelation,
  },
  "Query.webhookSubscriptions": {
    query:
      "query WalkWebhookSubscriptions($id: ID!) { webhookSubscriptions(organisationId: $id, first: 1) { totalCount edges { node { id lastDeliveries(first: 2) { id attempts { statusCode } } } } } }",
    variables: (fx) => ({ id: fx.organisation }),
    relation: organisationRelation,
  },
  "Query.webhookDeliveries": {
    query: "query WalkWebhookDeliveries($id: ID!) { webhookDeliveries(subscriptionId: $id, first: 1) { totalCount edges { node { id attempts { statusCode } } } } }",
    variables: (fx) => ({ id: fx.webhookSubscription }),
    relation: organisationRelation,
  },
  "Mutation.createWebhookSubscription": {
    query:
      'mutation WalkCreateWebhook($id: ID!) { createWebhookSubscription(input: { organisationId: $id, url: "https://walk.example.org/hook", events: ["campaign.result.published"] }) { subscription { id } } }',
    variables: (fx) => ({ id: fx.organisation }),
    relation: organisationRelation,
  },
  "Mutation.updateWebhookSubscription": {
    query: 'mutation WalkUpdateWebhook($id: ID!) { updateWebhookSubscription(input: { id: $id, url: "https://walk.example.org/other" }) { subscription { id } } }',
    variables: (fx) => ({ id: fx.webhookSubscription }),
    relation: organisationRelation,
  },
  "Mutation.pauseWebhookSubscription": {
    query: "mutation WalkPauseWebhook($id: ID!) { pauseWebhookSubscription(id: $id) { subscription { id status } } }",
    variables: (fx) => ({ id: fx.webhookSubscription }),
    relation: organisationRelation,
  },
  "Mutation.resumeWebhookSubscription": {
    query: "mutation WalkResumeWebhook($id: ID!) { resumeWebhookSubscription(id: $id) { subscription { id status } } }",
    variables: (fx) => ({ id: fx.webhookSubscription }),
    relation: organisationRelation,
  },
  "Mutation.deleteWebhookSubscription": {
    query: "mutation WalkDeleteWebhook($id: ID!) { deleteWebhookSubscription(id: $id) { deletedId } }",
    variables: (fx) => ({ id: fx.webhooksToDelete.shift() }),
    relation: organisationRelation,
  },
  "Mutation.rotateWebhookSecret": {
    query: "mutation WalkRotateWebhookSecret($id: ID!) { rotateWebhookSecret(input: { id: $id, overlapHours: 0 }) { subscription { id } } }",
    variables: (fx) => ({ id: fx.webhookSubscription }),
    relation: organisationRelation,
  },
  "Mutation.redeliverWebhook": {
    query: "mutation WalkRedeliverWebhook($id: ID!) { redeliverWebhook(deliveryId: $id) { delivery { id status } } }",
    variables: (fx) => ({ id: fx.webhookDelivery }),
    relation: organisationRelation,
  },
  "Mutation.replayWebhookEvents": {
    query: "mutation WalkReplayWebhooks($id: ID!, $since: DateTime!) { replayWebhookEvents(input: { subscriptionId: $id, since: $since }) { queued } }",
    variables: (fx) => ({ id: fx.webhookSubscription, since: new Date(Date.now() - 3_600_000).toISOString() }),
    relation: organisationRelation,
  },
  "Mutation.sendTestWebhookEvent": {
    query: "mutation WalkSendTestWebhook($id: ID!) { sendTestWebhookEvent(subscriptionId: $id) { delivery { id event } } }",
    variables: (fx) => ({ id: fx.webhookSubscription }),
    relation: organisationRelation,
  },
  // campaigns
  "Query.campaigns": {
    query: "query WalkCampaigns { campaigns(first: 3) { totalCount edges { node { id status selectedBoards { board { id } } soundingBoard { id } meetings { id } } } } }",
  },
  "Query.selectionProposal": {
    query: "query WalkProposal($id: ID!) { selectionProposal(campaignId: $id) { diversity boards { board { id } reasons } } }",
    variables: (fx) => ({ id: fx.campaign.seeded }),
  },
  "Query.campaignResults": {
    query: "query WalkCampaignResults { campaignResults(first: 5, filter: { status: INTERMEDIATE }) { totalCount edges { node { id status } } } }",
    relation: campaignCircleRelation,
    read: (data) => (data.campaignResults.totalCount > 0 ? "allowed" : "denied"),
  },
  "Query.publishedCampaignResults": { query: "query WalkPublishedResults { publishedCampaignResults(first: 5) { totalCount edges { node { id status } } } }" },
  "Campaign.applications": {
    query: "query WalkCampaignApplications($id: ID!) { node(id: $id) { ... on Campaign { applications { totalCount edges { node { id motivationScore } } } } } }",
    variables: (fx) => ({ id: fx.campaign.seeded }),
    relation: campaignCircleRelation,
    read: (data) => (data.node.applications.totalCount > 0 ? "allowed" : "denied"),
  },
  "Campaign.results": {
    query: "query WalkCampaignResultsOf($id: ID!) { node(id: $id) { ... on Campaign { results(filter: { status: INTERMEDIATE }) { totalCount edges { node { id } } } } } }",
    variables: (fx) => ({ id: fx.campaign.seeded }),
    relation: campaignCircleRelation,
    read: (data) => (data.node.results.totalCount > 0 ? "allowed" : "denied"),
  },
  "Pitch.ballotCount": {
    query: "query WalkBallotCount($id: ID!) { node(id: $id) { ... on Pitch { voteStatus ballotCount } } }",
    variables: (fx) => ({ id: fx.campaign.pitchWithBallot }),
    relation: campaignCircleRelation,
    read: (data) => (data.node.ballotCount === null ? "denied" : "allowed"),
  },
  "PitchOption.votes": {
    query: "query WalkOptionVotes($id: ID!) { node(id: $id) { ... on Pitch { options { votes } } } }",
    variables: (fx) => ({ id: fx.campaign.pitchWithBallot }),
    relation: campaignCircleRelation,
    read: (data) => (data.node.options.every((o: { votes: number | null }) => o.votes !== null) ? "allowed" : "denied"),
  },
  "Mutation.createCampaign": {
    query: 'mutation WalkCreateCampaign { createCampaign(input: { title: { nl: "Walk: nieuwe campagne" }, themes: ["Walk-thema"], selectionSize: 3 }) { campaign { id } } }',
  },
  "Mutation.updateCampaign": {
    query: 'mutation WalkUpdateCampaign($id: ID!) { updateCampaign(input: { id: $id, focus: { nl: "Walk-focus" } }) { campaign { id } } }',
    variables: (fx) => ({ id: fx.campaign.openCampaign }),
  },
  "Mutation.applyToCampaign": {
    query: "mutation WalkApply($campaignId: ID!, $boardId: ID!) { applyToCampaign(input: { campaignId: $campaignId, boardId: $boardId }) { application { id } } }",
    variables: (fx) => ({ campaignId: fx.campaign.openCampaign, boardId: fx.boards.Brugge }),
    relation: applicantRelation("Brugge"),
  },
  "Mutation.updateCampaignApplication": {
    query: 'mutation WalkUpdateApplication($id: ID!) { updateCampaignApplication(input: { id: $id, objectives: "Walk-doelen" }) { application { id } } }',
    variables: (fx) => ({ id: fx.campaign.applicationToUpdate }),
    relation: applicantRelation("Gent"),
  },
  "Mutation.confirmSelection": {
    query:
      'mutation WalkConfirm($campaignId: ID!, $applicationId: ID!) { confirmSelection(input: { campaignId: $campaignId, selections: [{ applicationId: $applicationId, theme: "Walk-thema" }] }) { campaign { id } } }',
    variables: (fx) => ({ campaignId: fx.campaign.campaignToConfirm, applicationId: fx.campaign.applicationToSelect }),
  },
  "Mutation.addSteeringGroupMember": {
    query:
      "mutation WalkAddSteering($campaignId: ID!, $organisationId: ID!) { addSteeringGroupMember(input: { campaignId: $campaignId, organisationId: $organisationId }) { member { id } } }",
    // ACV: neither in the campaign relations' organisations nor unrelated in them, so adding it changes no other probe.
    variables: (fx) => ({ campaignId: fx.campaign.seeded, organisationId: fx.orgs[STEERING] }),
  },
  "Mutation.removeSteeringGroupMember": {
    query: "mutation WalkRemoveSteering($id: ID!) { removeSteeringGroupMember(id: $id) { removedId } }",
    variables: (fx) => ({ id: fx.campaign.steeringMemberToRemove }),
  },
  "Mutation.planCampaignMeeting": {
    query: 'mutation WalkPlanCampaignMeeting($id: ID!) { planCampaignMeeting(input: { campaignId: $id, kind: STEERING_GROUP, heldOn: "2027-02-01" }) { meeting { id } } }',
    variables: (fx) => ({ id: fx.campaign.seeded }),
  },
  "Mutation.recordPitch": {
    query:
      'mutation WalkRecordPitch($meetingId: ID!, $applicationId: ID!) { recordPitch(input: { meetingId: $meetingId, applicationId: $applicationId, options: [{ kind: INSTRUMENT, title: { nl: "Walk 1" } }, { kind: INSTRUMENT, title: { nl: "Walk 2" } }, { kind: TEMPLATE, title: { nl: "Walk 3" } }] }) { pitch { id } } }',
    variables: (fx) => ({ meetingId: fx.campaign.meetingForPitch, applicationId: fx.campaign.applicationToPitch }),
  },
  "Mutation.castBallot": {
    query:
      "mutation WalkCastBallot($pitchId: ID!, $boardId: ID!, $optionIds: [ID!]!) { castBallot(input: { pitchId: $pitchId, boardId: $boardId, optionIds: $optionIds }) { pitch { id } } }",
    variables: (fx) => ({ pitchId: fx.campaign.pitchToVote, boardId: fx.boards.Lier, optionIds: fx.campaign.voteOptions }),
    relation: campaignCircleRelation,
  },
  "Mutation.recordTieDecision": {
    query: "mutation WalkTie($pitchId: ID!, $keptOptionIds: [ID!]!) { recordTieDecision(input: { pitchId: $pitchId, keptOptionIds: $keptOptionIds }) { pitch { id } } }",
    variables: (fx) => ({ pitchId: fx.campaign.pitchToDecide, keptOptionIds: fx.campaign.decideOptions }),
    relation: steeringRelation,
  },
  "Mutation.closeVote": {
    query: "mutation WalkCloseVote($id: ID!) { closeVote(pitchId: $id) { results { id } } }",
    variables: (fx) => ({ id: fx.campaign.pitchToClose }),
  },
  "Mutation.createCampaignResult": {
    query:
      'mutation WalkCreateResult($id: ID!, $theme: String!) { createCampaignResult(input: { campaignId: $id, kind: TEMPLATE, title: { nl: "Walk-sjabloon" }, theme: $theme }) { result { id } } }',
    variables: (fx) => ({ id: fx.campaign.seeded, theme: "Aanwerving en selectie" }),
  },
  "Mutation.updateCampaignResult": {
    query: 'mutation WalkUpdateResult($id: ID!) { updateCampaignResult(input: { id: $id, link: "https://walk.example/result" }) { result { id } } }',
    variables: (fx) => ({ id: fx.campaign.resultToUpdate }),
  },
  "Mutation.publishResult": {
    query: "mutation WalkPublishResult($id: ID!) { publishResult(input: { resultId: $id, status: INTERMEDIATE }) { result { id status } } }",
    variables: (fx) => ({ id: fx.campaign.resultToPublish }),
  },
  // funding
  "Query.fundingAgreements": { query: "query WalkAgreements { fundingAgreements { totalCount edges { node { id title tracks { number } commitments { number met } } } } }" },
  "Query.fundingAgreement": { query: "query WalkAgreement($id: ID!) { fundingAgreement(id: $id) { id title funder { name } } }", variables: (fx) => ({ id: fx.agreementId }) },
  "FundingAgreement.invoices": {
    query: "query WalkInvoices($id: ID!) { fundingAgreement(id: $id) { invoices(first: 5) { totalCount edges { node { id status } } } } }",
    variables: (fx) => ({ id: fx.agreementId }),
  },
  "FundingAgreement.settlement": {
    query: "query WalkSettlement($id: ID!) { fundingAgreement(id: $id) { settlement { payable { cents } cappedBy } } }",
    variables: (fx) => ({ id: fx.agreementId }),
  },
  "FundingAgreement.budget": {
    query: "query WalkBudget($id: ID!) { fundingAgreement(id: $id) { budget { total { approved { cents } } } } }",
    variables: (fx) => ({ id: fx.agreementId }),
  },
  "FundingAgreement.justificationReport": {
    query: "query WalkReport($id: ID!) { fundingAgreement(id: $id) { justificationReport { filename contentType } } }",
    variables: (fx) => ({ id: fx.agreementId }),
  },
  "FundingAgreement.coFinancing": {
    query:
      "query WalkCoFinancing($id: ID!, $boardId: ID) { fundingAgreement(id: $id) { coFinancing(boardId: $boardId) { entries(first: 5) { edges { node { id } } } totals { charged { cents } } } } }",
    variables: (fx) => ({ id: fx.agreementId, boardId: fx.boards.Gent }),
  },
  "Mutation.submitInvoice": {
    query: "mutation WalkSubmitInvoice($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { id status } } }",
    variables: (fx) => ({ input: invoiceInput(fx, "WALK-SUBMIT") }),
  },
  "Mutation.approveInvoice": {
    query: "mutation WalkApproveInvoice($id: ID!) { approveInvoice(id: $id) { invoice { id status } } }",
    variables: (fx) => ({ id: fx.invoiceToApprove }),
  },
  "Mutation.payInvoice": { query: "mutation WalkPayInvoice($id: ID!) { payInvoice(id: $id) { invoice { id status } } }", variables: (fx) => ({ id: fx.invoiceToPay }) },
  "Mutation.rejectInvoice": {
    query: "mutation WalkRejectInvoice($input: RejectInvoiceInput!) { rejectInvoice(input: $input) { invoice { id status } } }",
    variables: (fx) => ({ input: { id: fx.invoiceToReject, reason: "Walk of the authorization matrix" } }),
  },
  "FundingAgreement.overhead": {
    query: "query WalkOverhead($id: ID!) { fundingAgreement(id: $id) { overhead { recorded { cents } counted { cents } entries(first: 5) { totalCount } } } }",
    variables: (fx) => ({ id: fx.agreementId }),
  },
  "FundingAgreement.closings": {
    query: "query WalkClosings($id: ID!) { fundingAgreement(id: $id) { closings { closedAt closedByRole } } }",
    variables: (fx) => ({ id: fx.agreementId }),
  },
  "FundingAgreement.beneficiaryBankAccount": {
    query: "query WalkBankAccount($id: ID!) { fundingAgreement(id: $id) { beneficiaryBankAccount } }",
    variables: (fx) => ({ id: fx.agreementId }),
    read: (data) => (data.fundingAgreement?.beneficiaryBankAccount ? "allowed" : "denied"),
  },
  "Mutation.proposeJudgement": {
    query: "mutation WalkPropose($input: ProposeJudgementInput!) { proposeJudgement(input: $input) { commitment { id met } } }",
    variables: (fx) => ({ input: { commitmentId: fx.qualitativeCommitment, status: "JUSTIFIED", evidence: "Walk of the authorization matrix" } }),
  },
  "Mutation.acceptJudgement": {
    query: "mutation WalkAccept($input: AcceptJudgementInput!) { acceptJudgement(input: $input) { commitment { id met } } }",
    variables: (fx) => ({ input: { commitmentId: fx.proposedToAccept } }),
    relation: funderRelation,
  },
  "Mutation.refuseJudgement": {
    query: "mutation WalkRefuse($input: RefuseJudgementInput!) { refuseJudgement(input: $input) { commitment { id met } } }",
    variables: (fx) => ({ input: { commitmentId: fx.proposedToRefuse, reason: "Walk of the authorization matrix" } }),
    relation: funderRelation,
  },
  "Mutation.reopenCommitment": {
    query: "mutation WalkReopen($input: ReopenCommitmentInput!) { reopenCommitment(input: $input) { commitment { id met } } }",
    variables: (fx) => ({ input: { commitmentId: fx.acceptedToReopen, reason: "Walk of the authorization matrix" } }),
    relation: funderRelation,
  },
  "Mutation.reverseCoFinancingEntry": {
    query: "mutation WalkReverseEntry($input: ReverseCoFinancingEntryInput!) { reverseCoFinancingEntry(input: $input) { entry { id } } }",
    variables: (fx) => ({ input: { id: fx.coFinancingPayment, reason: "Walk of the authorization matrix" } }),
  },
  "Mutation.recordOverheadCost": {
    query: "mutation WalkRecordOverhead($input: RecordOverheadCostInput!) { recordOverheadCost(input: $input) { entry { id } } }",
    variables: (fx) => ({ input: { agreementId: fx.agreementId, description: "Walk overhead", amount: { cents: 100, currency: "EUR" }, date: "2024-02-01" } }),
  },
  "Mutation.reverseOverheadCost": {
    query: "mutation WalkReverseOverhead($input: ReverseOverheadCostInput!) { reverseOverheadCost(input: $input) { entry { id } } }",
    variables: (fx) => ({ input: { id: fx.overheadCost, reason: "Walk of the authorization matrix" } }),
  },
  "Mutation.createFundingAgreement": {
    query: "mutation WalkCreateAgreement($input: CreateFundingAgreementInput!) { createFundingAgreement(input: $input) { agreement { id } } }",
    variables: (fx) => ({ input: draftAgreementInput(fx, "Walk: created") }),
  },
  "Mutation.updateFundingAgreement": {
    query: "mutation WalkUpdateAgreement($input: UpdateFundingAgreementInput!) { updateFundingAgreement(input: $input) { agreement { id } } }",
    variables: (fx) => ({ input: { id: fx.draftAgreement, maxAmount: { cents: 9_000_000, currency: "EUR" } } }),
  },
  "Mutation.setFundingTerms": {
    query: "mutation WalkSetTerms($input: SetFundingTermsInput!) { setFundingTerms(input: $input) { agreement { id } } }",
    variables: (fx) => ({ input: { agreementId: fx.draftAgreement, reportingWindowDays: 30 } }),
    relation: funderRelation,
  },
  "Mutation.addTrack": {
    query: "mutation WalkAddTrack($input: AddTrackInput!) { addTrack(input: $input) { track { id } } }",
    variables: (fx) => ({ input: { agreementId: fx.draftAgreement, number: 2, title: { nl: "Walk spoor 2" } } }),
  },
  "Mutation.updateTrack": {
    query: "mutation WalkUpdateTrack($input: UpdateTrackInput!) { updateTrack(input: $input) { track { id } } }",
    variables: (fx) => ({ input: { id: fx.draftTrack, title: { nl: "Walk spoor 1, herzien" } } }),
  },
  "Mutation.addAction": {
    query: "mutation WalkAddAction($input: AddActionInput!) { addAction(input: $input) { action { id } } }",
    variables: (fx) => ({ input: { trackId: fx.draftTrack, number: 2, title: { nl: "Walk actie 2" } } }),
  },
  "Mutation.updateAction": {
    query: "mutation WalkUpdateAction($input: UpdateActionInput!) { updateAction(input: $input) { action { id } } }",
    variables: (fx) => ({ input: { id: fx.draftAction, isNew: true } }),
  },
  "Mutation.addCommitment": {
    query: "mutation WalkAddCommitment($input: AddCommitmentInput!) { addCommitment(input: $input) { commitment { id } } }",
    variables: (fx) => ({ input: { agreementId: fx.draftAgreement, kind: "RESULT", number: 2, description: { nl: "Walk resultaat 2" } } }),
  },
  "Mutation.updateCommitment": {
    query: "mutation WalkUpdateCommitment($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { commitment { id } } }",
    variables: (fx) => ({ input: { id: fx.draftCommitment, description: { nl: "Walk resultaat 1, herzien" } } }),
  },
  "Mutation.removeCommitment": {
    query: "mutation WalkRemoveCommitment($id: ID!) { removeCommitment(id: $id) { removedCommitmentId } }",
    variables: (fx) => ({ id: fx.draftCommitment }),
  },
  // Closing freezes the addendum, so its sample runs after every other funding write (the matrix
  // keeps the module's order), and the reopening sample opens it again for the probes after the walk.
  "Mutation.closeFundingAgreement": {
    query: "mutation WalkClose($id: ID!) { closeFundingAgreement(id: $id) { agreement { id status } } }",
    variables: (fx) => ({ id: fx.agreementId }),
    relation: funderRelation,
  },
  "Mutation.reopenFundingAgreement": {
    query: "mutation WalkReopenAgreement($input: ReopenFundingAgreementInput!) { reopenFundingAgreement(input: $input) { agreement { id status } } }",
    variables: (fx) => ({ input: { id: fx.agreementId, reason: "Walk of the authorization matrix" } }),
  },
  "Mutation.recordCoFinancing": {
    query: "mutation WalkRecordCoFinancing($input: RecordCoFinancingInput!) { recordCoFinancing(input: $input) { entry { id } } }",
    variables: (fx) => ({
      input: {
        agreementId: fx.agreementId,
        boardId: fx.boards.Gent,
        actionId: fx.actions[1],
        kind: "PARTICIPATION_FEE",
        type: "CHARGE",
        amount: { cents: 100, currency: "EUR" },
        date: "2024-02-01",
      },
    }),
  },
  // mentoring
  "Query.charters": { query: "query WalkCharters { charters { id signatories { organisation { id } } events { id } initiatives { id } } }" },
  "Query.mentoringProjects": { query: "query WalkMentoringProjects { mentoringProjects(first: 3) { totalCount edges { node { id name confirmedMentorCount } } } }" },
  "Query.mentoringMatches": {
    query: 'query WalkMentoringMatches { mentoringMatches(forTalent: { region: ANTWERP, languages: ["nl"] }, first: 3) { rank score project { id } reasons { criterion } } }',
  },
  "Query.onTheJobTrainings": { query: "query WalkOnTheJobTrainings { onTheJobTrainings(first: 3) { totalCount edges { node { id company { id } } } } }" },
  "MentoringProject.registrations": {
    query: "query WalkMentorRegistrations($id: ID!) { node(id: $id) { ... on MentoringProject { registrations { totalCount edges { node { id email } } } } } }",
    variables: (fx) => ({ id: fx.mentoring.project }),
    relation: mentoringRelation,
  },
  "MentoringProject.activities": {
    query: "query WalkMentoringActivities($id: ID!) { node(id: $id) { ... on MentoringProject { activities { totalCount edges { node { id kind } } } } } }",
    variables: (fx) => ({ id: fx.mentoring.project }),
    relation: mentoringRelation,
  },
  "MentoringProject.statistics": {
    query:
      'query WalkMentoringStatistics($id: ID!) { node(id: $id) { ... on MentoringProject { statistics(period: YEAR, from: "2024-01-01", to: "2024-12-31") { periodStart sessions } } } }',
    variables: (fx) => ({ id: fx.mentoring.project }),
    relation: mentoringRelation,
  },
  "Mutation.createMentoringProject": {
    query: 'mutation WalkCreateMentoringProject { createMentoringProject(input: { name: "Walk: mentorproject", languages: ["nl"] }) { project { id } } }',
  },
  "Mutation.updateMentoringProject": {
    query: "mutation WalkUpdateMentoringProject($id: ID!) { updateMentoringProject(input: { id: $id, capacity: 12 }) { project { id capacity } } }",
    variables: (fx) => ({ id: fx.mentoring.project }),
    relation: mentoringRelation,
  },
  "Mutation.registerAsMentor": {
    query:
      'mutation WalkRegisterAsMentor($id: ID!) { registerAsMentor(input: { projectId: $id, name: "Walk Mentor", email: "walk-mentor@example.org", languages: ["nl"] }) { status confirmBefore } }',
    variables: (fx) => ({ id: fx.mentoring.project }),
  },
  "Mutation.confirmMentorEmail": {
    query: "mutation WalkConfirmMentorEmail($token: String!) { confirmMentorEmail(token: $token) { status } }",
    variables: (fx) => ({ token: fx.mentoring.confirmToken }),
  },
  "Mutation.withdrawMentorRegistration": {
    query: "mutation WalkWithdrawMentor($token: String!) { withdrawMentorRegistration(token: $token) { status } }",
    variables: (fx) => ({ token: fx.mentoring.withdrawToken }),
  },
  "Mutation.decideMentorRegistration": {
    query: "mutation WalkDecideMentor($id: ID!) { decideMentorRegistration(input: { id: $id, decision: CONFIRM }) { registration { id status } } }",
    variables: (fx) => ({ id: fx.mentoring.registrationToDecide }),
    relation: mentoringRelation,
  },
  "Mutation.logMentoringActivity": {
    query: 'mutation WalkLogMentoringActivity($id: ID!) { logMentoringActivity(input: { projectId: $id, kind: SESSION, occurredOn: "2024-05-01", count: 2 }) { activity { id } } }',
    variables: (fx) => ({ id: fx.mentoring.project }),
    relation: mentoringRelation,
  },
  "Mutation.createOnTheJobTraining": {
    query:
      'mutation WalkCreateOnTheJobTraining($company: ID!) { createOnTheJobTraining(input: { title: { nl: "Walk: opleiding op de werkvloer" }, companyId: $company, jobProfile: "Walker" }) { training { id } } }',
    variables: (fx) => ({ company: fx.orgs[BENEFICIARY] }),
    relation: mentoringRelation,
  },
  // LaboLokaal
  "Query.themes": { query: "query WalkThemes { themes { id fundingSource calls { id status } projects { id board { id } expert { id } } } }" },
  "Query.projectCalls": { query: "query WalkProjectCalls { projectCalls(first: 3) { totalCount edges { node { id status support { cents } } } } }" },
  "Query.projects": { query: "query WalkProjects { projects { id board { id } expert { id } ownContribution { cents } } }" },
  "Query.myProfile": { query: "query WalkMyProfile { myProfile { displayName } }" },
  "Query.contactQuestions": {
    query: "query WalkContactQuestions { contactQuestions { totalCount edges { node { id subject } } } }",
    relation: laboRelation,
    // The list holds what the actor may read: the walk's member and expert each asked one.
    read: (data) => (data.contactQuestions.totalCount > 0 ? "allowed" : "denied"),
  },
  "Theme.space": {
    query:
      "query WalkThemeSpace($id: ID!) { node(id: $id) { ... on Theme { space { boards { id } experts { id } threads { totalCount edges { node { id author { displayName } } } } documents { totalCount } } } } }",
    variables: (fx) => ({ id: fx.labo.theme }),
    relation: laboRelation,
  },
  "ProjectCall.applications": {
    query: "query WalkCallApplications($id: ID!) { node(id: $id) { ... on ProjectCall { applications { id contactEmail } } } }",
    variables: (fx) => ({ id: fx.labo.callWithProject }),
    relation: laboRelation,
    read: (data) => (data.node.applications.length > 0 ? "allowed" : "denied"),
  },
  "Project.finalReport": {
    query: "query WalkFinalReport($id: ID!) { node(id: $id) { ... on Project { finalReport { submittedAt } } } }",
    variables: (fx) => ({ id: fx.labo.project }),
    relation: laboRelation,
    read: (data) => (data.node.finalReport ? "allowed" : "denied"),
  },
  "Project.ownContributionCharge": {
    query: "query WalkOwnContributionCharge($id: ID!) { node(id: $id) { ... on Project { ownContributionCharge { id } } } }",
    variables: (fx) => ({ id: fx.labo.project }),
    relation: laboRelation,
    read: (data) => (data.node.ownContributionCharge ? "allowed" : "denied"),
  },
  "Mutation.createTheme": { query: 'mutation WalkCreateTheme { createTheme(input: { name: { nl: "Walk-thema" }, fundingSource: ADDENDUM }) { theme { id } } }' },
  "Mutation.openProjectCall": {
    query:
      'mutation WalkOpenCall($theme: ID!) { openProjectCall(input: { themeId: $theme, title: { nl: "Walk-oproep" }, opensOn: "2030-01-01", deadline: "2030-02-01" }) { call { id status } } }',
    variables: (fx) => ({ theme: fx.labo.theme }),
  },
  "Mutation.applyToCall": {
    query:
      'mutation WalkApplyToCall($call: ID!, $board: ID!) { applyToCall(input: { callId: $call, boardId: $board, motivation: "Walk", contactName: "Walk", contactEmail: "walk@example.org" }) { application { id } } }',
    variables: (fx) => ({ call: fx.labo.callToApply, board: fx.boards.Gent }),
    relation: laboRelation,
  },
  "Mutation.reviewApplication": {
    query: "mutation WalkReviewApplication($id: ID!) { reviewApplication(input: { id: $id, score: 3 }) { application { id score } } }",
    variables: (fx) => ({ id: fx.labo.applicationToDecide }),
  },
  "Mutation.decideApplication": {
    query: 'mutation WalkDecideApplication($id: ID!) { decideApplication(input: { id: $id, decision: NOT_SELECTED, reason: "Walk", score: 2 }) { application { id decision } } }',
    variables: (fx) => ({ id: fx.labo.applicationToDecide }),
  },
  "Mutation.recordLearningSession": {
    query: 'mutation WalkRecordSession($id: ID!) { recordLearningSession(input: { kind: COACHING, projectId: $id, heldOn: "2024-05-02", topic: "Walk" }) { session { id } } }',
    variables: (fx) => ({ id: fx.labo.project }),
    relation: laboRelation,
  },
  "Mutation.submitFinalReport": {
    query: 'mutation WalkSubmitReport($id: ID!) { submitFinalReport(input: { projectId: $id, experiences: "Walk", recommendations: "Walk" }) { project { id } } }',
    variables: (fx) => ({ id: fx.labo.projectToReport }),
    relation: laboRelation,
  },
  "Mutation.requestDocumentUpload": {
    query:
      'mutation WalkRequestUpload($theme: ID!) { requestDocumentUpload(input: { themeId: $theme, title: "Walk", filename: "walk.pdf", contentType: "application/pdf", sizeBytes: 1000 }) { document { id } upload { method } } }',
    variables: (fx) => ({ theme: fx.labo.theme }),
    relation: laboRelation,
  },
  "Mutation.confirmDocumentUpload": {
    query: "mutation WalkConfirmUpload($id: ID!) { confirmDocumentUpload(id: $id) { document { id status } } }",
    variables: (fx, actor) => ({ id: ownOf(fx.labo.documentsToConfirm, actor) }),
    relation: laboRelation,
  },
  "Mutation.removeDocument": {
    query: "mutation WalkRemoveDocument($id: ID!) { removeDocument(id: $id) { document { id } } }",
    variables: (fx, actor) => ({ id: ownOf(fx.labo.documentsToRemove, actor) }),
    relation: laboRelation,
  },
  "Mutation.startThread": {
    query: 'mutation WalkStartThread($theme: ID!) { startThread(input: { themeId: $theme, title: "Walk", body: "Walk *tekst*" }) { thread { id } } }',
    variables: (fx) => ({ theme: fx.labo.theme }),
    relation: laboRelation,
  },
  "Mutation.replyToThread": {
    query: 'mutation WalkReply($id: ID!) { replyToThread(input: { threadId: $id, body: "Walk-antwoord" }) { reply { id } } }',
    variables: (fx) => ({ id: fx.labo.threads.member }),
    relation: laboRelation,
  },
  "Mutation.editThread": {
    query: 'mutation WalkEditThread($id: ID!) { editThread(input: { id: $id, body: "Walk, aangepast" }) { thread { id } } }',
    variables: (fx, actor) => ({ id: ownOf(fx.labo.threads, actor) }),
    relation: laboRelation,
  },
  "Mutation.editReply": {
    query: 'mutation WalkEditReply($id: ID!) { editReply(input: { id: $id, body: "Walk, aangepast" }) { reply { id } } }',
    variables: (fx, actor) => ({ id: ownOf(fx.labo.replies, actor) }),
    relation: laboRelation,
  },
  "Mutation.removeThread": {
    query: "mutation WalkRemoveThread($id: ID!) { removeThread(id: $id) { thread { id removed } } }",
    variables: (fx, actor) => ({ id: ownOf(fx.labo.threadsToRemove, actor) }),
    relation: laboRelation,
  },
  "Mutation.removeReply": {
    query: "mutation WalkRemoveReply($id: ID!) { removeReply(id: $id) { reply { id removed } } }",
    variables: (fx, actor) => ({ id: ownOf(fx.labo.repliesToRemove, actor) }),
    relation: laboRelation,
  },
  "Mutation.updateProfile": { query: 'mutation WalkUpdateProfile { updateProfile(input: { displayName: "Walker" }) { profile { displayName } } }' },
  "Mutation.requestProfilePhotoUpload": {
    query: 'mutation WalkRequestPhoto { requestProfilePhotoUpload(input: { filename: "walk.png", contentType: "image/png", sizeBytes: 1000 }) { upload { method } } }',
  },
  "Mutation.confirmProfilePhotoUpload": {
    query: "mutation WalkConfirmPhoto { confirmProfilePhotoUpload { profile { displayName } } }",
    // The bytes of the actor's pending photo, as its signed PUT would have stored them.
    prepare: (actor) => (actor ? storePendingPhoto(actor) : Promise.resolve()),
  },
  "Mutation.askQuestion": { query: 'mutation WalkAskQuestion { askQuestion(input: { subject: "Walk", body: "Een vraag" }) { question { id } } }' },
  "Mutation.answerQuestion": {
    query: 'mutation WalkAnswerQuestion($id: ID!) { answerQuestion(input: { id: $id, answer: "Een antwoord" }) { question { id answeredAt } } }',
    variables: (fx) => ({ id: fx.labo.question }),
  },
  // programmes
  "Query.programmes": { query: "query WalkProgrammes { programmes { id slug status phases { status } strategicGoals { declaredCount missing } } }" },
  "Query.programme": { query: 'query WalkProgramme { programme(slug: "modern-hr-beleid") { id title } }' },
  "Mutation.setStrategicGoal": {
    query: 'mutation WalkSetStrategicGoal($id: ID!) { setStrategicGoal(input: { programmeId: $id, position: 1, title: { nl: "Walk-doel" } }) { goal { id } } }',
    variables: (fx) => ({ id: fx.mentoring.programme }),
  },
  "Mutation.updateProgrammePhase": {
    query: "mutation WalkUpdatePhase($id: ID!) { updateProgrammePhase(input: { id: $id, status: ONGOING }) { phase { id status } } }",
    variables: (fx) => ({ id: fx.mentoring.phase }),
  },
};

/** Runs a fixture operation as an ADMIN; fails on any error. */
async function asAdmin(query: string, variables?: Record<string, unknown>, sub = "walk-fixtures"): Promise<any> {
  return asActor({ role: "ADMIN", sub }, query, variables);
}
async function asActor(actor: Actor, query: string, variables?: Record<string, unknown>): Promise<any> {
  const result = await api.execRaw(query, variables, { as: actor });
  if (result.errors?.length) throw new Error(`fixture ${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** An agreement whose period runs until 2030, so it cannot be closed yet. */
const draftAgreementInput = (fx: FundingFixture, title: string) => ({
  title: { nl: title },
  funderId: fx.orgs[FUNDER],
  beneficiaryId: fx.orgs[BENEFICIARY],
  periodStart: "2026-01-01",
  periodEnd: "2030-12-31",
  maxAmount: { cents: 10_000_000, currency: "EUR" },
  effortShareBp: 7000,
  resultShareBp: 3000,
});

async function createFixtures(): Promise<Fixtures> {
  const base = await loadFundingFixture(api, { orgs: [FUNDER, BENEFICIARY, STEERING, UNRELATED, "Mondea"], boards: ["Gent", "Brugge", "Lier", "Geel", "Dendermonde", "Mechelen"] });
  const funderPartner: Actor = { role: "PARTNER", sub: "walk-fixtures-funder", org: rowId(base.orgs[FUNDER]!) };
  const submit = async (reference: string): Promise<string> =>
    (await asAdmin("mutation WalkFixtureSubmit($input: SubmitInvoiceInput!) { submitInvoice(input: $input) { invoice { id } } }", { input: invoiceInput(base, reference) }))
      .submitInvoice.invoice.id;
  const invoiceToApprove = await submit("WALK-APPROVE");
  const invoiceToPay = await submit("WALK-PAY");
  // Two people per payment: a second admin approves what the fixtures submitted.
  await asAdmin("mutation WalkFixtureApprove($id: ID!) { approveInvoice(id: $id) { invoice { status } } }", { id: invoiceToPay }, "walk-fixtures-approver");
  const invoiceToReject = await submit("WALK-REJECT");
  const submittedInvoice = await submit("WALK-PROBE-SUBMITTED");
  const approvedInvoice = await submit("WALK-PROBE-APPROVED");
  await asAdmin("mutation WalkFixtureApprove($id: ID!) { approveInvoice(id: $id) { invoice { status } } }", { id: approvedInvoice }, "walk-fixtures-approver");
  const ledger = (type: "CHARGE" | "PAYMENT", cents: number, chargeId?: string) =>
    asAdmin("mutation WalkFixtureCoFinancing($input: RecordCoFinancingInput!) { recordCoFinancing(input: $input) { entry { id } } }", {
      input: {
        agreementId: base.agreementId,
        boardId: base.boards.Gent,
        actionId: base.actions[1],
        kind: "PARTICIPATION_FEE",
        type,
        amount: { cents },
        date: "2024-01-15",
        chargeId,
      },
    });
  const entry = await ledger("CHARGE", 50_000);
  const payment = await ledger("PAYMENT", 10_000, entry.recordCoFinancing.entry.id);
  const overhead = await asAdmin("mutation WalkFixtureOverhead($input: RecordOverheadCostInput!) { recordOverheadCost(input: $input) { entry { id } } }", {
    input: { agreementId: base.agreementId, description: "Walk overhead fixture", amount: { cents: 5_000 }, date: "2024-01-15" },
  });
  const draft = await asAdmin("mutation WalkFixtureDraft($input: CreateFundingAgreementInput!) { createFundingAgreement(input: $input) { agreement { id } } }", {
    input: draftAgreementInput(base, "Walk: draft"),
  });
  const draftAgreement = draft.createFundingAgreement.agreement.id;
  const track = await asAdmin("mutation WalkFixtureTrack($input: AddTrackInput!) { addTrack(input: $input) { track { id } } }", {
    input: { agreementId: draftAgreement, number: 1, title: { nl: "Walk spoor 1" } },
  });
  const action = await asAdmin("mutation WalkFixtureAction($input: AddActionInput!) { addAction(input: $input) { action { id } } }", {
    input: { trackId: track.addTrack.track.id, number: 1, title: { nl: "Walk actie 1" } },
  });
  const draftCommitment = await asAdmin("mutation WalkFixtureCommitment($input: AddCommitmentInput!) { addCommitment(input: $input) { commitment { id } } }", {
    input: { agreementId: draftAgreement, kind: "RESULT", number: 1, description: { nl: "Walk resultaat 1" }, measures: [{ metric: "worktables.meetingsHeld", targetValue: 3 }] },
  });
  // The addendum has five qualitative effort commitments (9 is measured); the walk needs six, in
  // different states. A sixth is written directly: the mutation refuses once invoices are approved.
  await api.database.db.insert(commitmentsTable).values({
    agreementId: rowId(base.agreementId),
    actionId: rowId(base.actions[9]!),
    kind: "EFFORT",
    number: 10,
    description: { nl: "Walk inspanning 10" },
    qualitative: true,
  });
  const commitments = await asAdmin("query WalkFixtureCommitments($id: ID!) { fundingAgreement(id: $id) { commitments(kind: EFFORT) { id target { __typename } } } }", {
    id: base.agreementId,
  });
  const qualitatives = commitments.fundingAgreement.commitments.filter((c: { target: { __typename: string } }) => c.target.__typename === "QualitativeTarget");
  const [qualitative, toAccept, toRefuse, pending, judged, toReopen] = qualitatives.map((c: { id: string }) => c.id as string);
  if (!toReopen) throw new Error("the seeded addendum has fewer than six qualitative effort commitments");
  const propose = (commitmentId: string) =>
    asActor(
      { role: "CONSULTANT", sub: "walk-fixtures-consultant" },
      "mutation WalkFixturePropose($input: ProposeJudgementInput!) { proposeJudgement(input: $input) { commitment { id } } }",
      {
        input: { commitmentId, status: "JUSTIFIED", evidence: "Proposed before the walk" },
      },
    );
  const accept = (commitmentId: string) =>
    asActor(funderPartner, "mutation WalkFixtureAccept($input: AcceptJudgementInput!) { acceptJudgement(input: $input) { commitment { id } } }", { input: { commitmentId } });
  for (const id of [toAccept, toRefuse, pending, judged, toReopen]) await propose(id);
  await accept(judged);
  await accept(toReopen);
  const board = await asAdmin('mutation WalkFixtureBoard { createBoard(input: { name: "Walkzone Zuid", kind: POLICE_ZONE, province: ANTWERP, population: 11 }) { board { id } } }');
  const organisation = await asAdmin('mutation WalkFixtureOrganisation { createOrganisation(input: { name: { nl: "Walk BV" }, kind: COMPANY }) { organisation { id } } }');
  // Trainings: a session to come, taught by "walk-expert" of the funder's organisation, and one that started yesterday.
  const training = await asAdmin('mutation WalkFixtureTraining { createTraining(input: { title: { nl: "Walk-training" }, topic: "walk", format: IN_HOUSE }) { training { id } } }');
  const trainingId = training.createTraining.training.id;
  const sessionInput = { trainingId, online: true, capacity: 10, expertOrganisationId: base.orgs[FUNDER], expertSubject: "walk-expert" };
  const session = await asAdmin("mutation WalkFixtureSession($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { session { id } } }", {
    input: { ...sessionInput, startsAt: "2031-01-10T09:00:00Z", endsAt: "2031-01-10T16:00:00Z" },
  });
  const sessionId = session.createTrainingSession.session.id;
  const started = await api.database.db
    .insert(trainingSessions)
    .values({
      trainingId: rowId(trainingId),
      startsAt: new Date(Date.now() - 86_400_000),
      endsAt: new Date(Date.now() - 80_000_000),
      online: true,
      capacity: 10,
      expertOrganisationId: rowId(base.orgs[FUNDER]!),
      expertSubject: "walk-expert",
    })
    .returning();
  const employee = async (board: string, displayName: string) =>
    (
      await asAdmin("mutation WalkFixtureEmployee($input: CreateEmployeeInput!) { createEmployee(input: $input) { employee { id } } }", {
        input: { boardId: board, displayName },
      })
    ).createEmployee.employee.id as string;
  const enrolOn = async (sessionGlobalId: string, employeeId: string) =>
    (await asAdmin("mutation WalkFixtureEnrol($input: EnrolInput!) { enrol(input: $input) { enrolment { id } } }", { input: { sessionId: sessionGlobalId, employeeId } })).enrol
      .enrolment.id as string;
  const gentEmployee = await employee(base.boards.Gent!, "Walk Gent");
  await enrolOn(sessionId, gentEmployee);
  await enrolOn(sessionId, await employee(base.boards.Brugge!, "Walk Brugge"));
  const enrolmentToCancel = await enrolOn(sessionId, await employee(base.boards.Gent!, "Walk Gent annuleert"));
  // Enrolled before the session started (it is moved to yesterday after), so attendance can be recorded now.
  const attendee = await employee(base.boards.Gent!, "Walk Gent aanwezig");
  const enrolmentToRecord = (
    await api.database.db
      .insert(enrolments)
      .values({ sessionId: started[0]!.id, employeeId: rowId(attendee), status: "REGISTERED" })
      .returning()
  )[0]!.id;
  const programme = await programmeFixtures(base, action.addAction.action.id, employee);
  const audit = await asAdmin("query WalkFixtureAudit { auditLog(first: 1) { edges { node { id } } } }");
  return {
    ...base,
    submittedInvoice,
    approvedInvoice,
    auditEntry: audit.auditLog.edges[0].node.id,
    invoiceToApprove,
    invoiceToPay,
    invoiceToReject,
    coFinancingEntry: entry.recordCoFinancing.entry.id,
    coFinancingPayment: payment.recordCoFinancing.entry.id,
    overheadCost: overhead.recordOverheadCost.entry.id,
    qualitativeCommitment: qualitative!,
    proposedToAccept: toAccept!,
    proposedToRefuse: toRefuse!,
    pendingCommitment: pending!,
    judgedCommitment: judged!,
    acceptedToReopen: toReopen,
    draftAgreement,
    draftTrack: track.addTrack.track.id,
    draftAction: action.addAction.action.id,
    draftCommitment: draftCommitment.addCommitment.commitment.id,
    board: board.createBoard.board.id,
    organisation: organisation.createOrganisation.organisation.id,
    training: trainingId,
    session: sessionId,
    employee: gentEmployee,
    employeeToForget: await employee(base.boards.Gent!, "Walk Gent vergeten"),
    freeEmployee: await employee(base.boards.Gent!, "Walk Gent vrij"),
    enrolmentToCancel,
    enrolmentToRecord: Buffer.from(`Enrolment:${enrolmentToRecord}`).toString("base64url"),
    ...programme,
    campaign: await campaignFixtures(base),
    mentoring: await mentoringFixtures(base),
    labo: await laboFixtures(base),
    apiKeyToRotate: await apiKeyFixture(organisation.createOrganisation.organisation.id, "Walk: te roteren"),
    apiKeyToRevoke: await apiKeyFixture(organisation.createOrganisation.organisation.id, "Walk: in te trekken"),
    ...(await webhookFixtures(organisation.createOrganisation.organisation.id)),
  };
}

type ProgrammeFixtures = Pick<
  Fixtures,
  | "trajectory"
  | "trajectorySession"
  | "participationToWithdraw"
  | "paidParticipation"
  | "paidEnrolment"
  | "worktableGroup"
  | "meetingToUpdate"
  | "meetingToHold"
  | "meetingToCancel"
  | "heldMeeting"
  | "learningTool"
  | "profession"
  | "figureToUpdate"
  | "figureToRemove"
>;

/** The rest of the programme's fixtures; fees go to the draft agreement, whose period runs today. */
async function programmeFixtures(base: FundingFixture, draftActionId: string, employee: (board: string, name: string) => Promise<string>): Promise<ProgrammeFixtures> {
  const trajectory = async (input: Record<string, unknown>) =>
    (await asAdmin("mutation WalkFixtureTrajectory($input: CreateTrajectoryInput!) { createTrajectory(input: $input) { trajectory { id } } }", { input })).createTrajectory
      .trajectory.id as string;
  const join = async (input: Record<string, unknown>) =>
    (await asAdmin("mutation WalkFixtureJoin($input: JoinTrajectoryInput!) { joinTrajectory(input: $input) { participation { id } } }", { input })).joinTrajectory.participation
      .id as string;
  const leadership = await trajectory({ kind: "LEADERSHIP", title: { nl: "Walk-traject leiderschap" }, targetLevels: ["FOREMAN", "GENERAL_DIRECTOR"], offeredFrom: "2026-01-01" });
  const session = await asAdmin("mutation WalkFixtureTrajectorySession($input: CreateTrajectorySessionInput!) { createTrajectorySession(input: $input) { session { id } } }", {
    input: { trajectoryId: leadership, startsAt: "2031-01-20T09:00:00Z", endsAt: "2031-01-20T12:00:00Z", online: true },
  });
  const participationToWithdraw = await join({ trajectoryId: leadership, boardId: base.boards.Brugge, joinedOn: "2026-02-01" });
  const network = await trajectory({
    kind: "LEARNING_NETWORK",
    title: { nl: "Walk-lerend netwerk" },
    offeredFrom: "2026-01-01",
    actionId: draftActionId,
    fee: { cents: 25_000, currency: "EUR" },
  });
  const paidParticipation = await join({ trajectoryId: network, boardId: base.boards.Gent });
  const paidTraining = await asAdmin("mutation WalkFixtureFeeTraining($input: CreateTrainingInput!) { createTraining(input: $input) { training { id } } }", {
    input: { title: { nl: "Walk-training met prijs" }, topic: "walk", format: "OPEN", actionId: draftActionId, fee: { cents: 4_500, currency: "EUR" } },
  });
  const paidSession = await asAdmin("mutation WalkFixtureFeeSession($input: CreateTrainingSessionInput!) { createTrainingSession(input: $input) { session { id } } }", {
    input: { trainingId: paidTraining.createTraining.training.id, online: true, capacity: 5, startsAt: "2031-02-10T09:00:00Z", endsAt: "2031-02-10T12:00:00Z" },
  });
  const paidEnrolment = (
    await asAdmin("mutation WalkFixtureFeeEnrol($input: EnrolInput!) { enrol(input: $input) { enrolment { id } } }", {
      input: { sessionId: paidSession.createTrainingSession.session.id, employeeId: await employee(base.boards.Gent!, "Walk Gent betaalt") },
    })
  ).enrol.enrolment.id as string;
  const group = (
    await asAdmin("mutation WalkFixtureGroup($input: CreateWorktableGroupInput!) { createWorktableGroup(input: $input) { group { id } } }", {
      input: { title: { nl: "Walk-werktafel Gent" }, province: "EAST_FLANDERS", year: 2026 },
    })
  ).createWorktableGroup.group.id as string;
  const plan = async (date: string) =>
    (await asAdmin("mutation WalkFixturePlan($input: PlanWorktableMeetingInput!) { planWorktableMeeting(input: $input) { meeting { id } } }", { input: { groupId: group, date } }))
      .planWorktableMeeting.meeting.id as string;
  const meetingToUpdate = await plan("2026-12-15");
  const meetingToHold = await plan("2026-03-10");
  const meetingToCancel = await plan("2026-12-18");
  const heldMeeting = await plan("2026-02-10");
  await asAdmin("mutation WalkFixtureHold($input: RecordWorktableMeetingHeldInput!) { recordWorktableMeetingHeld(input: $input) { meeting { id } } }", {
    input: { id: heldMeeting, attendingBoardIds: [base.boards.Gent] },
  });
  const tool = await asAdmin(
    'mutation WalkFixtureTool { createLearningTool(input: { title: { nl: "Walk-leerinstrument" }, kind: OFFER, link: "https://example.org/tool" }) { tool { id } } }',
  );
  const profession = await asAdmin('mutation WalkFixtureProfession { createProfession(input: { title: { nl: "Walk-functie" }, category: STEM }) { profession { id } } }');
  const figure = async (start: string, end: string) =>
    (
      await asAdmin("mutation WalkFixtureFigure($input: RecordCommunicationFigureInput!) { recordCommunicationFigure(input: $input) { figure { id } } }", {
        input: { channel: "NEWSLETTER", start, end, audience: 800, baseline: start < "2023-01-01" },
      })
    ).recordCommunicationFigure.figure.id as string;
  return {
    trajectory: leadership,
    trajectorySession: session.createTrajectorySession.session.id,
    participationToWithdraw,
    paidParticipation,
    paidEnrolment,
    worktableGroup: group,
    meetingToUpdate,
    meetingToHold,
    meetingToCancel,
    heldMeeting,
    learningTool: tool.createLearningTool.tool.id,
    profession: profession.createProfession.profession.id,
    figureToUpdate: await figure("2021-01-01", "2021-12-31"),
    figureToRemove: await figure("2024-02-01", "2024-02-29"),
  };
}

/** An API key of an organisation, made by an admin. */
async function apiKeyFixture(organisationId: string, name: string): Promise<string> {
  const made = await asAdmin("mutation WalkFixtureApiKey($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }", { input: { organisationId, name } });
  return made.createApiKey.apiKey.id;
}

/** Webhook subscriptions of an organisation, made by an admin, and a (test) delivery of the first. */
async function webhookFixtures(organisationId: string): Promise<Pick<Fixtures, "webhookSubscription" | "webhooksToDelete" | "webhookDelivery">> {
  const make = async () =>
    (
      await asAdmin("mutation WalkFixtureWebhook($input: CreateWebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { subscription { id } } }", {
        input: { organisationId, url: "https://walk.example.org/fixture", events: ["campaign.result.published"] },
      })
    ).createWebhookSubscription.subscription.id as string;
  const webhookSubscription = await make();
  const webhooksToDelete: string[] = [];
  for (let i = 0; i < 12; i++) webhooksToDelete.push(await make());
  const sent = await asAdmin("mutation WalkFixtureWebhookTest($id: ID!) { sendTestWebhookEvent(subscriptionId: $id) { delivery { id } } }", { id: webhookSubscription });
  const webhookDelivery = sent.sendTestWebhookEvent.delivery.id as string;
  // Sent and failed, as the dispatcher would leave it: a delivery to send again.
  await api.database.db.execute(sql`update webhook_deliveries set status = 'FAILED' where id = ${rowId(webhookDelivery)}::uuid`);
  return { webhookSubscription, webhooksToDelete, webhookDelivery };
}

/** The campaigns' fixtures; see CampaignWalkFixtures. */
async function campaignFixtures(base: FundingFixture): Promise<CampaignWalkFixtures> {
  const [campaign] = (await asAdmin("query WalkFixtureCampaign { campaigns(first: 1) { edges { node { id themes pitches { id board { name } options { id } } } } } }")).campaigns
    .edges;
  const seeded = campaign.node.id as string;
  const theme = campaign.node.themes[0] as string;
  const pitches = campaign.node.pitches as { id: string; options: { id: string }[] }[];
  const [toVote, toDecide, toClose, withBallot] = pitches;
  if (!withBallot) throw new Error("the seeded campaign has fewer than four pitches");
  const ballot = (pitch: { id: string; options: { id: string }[] }, board: string, positions: [number, number]) =>
    asAdmin("mutation WalkFixtureBallot($input: CastBallotInput!) { castBallot(input: $input) { pitch { id } } }", {
      input: { pitchId: pitch.id, boardId: base.boards[board], optionIds: positions.map((p) => pitch.options[p - 1]!.id) },
    });
  await ballot(toClose!, "Lier", [1, 2]);
  await ballot(toClose!, "Geel", [1, 2]);
  await ballot(toClose!, "Dendermonde", [1, 3]);
  await ballot(withBallot, "Lier", [2, 3]);
  const result = async (title: string) =>
    (
      await asAdmin("mutation WalkFixtureResult($input: CreateCampaignResultInput!) { createCampaignResult(input: $input) { result { id } } }", {
        input: { campaignId: seeded, kind: "GOOD_PRACTICE", title: { nl: title }, theme },
      })
    ).createCampaignResult.result.id as string;
  const intermediate = await result("Walk: tussentijds resultaat");
  await asAdmin("mutation WalkFixturePublish($input: PublishResultInput!) { publishResult(input: $input) { result { id } } }", {
    input: { resultId: intermediate, status: "INTERMEDIATE" },
  });
  const member = await asAdmin("mutation WalkFixtureSteering($input: AddSteeringGroupMemberInput!) { addSteeringGroupMember(input: $input) { member { id } } }", {
    input: { campaignId: seeded, organisationId: base.orgs[FUNDER] },
  });
  const create = async (title: string, selectionSize: number) =>
    (
      await asAdmin("mutation WalkFixtureCampaignCreate($input: CreateCampaignInput!) { createCampaign(input: $input) { campaign { id } } }", {
        input: { title: { nl: title }, themes: ["Walk-thema"], selectionSize },
      })
    ).createCampaign.campaign.id as string;
  const apply = async (campaignId: string, board: string) =>
    (
      await asAdmin("mutation WalkFixtureApply($input: ApplyToCampaignInput!) { applyToCampaign(input: $input) { application { id } } }", {
        input: { campaignId, boardId: base.boards[board] },
      })
    ).applyToCampaign.application.id as string;
  const openCampaign = await create("Walk: open campagne", 2);
  const applicationToUpdate = await apply(openCampaign, "Gent");
  const campaignToConfirm = await create("Walk: te bevestigen", 1);
  const applicationToSelect = await apply(campaignToConfirm, "Gent");
  await apply(campaignToConfirm, "Brugge");
  const pitchCampaign = await create("Walk: pitch", 1);
  const applicationToPitch = await apply(pitchCampaign, "Gent");
  await apply(pitchCampaign, "Brugge");
  await asAdmin("mutation WalkFixtureConfirm($input: ConfirmSelectionInput!) { confirmSelection(input: $input) { campaign { id } } }", {
    input: { campaignId: pitchCampaign, selections: [{ applicationId: applicationToPitch, theme: "Walk-thema" }] },
  });
  const meeting = await asAdmin("mutation WalkFixtureMeeting($input: PlanCampaignMeetingInput!) { planCampaignMeeting(input: $input) { meeting { id } } }", {
    input: { campaignId: pitchCampaign, kind: "SOUNDING_BOARD", heldOn: "2027-03-01" },
  });
  return {
    seeded,
    pitchToVote: toVote!.id,
    pitchToDecide: toDecide!.id,
    pitchToClose: toClose!.id,
    pitchWithBallot: withBallot.id,
    voteOptions: toVote!.options.slice(0, 2).map((o) => o.id),
    decideOptions: toDecide!.options.slice(0, 2).map((o) => o.id),
    resultToPublish: await result("Walk: te publiceren"),
    resultToUpdate: await result("Walk: te wijzigen"),
    steeringMemberToRemove: member.addSteeringGroupMember.member.id,
    intermediateResult: intermediate,
    lierApplication: (
      await asAdmin("query WalkFixtureApplications($id: ID!) { node(id: $id) { ... on Campaign { applications(first: 50) { edges { node { id board { id } } } } } } }", {
        id: seeded,
      })
    ).node.applications.edges.find((e: { node: { board: { id: string } } }) => e.node.board.id === base.boards.Lier).node.id,
    openCampaign,
    applicationToUpdate,
    campaignToConfirm,
    applicationToSelect,
    meetingForPitch: meeting.planCampaignMeeting.meeting.id,
    applicationToPitch,
  };
}

/** Gent's project on "Employer branding" with VVSG as expert, Brugge's application to decide, an open call, and pairs of posts and documents. */
async function laboFixtures(base: FundingFixture): Promise<LaboWalkFixtures> {
  const theme = await laboThemeId(api, "Employer branding");
  const project = await startLaboProject(api, { theme, board: base.boards.Gent!, expert: base.orgs[BENEFICIARY]! });
  const applicationToDecide = await applyForBoard(api, project.callId, base.boards.Brugge!);
  const callToApply = await openLaboCall(api, theme);
  await chargeOwnContribution(base, project.projectId);
  const projectToReport = await startLaboProject(api, { theme: await laboThemeId(api, "Combinatiejobs"), board: base.boards.Gent!, expert: base.orgs[BENEFICIARY]! });
  await asAdmin('mutation WalkFixtureReport($id: ID!) { submitFinalReport(input: { projectId: $id, experiences: "Walk", recommendations: "Walk" }) { project { id } } }', {
    id: project.projectId,
  });
  const member: Actor = { role: "BOARD_MEMBER", sub: "walk-member", board: rowId(base.boards.Gent!) };
  const expert: Actor = { role: "EXPERT", sub: "walk-expert", org: rowId(base.orgs[BENEFICIARY]!) };
  const thread = async (as: Actor) =>
    (
      await asActor(as, 'mutation WalkFixtureThread($theme: ID!) { startThread(input: { themeId: $theme, title: "Walk", body: "Walk" }) { thread { id } } }', {
        theme,
      })
    ).startThread.thread.id as string;
  const reply = async (as: Actor, threadId: string) =>
    (await asActor(as, 'mutation WalkFixtureReply($id: ID!) { replyToThread(input: { threadId: $id, body: "Walk" }) { reply { id } } }', { id: threadId })).replyToThread.reply
      .id as string;
  const document = async (as: Actor) =>
    (
      await asActor(
        as,
        'mutation WalkFixtureDocument($theme: ID!) { requestDocumentUpload(input: { themeId: $theme, title: "Walk", filename: "walk.pdf", contentType: "application/pdf", sizeBytes: 1000 }) { document { id } } }',
        { theme },
      )
    ).requestDocumentUpload.document.id as string;
  const admin: Actor = { role: "ADMIN", sub: "walk-admin" };
  const consultant: Actor = { role: "CONSULTANT", sub: "walk-consultant" };
  /** The document's bytes, as its signed PUT would have stored them. */
  const uploaded = async (id: string) => {
    const [row] = await api.database.db
      .select()
      .from(laboDocuments)
      .where(eq(laboDocuments.id, rowId(id)));
    storeObject(row!.storageKey, PDF);
    return id;
  };
  const threads = { member: await thread(member), expert: await thread(expert), admin: await thread(admin), consultant: await thread(consultant) };
  const question = await asActor(member, 'mutation WalkFixtureQuestion { askQuestion(input: { subject: "Walk", body: "Walk" }) { question { id } } }');
  await asActor(expert, 'mutation WalkFixtureExpertQuestion { askQuestion(input: { subject: "Walk", body: "Walk" }) { question { id } } }');
  return {
    theme,
    callWithProject: project.callId,
    project: project.projectId,
    projectToReport: projectToReport.projectId,
    applicationToDecide,
    callToApply,
    threads,
    threadsToRemove: { member: await thread(member), expert: await thread(expert) },
    replies: {
      member: await reply(member, threads.member),
      expert: await reply(expert, threads.member),
      admin: await reply(admin, threads.member),
      consultant: await reply(consultant, threads.member),
    },
    repliesToRemove: { member: await reply(member, threads.expert), expert: await reply(expert, threads.expert) },
    documentsToConfirm: { member: await uploaded(await document(member)), expert: await uploaded(await document(expert)) },
    documentsToRemove: { member: await document(member), expert: await document(expert) },
    question: question.askQuestion.question.id,
  };
}

/**
 * The walk's project is on a VIA theme, which asks no own contribution; Project.ownContributionCharge
 * needs a charge to show, so the fixture writes one as an ADDENDUM project's would be (a direct
 * write: decideApplication's charging is tested in test/labolokaal/applications.test.ts).
 */
async function chargeOwnContribution(base: FundingFixture, projectId: string): Promise<void> {
  const [charge] = await api.database.db
    .insert(coFinancingEntries)
    .values({
      agreementId: rowId(base.agreementId),
      boardId: rowId(base.boards.Gent!),
      actionId: rowId(base.actions[1]!),
      kind: "OWN_CONTRIBUTION",
      entryType: "CHARGE",
      amountCents: 200_000,
      entryDate: "2024-03-01",
    })
    .returning();
  await api.database.db
    .update(laboProjects)
    .set({ ownContributionCents: 200_000, ownContributionChargeId: charge!.id })
    .where(eq(laboProjects.id, rowId(projectId)));
}

/** A 1x1 PNG: its bytes are what file-type recognises. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/** The smallest PDF file-type recognises: its header. */
const PDF = Buffer.from("%PDF-1.4\n%\u00e2\u00e3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");

/** Writes an object into the test API's local store, where a signed PUT would have written it. */
function storeObject(key: string, bytes: Buffer): void {
  const path = join(api.dataDir, "storage", ...key.split("/"));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}

/** The bytes of the actor's pending profile photo, if they asked for an upload link. */
async function storePendingPhoto(actor: Actor): Promise<void> {
  const [profile] = await api.database.db
    .select()
    .from(laboProfiles)
    .where(eq(laboProfiles.subject, actor.sub ?? ""));
  if (profile?.photoKey && profile.photoStatus === "PENDING") storeObject(profile.photoKey, PNG);
}

/** VVSG's mentoring project with three mentors' registrations, and Modern HR-beleid's third phase. */
async function mentoringFixtures(base: FundingFixture): Promise<MentoringWalkFixtures> {
  const created = await asAdmin(
    'mutation WalkFixtureMentoringProject($org: ID!) { createMentoringProject(input: { name: "Walk: VVSG-mentoring", organisationId: $org, languages: ["nl"], regions: [ANTWERP] }) { project { id } } }',
    { org: base.orgs[BENEFICIARY] },
  );
  const project = created.createMentoringProject.project.id as string;
  const register = async (email: string, address: string) => {
    const result = await api.execRaw(
      'mutation WalkFixtureRegister($id: ID!, $email: String!) { registerAsMentor(input: { projectId: $id, name: "Walk Fixture", email: $email }) { status } }',
      { id: project, email },
      { clientAddress: address },
    );
    if (result.errors?.length) throw new Error(`fixture registration: ${JSON.stringify(result.errors)}`);
  };
  await register("walk-decide@example.org", "192.0.2.1");
  await register("walk-confirm@example.org", "192.0.2.2");
  await register("walk-withdraw@example.org", "192.0.2.3");
  const listed = await asAdmin(
    "query WalkFixtureRegistrations($id: ID!) { node(id: $id) { ... on MentoringProject { registrations(first: 10) { edges { node { id email } } } } } }",
    { id: project },
  );
  const idOf = (email: string) => rowId(listed.node.registrations.edges.find((e: { node: { email: string } }) => e.node.email === email).node.id);
  const inAnHour = new Date(Date.now() + 60 * 60 * 1000);
  const decide = idOf("walk-decide@example.org");
  await asAdmin("mutation WalkFixtureConfirm($token: String!) { confirmMentorEmail(token: $token) { status } }", { token: signLinkToken("confirm", decide, inAnHour) });
  const programmes = await asAdmin('query WalkFixtureProgramme { programme(slug: "modern-hr-beleid") { id phases { id position } } }');
  return {
    project,
    registrationToDecide: Buffer.from(`MentorRegistration:${decide}`).toString("base64url"),
    confirmToken: signLinkToken("confirm", idOf("walk-confirm@example.org"), inAnHour),
    withdrawToken: signLinkToken("withdraw", idOf("walk-withdraw@example.org"), inAnHour),
    programme: programmes.programme.id,
    phase: programmes.programme.phases.find((p: { position: number }) => p.position === 3).id,
  };
}

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  fx = await createFixtures();
});
afterAll(() => api?.close());

/** The actors of one column on one row: the "related organisation" column walks a partner of each related organisation. */
function actorsOf(variant: ActorVariantKey, relation: Relation): { actor: Actor | null; who: string }[] {
  const org = (id: string) => ({ org: rowId(id), who: orgName(id) });
  switch (variant) {
    case "anonymous":
      return [{ actor: null, who: "" }];
    case "admin":
      return [{ actor: { role: "ADMIN", sub: "walk-admin" }, who: "" }];
    case "consultant":
      return [{ actor: { role: "CONSULTANT", sub: "walk-consultant" }, who: "" }];
    case "boardMemberOfRightBoard":
      return [{ actor: { role: "BOARD_MEMBER", sub: "walk-member", board: rowId(relation.rightBoard) }, who: ` (${boardName(relation.rightBoard)})` }];
    case "boardMemberOfOtherBoard":
      return [{ actor: { role: "BOARD_MEMBER", sub: "walk-member", board: rowId(relation.otherBoard) }, who: ` (${boardName(relation.otherBoard)})` }];
    case "expert": {
      // An expert of a related organisation: a grant that leaked through the organisation would show.
      const { org: id, who } = org(relation.relatedOrganisations[0]!);
      return [{ actor: { role: "EXPERT", sub: "walk-expert", org: id }, who: ` (${who})` }];
    }
    case "partnerOfRelatedOrganisation":
      return relation.relatedOrganisations.map((related) => {
        const { org: id, who } = org(related);
        return { actor: { role: "PARTNER", sub: "walk-partner", org: id }, who: ` (${who})` };
      });
    case "partnerOfUnrelatedOrganisation": {
      const { org: id, who } = org(relation.unrelatedOrganisation);
      return [{ actor: { role: "PARTNER", sub: "walk-partner", org: id }, who: ` (${who})` }];
    }
  }
}

function orgName(id: string): string {
  return Object.entries(fx.orgs).find(([, v]) => v === id)?.[0] ?? (id === fx.organisation ? "Walk BV" : id);
}
function boardName(id: string): string {
  return Object.entries(fx.boards).find(([, v]) => v === id)?.[0] ?? (id === fx.board ? "Walkzone Zuid" : id);
}

/** Error codes a caller who is allowed may still get from a sample (see the header). */
// RATE_LIMITED: a public form (registerAsMentor) sent by every actor in turn meets its limit per address.
const ALLOWED_ERROR_CODES = new Set(["BAD_USER_INPUT", "NOT_FOUND", "CONFLICT", "RATE_LIMITED"]);

type Observation =
  | { kind: "denied"; code: "UNAUTHENTICATED" | "FORBIDDEN" | "answer"; detail: string }
  | { kind: "allowed"; clean: boolean; detail: string }
  | { kind: "broken"; detail: string };

interface Answer {
  data?: Record<string, unknown> | null | undefined;
  errors?: readonly { message: string; extensions?: Record<string, unknown> | undefined }[] | undefined;
}

/**
 * One thing the walk sends as every actor and judges against one row's cells: a row's own
 * sample, or another way to reach what the row guards (node(id) of a protected object, the
 * CSV download, a viewerCan field).
 */
interface Probe {
  /** Names the probe in a mismatch. */
  name: string;
  /** The row whose cells the probe must follow. */
  row: MatrixRow;
  relation: Relation;
  send: (actor: Actor | null) => Promise<Answer>;
  /** Reads an answer without refusal errors: "denied" where the data itself says no (a null node, a false viewerCan field). */
  read?: (data: Record<string, unknown>) => "allowed" | "denied";
}

function classify(probe: Probe, answer: Answer): Observation {
  const errors = answer.errors ?? [];
  const codes = errors.map((e) => String(e.extensions?.code ?? "NO_CODE"));
  const describe = errors.map((e, i) => `${codes[i]}: ${e.message}`).join("; ");
  const refusal = codes.find((c): c is "UNAUTHENTICATED" | "FORBIDDEN" => c === "UNAUTHENTICATED" || c === "FORBIDDEN");
  if (refusal) return { kind: "denied", code: refusal, detail: describe };
  const unexpected = codes.filter((c) => !ALLOWED_ERROR_CODES.has(c));
  if (unexpected.length) return { kind: "broken", detail: describe };
  if (probe.read && answer.data && probe.read(answer.data) === "denied") return { kind: "denied", code: "answer", detail: `answered ${JSON.stringify(answer.data)}` };
  return { kind: "allowed", clean: errors.length === 0, detail: errors.length ? describe : "data" };
}

/** Sends a document as the actor: queries and mutations through Apollo, subscriptions through graphql's subscribe(). */
async function send(query: string, variables: Record<string, unknown> | undefined, actor: Actor | null): Promise<Answer> {
  if (!/^\s*subscription\b/.test(query)) return api.execRaw(query, variables, actor ? { as: actor } : {});
  const contextValue = await api.app.createContext({ authorization: actor ? `Bearer ${await token(actor)}` : null });
  const result = await subscribe({ schema: api.app.schema, document: parse(query), variableValues: variables, contextValue });
  if (Symbol.asyncIterator in result) {
    // Accepted: the subscription is open. Close it; nothing is published while the walk runs.
    await result.return?.();
    return { data: {} };
  }
  return { data: result.data as Record<string, unknown> | null | undefined, errors: result.errors?.map((e) => ({ message: e.message, extensions: e.extensions })) };
}

const rowOf = (field: string): MatrixRow => {
  const row = matrix.rows.find((r) => r.field === field);
  if (!row) throw new Error(`no row ${field} in the matrix`);
  return row;
};

/** A row's own sample. Rows whose note says the field answers null to someone not allowed (node, nodes) read a null as denied. */
function sampleProbe(row: MatrixRow, sample: Sample): Probe {
  const rootField = row.field.split(".")[1]!;
  const nullMeansDenied = /\bnull for\b/.test(row.note ?? "");
  return {
    name: row.field,
    row,
    relation: (sample.relation ?? agreementRelation)(fx),
    send: async (actor) => {
      await sample.prepare?.(actor);
      return send(sample.query, sample.variables?.(fx, actor), actor);
    },
    read: sample.read
      ? sample.read
      : nullMeansDenied
        ? (data) => {
            const value = data[rootField];
            return value === null || (Array.isArray(value) && value.some((v) => v === null)) ? "denied" : "allowed";
          }
        : undefined,
  };
}

/** Walks probes as every actor variant; returns every mismatch, each naming the probe, its row and the actor. */
async function walk(probes: Probe[]): Promise<string[]> {
  const mismatches: string[] = [];
  for (const probe of probes) {
    const { row, relation } = probe;
    const title = probe.name === row.field ? row.field : `${probe.name} (row ${row.field})`;
    let clean = false;
    for (const variant of ACTOR_VARIANTS) {
      const expected: Outcome = expectedOutcome(row.row, variant.key);
      for (const { actor, who } of actorsOf(variant.key, relation)) {
        const observed = classify(probe, await probe.send(actor));
        const label = `${title} as ${variant.label}${who}`;
        if (observed.kind === "broken") {
          mismatches.push(`${label}: broken probe, ${observed.detail}`);
          continue;
        }
        if (observed.kind === "allowed" && observed.clean) clean = true;
        if (observed.kind !== expected) {
          const condition = row.conditions.find((c) => c.role === variant.role);
          const why = condition ? ` [condition: ${condition.describe}; ${relation.means}]` : "";
          mismatches.push(`${label}: the matrix says ${expected}, the API ${observed.kind} (${observed.detail})${why}`);
          continue;
        }
        if (observed.kind === "denied" && observed.code !== "answer") {
          const wanted = variant.role === "ANONYMOUS" ? "UNAUTHENTICATED" : "FORBIDDEN";
          if (observed.code !== wanted) mismatches.push(`${label}: denied with ${observed.code}, expected ${wanted} (${observed.detail})`);
        }
      }
    }
    if (!clean) mismatches.push(`${title}: succeeded without errors for no actor; check the probe and its fixtures`);
  }
  return mismatches;
}

const report = (mismatches: string[]): string => `${mismatches.length} mismatch(es) between the matrix and the API:\n${mismatches.join("\n")}`;

describe("authorization matrix", () => {
  it("covers every root field with a row, names only fields the schema has, and has a sample for every row", () => {
    const problems: string[] = [];
    const rows = new Set(matrix.rows.map((r) => r.field));
    for (const typeName of ["Query", "Mutation", "Subscription"]) {
      const type = api.app.schema.getType(typeName);
      if (!(type instanceof GraphQLObjectType)) continue;
      for (const field of Object.keys(type.getFields())) {
        if (!rows.has(`${typeName}.${field}`)) problems.push(`${typeName}.${field} has no row in any module's access list (schema/*/module.ts)`);
      }
    }
    for (const row of matrix.rows) {
      const [typeName, fieldName] = row.field.split(".") as [string, string];
      const type = api.app.schema.getType(typeName);
      if (!(type instanceof GraphQLObjectType) || !type.getFields()[fieldName]) problems.push(`${row.field} (module ${row.module}) names a field the schema does not have`);
      if (!SAMPLES[row.field]) problems.push(`${row.field} (module ${row.module}) has no sample operation in test/kit/authorization.test.ts`);
    }
    for (const field of Object.keys(SAMPLES)) {
      if (!rows.has(field)) problems.push(`the sample for ${field} matches no row of the matrix`);
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("answers every row's sample as each actor the way the matrix says", async () => {
    const probes = matrix.rows.flatMap((row) => {
      const sample = SAMPLES[row.field];
      return sample ? [sampleProbe(row, sample)] : []; // a missing sample fails the coverage test
    });
    const mismatches = await walk(probes);
    expect(mismatches, report(mismatches)).toEqual([]);
    // Every row as every actor, one after the other: some hundred operations, more with each module.
  }, 180_000);

  it("guards the other ways to what a row protects alike: node(id), the CSV download and the viewerCan fields", async () => {
    const query = (q: string, variables: (fx: Fixtures) => Record<string, unknown>) => (actor: Actor | null) => send(q, variables(fx), actor);
    const node = (data: Record<string, unknown>) => (data.node === null ? "denied" : "allowed");
    /** A viewerCan field: true is allowed; false, or an object the actor cannot see, is denied. */
    const flag = (path: string[]) => (data: Record<string, unknown>) => {
      let value: unknown = data;
      for (const key of path) value = (value as Record<string, unknown> | null)?.[key];
      return value === true ? "allowed" : "denied";
    };
    const probe = (name: string, field: string, rest: Omit<Probe, "name" | "row" | "relation"> & { relation?: Relation }): Probe => ({
      name,
      row: rowOf(field),
      relation: agreementRelation(fx),
      ...rest,
    });
    const agreement = (fx: Fixtures) => ({ id: fx.agreementId });
    const probes: Probe[] = [
      probe("node(id) of an intermediate campaign result", "Campaign.results", {
        send: query("query WalkCampaignResultNode($id: ID!) { node(id: $id) { id } }", (fx) => ({ id: fx.campaign.intermediateResult })),
        read: node,
        relation: campaignCircleRelation(fx),
      }),
      probe("node(id) of a board's application to a campaign", "Campaign.applications", {
        send: query("query WalkApplicationNode($id: ID!) { node(id: $id) { id } }", (fx) => ({ id: fx.campaign.lierApplication })),
        read: node,
        relation: campaignCircleRelation(fx),
      }),
      probe("node(id) of a forum thread", "Theme.space", {
        send: query("query WalkThreadNode($id: ID!) { node(id: $id) { id } }", (fx) => ({ id: fx.labo.threads.member })),
        read: node,
        relation: laboRelation(fx),
      }),
      probe("node(id) of a board's application to a project call", "ProjectCall.applications", {
        send: query("query WalkCallApplicationNode($id: ID!) { node(id: $id) { id } }", (fx) => ({ id: fx.labo.applicationToDecide })),
        read: node,
        relation: { ...laboRelation(fx), rightBoard: fx.boards.Brugge! },
      }),
      probe("node(id) of a mentor's registration", "MentoringProject.registrations", {
        send: query("query WalkMentorRegistrationNode($id: ID!) { node(id: $id) { id } }", (fx) => ({ id: fx.mentoring.registrationToDecide })),
        read: node,
        relation: mentoringRelation(fx),
      }),
      probe("node(id) of an invoice", "FundingAgreement.invoices", {
        send: query("query WalkInvoiceNode($id: ID!) { node(id: $id) { id } }", (fx) => ({ id: fx.invoiceToPay })),
        read: node,
      }),
      probe("node(id) of a co-financing entry of Gent", "FundingAgreement.coFinancing", {
        send: query("query WalkEntryNode($id: ID!) { node(id: $id) { id } }", (fx) => ({ id: fx.coFinancingEntry })),
        read: node,
      }),
      probe("node(id) of an audit entry", "Query.auditLog", { send: query("query WalkAuditNode($id: ID!) { node(id: $id) { id } }", (fx) => ({ id: fx.auditEntry })), read: node }),
      probe("GET /reports/funding-agreements/{id}/justification.csv", "FundingAgreement.justificationReport", {
        async send(actor) {
          const response = await serveDownload(api.app, {
            path: `/reports/funding-agreements/${fx.agreementId}/justification.csv`,
            authorization: actor ? `Bearer ${await token(actor)}` : null,
          });
          return response.status === 200 ? { data: { csv: response.body.length } } : (JSON.parse(response.body) as Answer);
        },
      }),
      probe("FundingAgreement.viewerCanReadFinancials", "FundingAgreement.invoices", {
        send: query("query WalkCanRead($id: ID!) { fundingAgreement(id: $id) { viewerCanReadFinancials } }", agreement),
        read: flag(["fundingAgreement", "viewerCanReadFinancials"]),
      }),
      probe("FundingAgreement.viewerCanSubmitInvoice", "Mutation.submitInvoice", {
        send: query("query WalkCanSubmit($id: ID!) { fundingAgreement(id: $id) { viewerCanSubmitInvoice } }", agreement),
        read: flag(["fundingAgreement", "viewerCanSubmitInvoice"]),
      }),
      probe("FundingAgreement.viewerCanRecordCoFinancing", "Mutation.recordCoFinancing", {
        send: query("query WalkCanRecord($id: ID!) { fundingAgreement(id: $id) { viewerCanRecordCoFinancing } }", agreement),
        read: flag(["fundingAgreement", "viewerCanRecordCoFinancing"]),
      }),
      probe("Commitment.viewerCanPropose of an open qualitative commitment", "Mutation.proposeJudgement", {
        send: query("query WalkCanPropose($id: ID!) { node(id: $id) { ... on Commitment { viewerCanPropose } } }", (fx) => ({ id: fx.pendingCommitment })),
        read: flag(["node", "viewerCanPropose"]),
      }),
      probe("Commitment.viewerCanJudge of a commitment with a pending proposal", "Mutation.acceptJudgement", {
        send: query("query WalkCanJudge($id: ID!) { node(id: $id) { ... on Commitment { viewerCanJudge } } }", (fx) => ({ id: fx.pendingCommitment })),
        read: flag(["node", "viewerCanJudge"]),
        relation: funderRelation(fx),
      }),
      probe("Commitment.viewerCanReopen of an accepted judgement", "Mutation.reopenCommitment", {
        send: query("query WalkCanReopen($id: ID!) { node(id: $id) { ... on Commitment { viewerCanReopen } } }", (fx) => ({ id: fx.judgedCommitment })),
        read: flag(["node", "viewerCanReopen"]),
        relation: funderRelation(fx),
      }),
      probe("FundingAgreement.viewerCanEdit", "Mutation.updateFundingAgreement", {
        send: query("query WalkCanEdit($id: ID!) { fundingAgreement(id: $id) { viewerCanEdit } }", agreement),
        read: flag(["fundingAgreement", "viewerCanEdit"]),
      }),
      probe("FundingAgreement.viewerCanSetTerms", "Mutation.setFundingTerms", {
        send: query("query WalkCanSetTerms($id: ID!) { fundingAgreement(id: $id) { viewerCanSetTerms } }", agreement),
        read: flag(["fundingAgreement", "viewerCanSetTerms"]),
        relation: funderRelation(fx),
      }),
      probe("FundingAgreement.viewerCanClose of the ended addendum", "Mutation.closeFundingAgreement", {
        send: query("query WalkCanClose($id: ID!) { fundingAgreement(id: $id) { viewerCanClose } }", agreement),
        read: flag(["fundingAgreement", "viewerCanClose"]),
        relation: funderRelation(fx),
      }),
      probe("FundingAgreement.viewerCanRecordOverhead", "Mutation.recordOverheadCost", {
        send: query("query WalkCanRecordOverhead($id: ID!) { fundingAgreement(id: $id) { viewerCanRecordOverhead } }", agreement),
        read: flag(["fundingAgreement", "viewerCanRecordOverhead"]),
      }),
      probe("Invoice.viewerCanApprove of a SUBMITTED invoice", "Mutation.approveInvoice", {
        send: query("query WalkCanApprove($id: ID!) { node(id: $id) { ... on Invoice { viewerCanApprove } } }", (fx) => ({ id: fx.submittedInvoice })),
        read: flag(["node", "viewerCanApprove"]),
      }),
      probe("Invoice.viewerCanReject of a SUBMITTED invoice", "Mutation.rejectInvoice", {
        send: query("query WalkCanReject($id: ID!) { node(id: $id) { ... on Invoice { viewerCanReject } } }", (fx) => ({ id: fx.submittedInvoice })),
        read: flag(["node", "viewerCanReject"]),
      }),
      probe("Invoice.viewerCanPay of an APPROVED invoice", "Mutation.payInvoice", {
        send: query("query WalkCanPay($id: ID!) { node(id: $id) { ... on Invoice { viewerCanPay } } }", (fx) => ({ id: fx.approvedInvoice })),
        read: flag(["node", "viewerCanPay"]),
      }),
      probe("Board.viewerCanUpdate", "Mutation.updateBoard", {
        send: query("query WalkCanUpdateBoard($id: ID!) { board(id: $id) { viewerCanUpdate } }", (fx) => ({ id: fx.board })),
        read: flag(["board", "viewerCanUpdate"]),
        relation: boardRelation(fx),
      }),
      probe("Organisation.viewerCanUpdate", "Mutation.updateOrganisation", {
        send: query("query WalkCanUpdateOrganisation($id: ID!) { organisation(id: $id) { viewerCanUpdate } }", (fx) => ({ id: fx.organisation })),
        read: flag(["organisation", "viewerCanUpdate"]),
        relation: organisationRelation(fx),
      }),
    ];
    const mismatches = await walk(probes);
    expect(mismatches, report(mismatches)).toEqual([]);
  });

  // The walk expects what the policies say now, so a changed grant passes it when the services
  // enforce the change; the committed matrix is what makes the change visible and reviewed.
  it("docs/authorization.md is what `npm run authz:doc` writes", () => {
    const committed = readFileSync(new URL("../../docs/authorization.md", import.meta.url), "utf8");
    const generated = renderAuthorizationMarkdown(matrix);
    const changes = matrixChanges(committed, generated);
    expect(changes, `the policies or access rows changed since docs/authorization.md was generated (run \`npm run authz:doc\` and commit it):\n${changes.join("\n")}`).toEqual([]);
    expect(committed, "docs/authorization.md is out of date: run `npm run authz:doc`").toBe(generated);
  });
});

// Tables of the LaboLokaal module (seed 002): the project fund of track 1. Boards apply to calls on
// one of 8 HRM themes; a selected application becomes a project with an external expert, EUR 5,000
// of support and (unless the theme is VIA-funded) an own contribution of EUR 2,000 charged in the
// co-financing ledger; the amounts are the call's terms, stored with the call. Each theme has a
// learning network (collective sessions) and each project individual coaching sessions; a project
// ends with the board's final report.
//
// The participants' platform: per theme, documents (bytes in object storage, metadata here, PENDING
// until the upload is confirmed and its real type checked), a forum (threads and replies, Markdown
// kept as written and as sanitised HTML), profiles (a display name and a photo per account), and
// questions through the contact form, answered by consultants. Who belongs to a theme's space is
// not stored: it follows from the projects (schema/labolokaal/membership.ts).
import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { boards } from "./boards.js";
import { id, timestamps } from "./columns.js";
import { actions, coFinancingEntries } from "./funding.js";
import { localizedText } from "./i18n.js";
import { organisations } from "./organisations.js";

const cents = (name: string) => bigint(name, { mode: "number" });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Where a theme's money comes from: the addendum, or VIA means (no own contribution asked). */
export const themeFundingSource = pgEnum("labo_funding_source", ["ADDENDUM", "VIA"]);

/** An HRM theme of LaboLokaal (one of 8). */
export const laboThemes = pgTable(
  "labo_themes",
  {
    id: id(),
    name: localizedText("name").notNull(),
    description: localizedText("description"),
    fundingSource: themeFundingSource("funding_source").notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("labo_themes_name_key").on(sql`lower(${t.name}->>'nl')`)],
);

/**
 * A call for projects (projectoproep) on a theme. OPEN from `opensOn` through `deadline` (both
 * days in Europe/Brussels, the deadline included), CLOSED otherwise: derived, never stored. Its terms
 * (support and own contribution) are stored with it; `actionId` is the addendum's action whose
 * co-financing ledger takes the own contributions (required when it asks one).
 */
export const projectCalls = pgTable(
  "labo_project_calls",
  {
    id: id(),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => laboThemes.id),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    opensOn: date("opens_on").notNull(),
    deadline: date("deadline").notNull(),
    supportCents: cents("support_cents").notNull(),
    ownContributionCents: cents("own_contribution_cents").notNull(),
    currency: text("currency").notNull().default("EUR"),
    actionId: uuid("action_id").references(() => actions.id),
    ...timestamps(),
  },
  (t) => [
    index("labo_project_calls_theme_idx").on(t.themeId, t.deadline),
    index("labo_project_calls_deadline_idx").on(t.deadline, t.id),
    check("labo_project_calls_period_check", sql`${t.deadline} >= ${t.opensOn}`),
    check("labo_project_calls_amounts_check", sql`${t.supportCents} >= 0 and ${t.ownContributionCents} >= 0`),
  ],
);

export const applicationDecision = pgEnum("labo_application_decision", ["SELECTED", "NOT_SELECTED"]);

/**
 * A board's application to a call: motivation and a contact person (name, e-mail, phone: the
 * board's members and consultants see them), one per board per call; reviewed with a score (1-5),
 * decided with a reason.
 */
export const laboApplications = pgTable(
  "labo_applications",
  {
    id: id(),
    callId: uuid("call_id")
      .notNull()
      .references(() => projectCalls.id),
    boardId: uuid("board_id")
      .notNull()
      .references(() => boards.id),
    motivation: text("motivation").notNull(),
    contactName: text("contact_name").notNull(),
    contactEmail: text("contact_email").notNull(),
    contactPhone: text("contact_phone"),
    /** The account that applied (a token subject). */
    submittedBy: text("submitted_by"),
    score: smallint("score"),
    decision: applicationDecision("decision"),
    reason: text("reason"),
    decidedAt: instant("decided_at"),
    decidedBy: text("decided_by"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("labo_applications_board_key").on(t.callId, t.boardId),
    index("labo_applications_board_idx").on(t.boardId),
    check("labo_applications_score_check", sql`${t.score} is null or ${t.score} between 1 and 5`),
    check("labo_applications_decision_check", sql`(${t.decision} is null) = (${t.decidedAt} is null)`),
  ],
);

/**
 * A selected application's project: the board, the theme, the external expert (an organisation),
 * the support and the own contribution from the call's terms (0 for a VIA theme), and the ledger
 * charge of the own contribution. Its final report: experiences and recommendations.
 */
export const laboProjects = pgTable(
  "labo_projects",
  {
    id: id(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => laboApplications.id),
    callId: uuid("call_id")
      .notNull()
      .references(() => projectCalls.id),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => laboThemes.id),
    boardId: uuid("board_id")
      .notNull()
      .references(() => boards.id),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => organisations.id),
    supportCents: cents("support_cents").notNull(),
    ownContributionCents: cents("own_contribution_cents").notNull(),
    currency: text("currency").notNull().default("EUR"),
    ownContributionChargeId: uuid("own_contribution_charge_id").references(() => coFinancingEntries.id),
    startedOn: date("started_on").notNull(),
    reportExperiences: text("report_experiences"),
    reportRecommendations: text("report_recommendations"),
    reportSubmittedAt: instant("report_submitted_at"),
    reportSubmittedBy: text("report_submitted_by"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("labo_projects_application_key").on(t.applicationId),
    index("labo_projects_theme_idx").on(t.themeId, t.boardId),
    index("labo_projects_board_idx").on(t.boardId),
    index("labo_projects_expert_idx").on(t.expertId),
    check("labo_projects_amounts_check", sql`${t.supportCents} >= 0 and ${t.ownContributionCents} >= 0`),
    check("labo_projects_charge_check", sql`(${t.ownContributionCents} > 0) = (${t.ownContributionChargeId} is not null)`),
    check("labo_projects_report_check", sql`(${t.reportSubmittedAt} is null) = (${t.reportExperiences} is null)`),
  ],
);

export const laboSessionKind = pgEnum("labo_session_kind", [
  /** A collective session of the theme's learning network, with the expert and several boards. */
  "COLLECTIVE",
  /** An individual coaching session of one project with its expert. */
  "COACHING",
]);

/** A learning-network session of a theme (COLLECTIVE) or a coaching session of a project (COACHING). */
export const laboSessions = pgTable(
  "labo_sessions",
  {
    id: id(),
    kind: laboSessionKind("kind").notNull(),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => laboThemes.id),
    /** For COACHING: the project coached. */
    projectId: uuid("project_id").references(() => laboProjects.id),
    expertId: uuid("expert_id").references(() => organisations.id),
    heldOn: date("held_on").notNull(),
    topic: text("topic"),
    ...timestamps(),
  },
  (t) => [
    index("labo_sessions_theme_idx").on(t.themeId, t.heldOn),
    index("labo_sessions_project_idx").on(t.projectId),
    check("labo_sessions_project_check", sql`(${t.kind} = 'COACHING') = (${t.projectId} is not null)`),
  ],
);

/** A board attending a collective session. */
export const laboSessionBoards = pgTable(
  "labo_session_boards",
  {
    sessionId: uuid("session_id")
      .notNull()
      .references(() => laboSessions.id),
    boardId: uuid("board_id")
      .notNull()
      .references(() => boards.id),
    createdAt: instant("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.boardId] }), index("labo_session_boards_board_idx").on(t.boardId)],
);

export const uploadStatus = pgEnum("labo_upload_status", [
  /** A signed upload link was handed out; the bytes are not confirmed yet. */
  "PENDING",
  /** Uploaded, its size and real type checked: members can find and download it. */
  "AVAILABLE",
]);

/** A document in a theme's space: metadata here, bytes in object storage under `storageKey`. */
export const laboDocuments = pgTable(
  "labo_documents",
  {
    id: id(),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => laboThemes.id),
    title: text("title").notNull(),
    description: text("description"),
    filename: text("filename").notNull(),
    /** The type the uploader declared; `contentType` is what the bytes turned out to be. */
    declaredContentType: text("declared_content_type").notNull(),
    contentType: text("content_type"),
    sizeBytes: integer("size_bytes"),
    storageKey: text("storage_key").notNull(),
    status: uploadStatus("status").notNull().default("PENDING"),
    uploadExpiresAt: instant("upload_expires_at").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    /** The uploader's board (a board member) or organisation (an expert), for "by whom" without a person. */
    uploaderBoardId: uuid("uploader_board_id").references(() => boards.id),
    uploaderOrganisationId: uuid("uploader_organisation_id").references(() => organisations.id),
    confirmedAt: instant("confirmed_at"),
    removedAt: instant("removed_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("labo_documents_storage_key").on(t.storageKey),
    index("labo_documents_theme_idx").on(t.themeId, t.createdAt),
    check("labo_documents_size_check", sql`${t.sizeBytes} is null or ${t.sizeBytes} between 1 and 26214400`),
    check("labo_documents_available_check", sql`(${t.status} = 'AVAILABLE') = (${t.confirmedAt} is not null)`),
  ],
);

/** A thread on a theme's forum; its body as written (Markdown or plain text) and as sanitised HTML. */
export const laboThreads = pgTable(
  "labo_threads",
  {
    id: id(),
    themeId: uuid("theme_id")
      .notNull()
      .references(() => laboThemes.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    authorSubject: text("author_subject").notNull(),
    authorBoardId: uuid("author_board_id").references(() => boards.id),
    authorOrganisationId: uuid("author_organisation_id").references(() => organisations.id),
    editedAt: instant("edited_at"),
    /** Removed by its author or a moderator: its text is no longer shown. */
    removedAt: instant("removed_at"),
    removedBy: text("removed_by"),
    /** When its newest reply was posted (or it was opened): threads page by it. */
    lastActivityAt: instant("last_activity_at").notNull().defaultNow(),
    ...timestamps(),
  },
  (t) => [index("labo_threads_theme_idx").on(t.themeId, t.lastActivityAt, t.id)],
);

/** A reply in a thread. */
export const laboReplies = pgTable(
  "labo_replies",
  {
    id: id(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => laboThreads.id),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    authorSubject: text("author_subject").notNull(),
    authorBoardId: uuid("author_board_id").references(() => boards.id),
    authorOrganisationId: uuid("author_organisation_id").references(() => organisations.id),
    editedAt: instant("edited_at"),
    removedAt: instant("removed_at"),
    removedBy: text("removed_by"),
    ...timestamps(),
  },
  (t) => [index("labo_replies_thread_idx").on(t.threadId, t.createdAt, t.id)],
);

/** A participant's profile on the platform, per account (token subject): display name and photo. */
export const laboProfiles = pgTable(
  "labo_profiles",
  {
    id: id(),
    subject: text("subject").notNull(),
    displayName: text("display_name").notNull(),
    /** The photo's object key and state, as for documents. */
    photoKey: text("photo_key"),
    photoContentType: text("photo_content_type"),
    photoStatus: uploadStatus("photo_status"),
    photoUploadExpiresAt: instant("photo_upload_expires_at"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("labo_profiles_subject_key").on(t.subject), check("labo_profiles_photo_check", sql`(${t.photoKey} is null) = (${t.photoStatus} is null)`)],
);

/** A question through the contact form, and the consultant's answer. */
export const laboQuestions = pgTable(
  "labo_questions",
  {
    id: id(),
    askedBy: text("asked_by").notNull(),
    askerBoardId: uuid("asker_board_id").references(() => boards.id),
    askerOrganisationId: uuid("asker_organisation_id").references(() => organisations.id),
    themeId: uuid("theme_id").references(() => laboThemes.id),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    answer: text("answer"),
    answeredAt: instant("answered_at"),
    answeredBy: text("answered_by"),
    ...timestamps(),
  },
  (t) => [
    index("labo_questions_asked_idx").on(t.askedBy, t.createdAt),
    index("labo_questions_open_idx").on(t.answeredAt, t.createdAt),
    check("labo_questions_answer_check", sql`(${t.answer} is null) = (${t.answeredAt} is null)`),
  ],
);

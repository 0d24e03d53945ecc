// Tables of the trainings domain: the training offer of tracks 2 and 3 of the addendum (open,
// in-house through the training fund Focus op Talent, e-learning, blended), its sessions, the
// boards' employees who take part, and their enrolments. A person is an employee of one board;
// a board can forget one (GDPR erasure): the row stays, without anything that names the person,
// so counts of distinct people reached stay exact.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { boards, province } from "./boards.js";
import { id, timestamps } from "./columns.js";
import { actions, coFinancingEntries } from "./funding.js";
import { localizedText } from "./i18n.js";
import { organisations } from "./organisations.js";

export const trainingFormat = pgEnum("training_format", ["OPEN", "IN_HOUSE", "E_LEARNING", "BLENDED"]);

/** A training of the catalogue. */
export const trainings = pgTable(
  "trainings",
  {
    id: id(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    /** A short subject label, such as "burn-out", "leiderschap", "mentorschap". */
    topic: text("topic").notNull(),
    format: trainingFormat("format").notNull(),
    /** Builds digital skills (action 7). */
    digitalSkills: boolean("digital_skills").notNull().default(false),
    providerId: uuid("provider_id").references(() => organisations.id),
    /** The addendum's action it carries out. */
    actionId: uuid("action_id").references(() => actions.id),
    /** Who it is for, in words ("leidinggevenden", "ploegbazen", ...). */
    audience: text("audience"),
    /** The language it is taught in. */
    language: text("language").notNull().default("nl"),
    /** What each enrolment that holds a seat costs the employee's board; 0 when free. */
    feeCents: bigint("fee_cents", { mode: "number" }).notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    index("trainings_title_idx").on(sql`(${t.title}->>'nl')`, t.id),
    index("trainings_action_idx").on(t.actionId),
    check("trainings_language_check", sql`${t.language} in ('nl', 'fr', 'en')`),
    check("trainings_fee_check", sql`${t.feeCents} >= 0`),
  ],
);

/** One session of a training: when, where (online or a place in a province), how many may attend. */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: id(),
    trainingId: uuid("training_id")
      .notNull()
      .references(() => trainings.id),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "date" }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "date" }).notNull(),
    online: boolean("online").notNull().default(false),
    province: province("province"),
    place: text("place"),
    capacity: integer("capacity").notNull(),
    /** The board that hosts an in-house session. */
    hostBoardId: uuid("host_board_id").references(() => boards.id),
    /** The expert who teaches it: their organisation, and their subject (token `sub`) once known. */
    expertOrganisationId: uuid("expert_organisation_id").references(() => organisations.id),
    expertSubject: text("expert_subject"),
    /** Seeded to show the catalogue's shape: the source names no dates or places. */
    isExample: boolean("is_example").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    check("training_sessions_time_check", sql`${t.startsAt} < ${t.endsAt}`),
    check("training_sessions_capacity_check", sql`${t.capacity} > 0`),
    check("training_sessions_place_check", sql`${t.online} or ${t.province} is not null`),
    index("training_sessions_training_idx").on(t.trainingId, t.startsAt),
    index("training_sessions_starts_idx").on(t.startsAt, t.id),
  ],
);

/** An employee of a board who takes part: a display name or pseudonym, never a national register number. */
export const employees = pgTable(
  "employees",
  {
    id: id(),
    boardId: uuid("board_id")
      .notNull()
      .references(() => boards.id),
    /** Null once the board has forgotten the person. */
    displayName: text("display_name"),
    job: text("job"),
    department: text("department"),
    forgottenAt: timestamp("forgotten_at", { withTimezone: true, mode: "date" }),
    ...timestamps(),
  },
  (t) => [
    index("employees_board_idx").on(t.boardId, t.id),
    check("employees_forgotten_check", sql`${t.forgottenAt} is null or (${t.displayName} is null and ${t.job} is null and ${t.department} is null)`),
    check("employees_named_check", sql`${t.forgottenAt} is not null or ${t.displayName} is not null`),
  ],
);

export const enrolmentStatus = pgEnum("enrolment_status", ["REGISTERED", "WAITLISTED", "ATTENDED", "NO_SHOW", "CANCELLED"]);

/**
 * An employee's place on a session. REGISTERED and ATTENDED hold a seat; WAITLISTED waits in
 * the order of enrolment (first come, first served); a cancellation frees a seat for the first
 * waiting person in the same transaction.
 */
export const enrolments = pgTable(
  "enrolments",
  {
    id: id(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSessions.id),
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => employees.id),
    status: enrolmentStatus("status").notNull(),
    /** Orders the waitlist: when the employee was put on it (or enrolled). */
    queuedAt: timestamp("queued_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    enrolledBy: text("enrolled_by"),
    /** The participation fee charged in the co-financing ledger when the enrolment took a seat. */
    feeChargeId: uuid("fee_charge_id").references(() => coFinancingEntries.id),
    ...timestamps(),
  },
  (t) => [
    // One live enrolment per person per session; a cancelled one may be followed by a new one.
    uniqueIndex("enrolments_live_key").on(t.sessionId, t.employeeId).where(sql`${t.status} <> 'CANCELLED'`),
    index("enrolments_session_idx").on(t.sessionId, t.status, t.queuedAt),
    index("enrolments_employee_idx").on(t.employeeId),
  ],
);

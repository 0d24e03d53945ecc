// Tables of the rest of tracks 1-5 of the addendum, owned by the trainings module: trajectories
// (leadership, innovative work organisation, the e-learning learning network) with the boards
// taking part and their sessions; the HRM worktables and their meetings; the knowledge
// platform's learning tools; LokaalWerkt's professions; and the communication figures of action 9.
// Each is a record the API owns, counted by the metrics the funding module's commitments measure.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { boards, province } from "./boards.js";
import { id, timestamps } from "./columns.js";
import { actions, coFinancingEntries } from "./funding.js";
import { localizedText } from "./i18n.js";
import { organisations } from "./organisations.js";

const cents = (name: string) => bigint(name, { mode: "number" });

export const trajectoryKind = pgEnum("trajectory_kind", ["LEADERSHIP", "WORK_ORGANISATION", "LEARNING_NETWORK"]);

/** The levels of leadership a trajectory is for, in the source's order: from foreman to general director. */
export const leadershipLevel = pgEnum("leadership_level", ["FOREMAN", "TEAM_LEADER", "MIDDLE_MANAGER", "DEPARTMENT_HEAD", "MANAGEMENT_TEAM", "GENERAL_DIRECTOR"]);

/**
 * A trajectory: LEADERSHIP (for target levels, with an approach), WORK_ORGANISATION (IAO, in
 * named departments of boards) or LEARNING_NETWORK (the GoodHabitz e-learning pilot, after a
 * call to boards). Offered from `offeredFrom` until `offeredUntil` (open-ended while null).
 */
export const trajectories = pgTable(
  "trajectories",
  {
    id: id(),
    kind: trajectoryKind("kind").notNull(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    /** For LEADERSHIP: the levels it is for; empty for the other kinds. */
    targetLevels: leadershipLevel("target_levels").array().notNull().default(sql`'{}'`),
    /** How it works, in words ("coaching on the job", "intervisie", ...). */
    approach: text("approach"),
    partnerId: uuid("partner_id").references(() => organisations.id),
    /** The addendum's action it carries out; a fee is charged in that action's agreement. */
    actionId: uuid("action_id").references(() => actions.id),
    /** What each participating board pays (the source's "toegankelijke deelnameprijs"); 0 when free. */
    feeCents: cents("fee_cents").notNull().default(0),
    offeredFrom: date("offered_from").notNull(),
    offeredUntil: date("offered_until"),
    ...timestamps(),
  },
  (t) => [
    // Distinct trajectories: one title per kind, whatever its case.
    uniqueIndex("trajectories_kind_title_key").on(t.kind, sql`lower(${t.title}->>'nl')`),
    index("trajectories_offered_idx").on(t.kind, t.offeredFrom),
    check("trajectories_levels_check", sql`(${t.kind} = 'LEADERSHIP') = (cardinality(${t.targetLevels}) > 0)`),
    check("trajectories_fee_check", sql`${t.feeCents} >= 0`),
    check("trajectories_offered_check", sql`${t.offeredUntil} is null or ${t.offeredUntil} >= ${t.offeredFrom}`),
  ],
);

/**
 * A board taking part in a trajectory (for WORK_ORGANISATION, in a named department of the board).
 * Its fee, if the trajectory has one, is a PARTICIPATION_FEE charge in the co-financing ledger,
 * written in the same transaction.
 */
export const trajectoryParticipations = pgTable(
  "trajectory_participations",
  {
    id: id(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id),
    boardId: uuid("board_id")
      .notNull()
      .references(() => boards.id),
    /** For WORK_ORGANISATION: the department of the board the trajectory runs in. */
    department: text("department"),
    joinedOn: date("joined_on").notNull(),
    /** Set when the board withdraws; it no longer counts from then. */
    withdrawnOn: date("withdrawn_on"),
    feeChargeId: uuid("fee_charge_id").references(() => coFinancingEntries.id),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("trajectory_participations_key").on(t.trajectoryId, t.boardId, sql`coalesce(lower(${t.department}), '')`),
    index("trajectory_participations_board_idx").on(t.boardId),
    check("trajectory_participations_withdrawn_check", sql`${t.withdrawnOn} is null or ${t.withdrawnOn} >= ${t.joinedOn}`),
  ],
);

/** A meeting of a trajectory: when, and online or a place in a province. */
export const trajectorySessions = pgTable(
  "trajectory_sessions",
  {
    id: id(),
    trajectoryId: uuid("trajectory_id")
      .notNull()
      .references(() => trajectories.id),
    startsAt: timestamp("starts_at", { withTimezone: true, mode: "date" }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true, mode: "date" }).notNull(),
    online: boolean("online").notNull().default(false),
    province: province("province"),
    place: text("place"),
    hostBoardId: uuid("host_board_id").references(() => boards.id),
    ...timestamps(),
  },
  (t) => [
    index("trajectory_sessions_trajectory_idx").on(t.trajectoryId, t.startsAt),
    check("trajectory_sessions_time_check", sql`${t.startsAt} < ${t.endsAt}`),
    check("trajectory_sessions_place_check", sql`${t.online} or ${t.province} is not null`),
  ],
);

/** A regional group of the HRM worktables "Van HR-beheer naar HR-beleid", four days a year. */
export const worktableGroups = pgTable(
  "worktable_groups",
  {
    id: id(),
    title: localizedText("title").notNull(),
    province: province("province").notNull(),
    year: integer("year").notNull(),
    partnerId: uuid("partner_id").references(() => organisations.id),
    actionId: uuid("action_id").references(() => actions.id),
    ...timestamps(),
  },
  (t) => [index("worktable_groups_year_idx").on(t.year, t.province), check("worktable_groups_year_check", sql`${t.year} between 1900 and 2199`)],
);

export const meetingStatus = pgEnum("meeting_status", ["PLANNED", "HELD", "CANCELLED"]);

/** A meeting of a worktable group: its day, host board and status; the material is sent after it is held. */
export const worktableMeetings = pgTable(
  "worktable_meetings",
  {
    id: id(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => worktableGroups.id),
    /** The Brussels day it takes place on. */
    meetingDate: date("meeting_date").notNull(),
    province: province("province").notNull(),
    hostBoardId: uuid("host_board_id").references(() => boards.id),
    status: meetingStatus("status").notNull().default("PLANNED"),
    /** What was sent to the participants afterwards (documents, instruments, results). */
    material: text("material"),
    materialSentAt: timestamp("material_sent_at", { withTimezone: true, mode: "date" }),
    ...timestamps(),
  },
  (t) => [
    index("worktable_meetings_date_idx").on(t.meetingDate, t.id),
    index("worktable_meetings_group_idx").on(t.groupId, t.meetingDate),
    index("worktable_meetings_held_idx").on(t.status, t.meetingDate),
    check("worktable_meetings_material_check", sql`${t.materialSentAt} is null or ${t.status} = 'HELD'`),
  ],
);

/** A board that attended a held meeting. */
export const worktableAttendance = pgTable(
  "worktable_attendance",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => worktableMeetings.id),
    boardId: uuid("board_id")
      .notNull()
      .references(() => boards.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.boardId] }), index("worktable_attendance_board_idx").on(t.boardId)],
);

export const learningToolKind = pgEnum("learning_tool_kind", ["INSTRUMENT", "MEASURE", "OFFER"]);

/** A learning tool on the knowledge platform of action 4: an instrument, a measure or an offer. */
export const learningTools = pgTable(
  "learning_tools",
  {
    id: id(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    kind: learningToolKind("kind").notNull(),
    link: text("link").notNull(),
    providerId: uuid("provider_id").references(() => organisations.id),
    actionId: uuid("action_id").references(() => actions.id),
    /** Published on the platform from this Brussels day until `publishedUntil` (open-ended while null); unpublished while both are null. */
    publishedFrom: date("published_from"),
    publishedUntil: date("published_until"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("learning_tools_title_key").on(sql`lower(${t.title}->>'nl')`),
    index("learning_tools_published_idx").on(t.publishedFrom, t.publishedUntil),
    check("learning_tools_published_check", sql`${t.publishedUntil} is null or (${t.publishedFrom} is not null and ${t.publishedUntil} >= ${t.publishedFrom})`),
  ],
);

export const professionCategory = pgEnum("profession_category", ["CARE", "STEM", "OTHER"]);

/** A profession or function listed on the LokaalWerkt jobs website. */
export const professions = pgTable(
  "professions",
  {
    id: id(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    category: professionCategory("category").notNull(),
    /** On the list of shortage occupations (knelpuntberoep). */
    shortageOccupation: boolean("shortage_occupation").notNull().default(false),
    publishedFrom: date("published_from"),
    publishedUntil: date("published_until"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("professions_title_key").on(sql`lower(${t.title}->>'nl')`),
    index("professions_published_idx").on(t.publishedFrom, t.publishedUntil),
    check("professions_published_check", sql`${t.publishedUntil} is null or (${t.publishedFrom} is not null and ${t.publishedUntil} >= ${t.publishedFrom})`),
  ],
);

export const communicationChannel = pgEnum("communication_channel", ["NEWSLETTER", "WEBSITE"]);

/**
 * A figure of action 9's reach that a consultant enters from web analytics (outside this API):
 * the newsletter's readers or the website's visitors over a period. Baseline figures cover
 * 2021-2022, the period the addendum compares with.
 */
export const communicationFigures = pgTable(
  "communication_figures",
  {
    id: id(),
    channel: communicationChannel("channel").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    /** Readers (newsletter) or visitors (website) over the period. */
    audience: integer("audience").notNull(),
    isBaseline: boolean("is_baseline").notNull().default(false),
    /** Where the figure comes from ("Google Analytics, export of ..."). */
    source: text("source"),
    enteredBy: text("entered_by"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("communication_figures_key").on(t.channel, t.periodStart, t.periodEnd),
    check("communication_figures_period_check", sql`${t.periodEnd} >= ${t.periodStart}`),
    check("communication_figures_audience_check", sql`${t.audience} >= 0`),
  ],
);

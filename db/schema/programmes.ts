// Tables of the programmes module: every programme the sector runs or follows, in one shape, so a
// frontend lists them in one query. The Flemish government's key project "Modern HR-beleid" (seed
// 003) has a vision, strategic goals, principles, phases with a status, milestones, a steering
// group and projects each sponsored by a senior official; the addendum (seed 001) and LaboLokaal
// (seed 002) appear as programmes too. What a source does not say stays empty: the five strategic
// goals of Modern HR-beleid are declared (their number) but not listed, so `declaredGoalCount` is 5
// and no goal row exists until someone fills one in.
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns.js";
import { fundingAgreements } from "./funding.js";
import { localizedText } from "./i18n.js";
import { organisations } from "./organisations.js";

export const programmeKind = pgEnum("programme_kind", [
  /** A key project of a government programme (sleutelproject), such as Modern HR-beleid. */
  "KEY_PROJECT",
  /** A subsidy agreement with its tracks and actions, such as the addendum 2023-2025. */
  "SUBSIDY_AGREEMENT",
  /** A project fund with calls, such as LaboLokaal. */
  "PROJECT_FUND",
  /** A charter its signatories commit to, such as Decent Work for All. */
  "CHARTER",
]);

export const phaseStatus = pgEnum("programme_phase_status", ["PLANNED", "ONGOING", "COMPLETED"]);

export const programmes = pgTable(
  "programmes",
  {
    id: id(),
    /** A stable handle for links and seeds: "modern-hr-beleid", "addendum-2023-2025", "labolokaal". */
    slug: text("slug").notNull(),
    kind: programmeKind("kind").notNull(),
    title: localizedText("title").notNull(),
    summary: localizedText("summary"),
    ownerId: uuid("owner_id").references(() => organisations.id),
    /** The wider programme it belongs to, in words ("Meerjarenprogramma Slagkrachtige Overheid"). */
    partOf: localizedText("part_of"),
    /** The year it started; the source may give no day ("in het najaar 2010"). */
    startYear: smallint("start_year"),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    vision: localizedText("vision"),
    /** Where and when the vision was formulated ("Alden Biesen, 2009"). */
    visionSource: text("vision_source"),
    visionYear: smallint("vision_year"),
    /** How many strategic goals the source says there are, listed or not; null when it says nothing. */
    declaredGoalCount: smallint("declared_goal_count"),
    /** What the steering group (stuurgroep) does, in words; its members are rows of programme_steering_members. */
    steeringGroup: localizedText("steering_group"),
    /** How many people work on its projects; with `projectStaffAtLeast` for the source's "200+". */
    projectStaff: integer("project_staff"),
    projectStaffAtLeast: boolean("project_staff_at_least").notNull().default(false),
    /** For a SUBSIDY_AGREEMENT: the agreement it is. */
    fundingAgreementId: uuid("funding_agreement_id").references(() => fundingAgreements.id),
    website: text("website"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("programmes_slug_key").on(t.slug),
    index("programmes_title_idx").on(sql`(${t.title}->>'nl')`, t.id),
    check("programmes_slug_check", sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check("programmes_goal_count_check", sql`${t.declaredGoalCount} is null or ${t.declaredGoalCount} between 0 and 50`),
    check("programmes_staff_check", sql`${t.projectStaff} is null or ${t.projectStaff} >= 0`),
    check("programmes_period_check", sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A strategic goal, at its position (1..declaredGoalCount when the programme declares a count). */
export const programmeGoals = pgTable(
  "programme_goals",
  {
    id: id(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id),
    position: smallint("position").notNull(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("programme_goals_position_key").on(t.programmeId, t.position), check("programme_goals_position_check", sql`${t.position} >= 1`)],
);

/** A principle (uitgangspunt) the programme works by, in the source's order. */
export const programmePrinciples = pgTable(
  "programme_principles",
  {
    id: id(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id),
    position: smallint("position").notNull(),
    text: localizedText("text").notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("programme_principles_position_key").on(t.programmeId, t.position), check("programme_principles_position_check", sql`${t.position} >= 1`)],
);

/** A phase (fase) with its status; dates where the source gives them. */
export const programmePhases = pgTable(
  "programme_phases",
  {
    id: id(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id),
    position: smallint("position").notNull(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    status: phaseStatus("status").notNull(),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("programme_phases_position_key").on(t.programmeId, t.position),
    check("programme_phases_position_check", sql`${t.position} >= 1`),
    check("programme_phases_period_check", sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A milestone (mijlpaal) on a day. */
export const programmeMilestones = pgTable(
  "programme_milestones",
  {
    id: id(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id),
    reachedOn: date("reached_on").notNull(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    ...timestamps(),
  },
  (t) => [index("programme_milestones_programme_idx").on(t.programmeId, t.reachedOn)],
);

/** A member of a programme's steering group: an organisation, or a person named by function. */
export const programmeSteeringMembers = pgTable(
  "programme_steering_members",
  {
    id: id(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    /** A function, not a person's name ("leidend ambtenaar"): the API keeps no person's name here. */
    role: text("role"),
    ...timestamps(),
  },
  (t) => [
    index("programme_steering_members_programme_idx").on(t.programmeId),
    check("programme_steering_members_who_check", sql`${t.organisationId} is not null or ${t.role} is not null`),
  ],
);

/** A project of a programme, sponsored by a senior official (leidend ambtenaar), with its staff count. */
export const programmeProjects = pgTable(
  "programme_projects",
  {
    id: id(),
    programmeId: uuid("programme_id")
      .notNull()
      .references(() => programmes.id),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    /** The sponsoring official, by function ("leidend ambtenaar Agentschap Overheidspersoneel"). */
    sponsor: text("sponsor"),
    staffCount: integer("staff_count"),
    status: phaseStatus("status").notNull().default("ONGOING"),
    ...timestamps(),
  },
  (t) => [
    index("programme_projects_programme_idx").on(t.programmeId, sql`(${t.title}->>'nl')`),
    check("programme_projects_staff_check", sql`${t.staffCount} is null or ${t.staffCount} >= 0`),
  ],
);

// Tables of the mentoring module: the charter "Decent Work for All" (seed 004) with its signatories
// and events, the collective's directory of mentoring projects in Belgium (its track 1, individual
// mentoring) with the mentors who register for them and the activities the projects log, and the
// on-the-job training initiatives of companies with social and public partners (its track 2).
//
// A mentor needs no account: a registration is PENDING until the mentor confirms their e-mail
// address (a signed link) and the project confirms or declines it. Its contact details are the
// project's and the admins' to see only; a mentor who withdraws is forgotten: the personal fields
// are erased and only the registration's status and dates remain, for the project's counts.
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns.js";
import { localizedText } from "./i18n.js";
import { organisations } from "./organisations.js";

/** Belgium's provinces and Brussels: where a project works, a talent lives or a company hires. */
export const belgianRegion = pgEnum("belgian_region", [
  "ANTWERP",
  "EAST_FLANDERS",
  "FLEMISH_BRABANT",
  "LIMBURG",
  "WEST_FLANDERS",
  "BRUSSELS",
  "WALLOON_BRABANT",
  "HAINAUT",
  "LIEGE",
  "LUXEMBOURG",
  "NAMUR",
]);

/** Whom a mentoring project is for. */
export const targetGroup = pgEnum("mentoring_target_group", [
  "YOUNG_PEOPLE",
  "NEWCOMERS",
  "LONG_TERM_JOBSEEKERS",
  "PEOPLE_WITH_DISABILITIES",
  "OLDER_JOBSEEKERS",
  "LOW_QUALIFIED",
  "WOMEN",
]);

export const mentoringFormat = pgEnum("mentoring_format", ["ONE_TO_ONE", "GROUP", "ONLINE", "BLENDED"]);

/** A charter its signatories commit to; its date where the source gives one. */
export const charters = pgTable(
  "charters",
  {
    id: id(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    /** The month it was signed in, as the source words it ("december vorig jaar": the year is not given). */
    signedMonth: smallint("signed_month"),
    signedYear: smallint("signed_year"),
    /** About how many signed ("een vijftigtal"): the signatories named are a part of them. */
    approximateSignatoryCount: integer("approximate_signatory_count"),
    contact: text("contact"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("charters_title_key").on(sql`lower(${t.title}->>'nl')`), check("charters_month_check", sql`${t.signedMonth} is null or ${t.signedMonth} between 1 and 12`)],
);

export const charterSignatories = pgTable(
  "charter_signatories",
  {
    id: id(),
    charterId: uuid("charter_id")
      .notNull()
      .references(() => charters.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    /** What it took on, in words ("initiatiefnemer"), where the source says. */
    role: text("role"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("charter_signatories_key").on(t.charterId, t.organisationId)],
);

/**
 * An event of a charter, such as the Change Lab of 14 September. The source gives day and month
 * but no year, so the year may be null.
 */
export const charterEvents = pgTable(
  "charter_events",
  {
    id: id(),
    charterId: uuid("charter_id")
      .notNull()
      .references(() => charters.id),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    day: smallint("day").notNull(),
    month: smallint("month").notNull(),
    year: smallint("year"),
    ...timestamps(),
  },
  (t) => [index("charter_events_charter_idx").on(t.charterId), check("charter_events_day_check", sql`${t.month} between 1 and 12 and ${t.day} between 1 and 31`)],
);

/**
 * A mentoring project in the directory (or another initiative of the collective, such as Discover
 * Your Talent): who runs it, where, for whom, in which languages and sectors, how, for how many.
 * What the source does not say is left empty.
 */
export const mentoringProjects = pgTable(
  "mentoring_projects",
  {
    id: id(),
    name: text("name").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    /** The charter whose collective names it, if any. */
    charterId: uuid("charter_id").references(() => charters.id),
    description: localizedText("description"),
    regions: belgianRegion("regions").array().notNull().default(sql`'{}'`),
    targetGroups: targetGroup("target_groups").array().notNull().default(sql`'{}'`),
    /** ISO 639-1 codes, lower case: "nl", "fr", "en", "ar". */
    languages: text("languages").array().notNull().default(sql`'{}'`),
    /** Sectors its mentors and companies come from, lower-case tags: "ict", "retail", "care". */
    sectors: text("sectors").array().notNull().default(sql`'{}'`),
    format: mentoringFormat("format"),
    /** How many mentees it takes at once; null when not said. */
    capacity: integer("capacity"),
    contactEmail: text("contact_email"),
    contactPhone: text("contact_phone"),
    website: text("website"),
    /** Whether mentors may register for it now. */
    acceptsMentors: boolean("accepts_mentors").notNull().default(true),
    /** Not named in a source: seeded to show how the directory and its matching work. */
    example: boolean("example").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("mentoring_projects_name_key").on(sql`lower(${t.name})`),
    index("mentoring_projects_organisation_idx").on(t.organisationId),
    check("mentoring_projects_capacity_check", sql`${t.capacity} is null or ${t.capacity} >= 0`),
  ],
);

export const mentorRegistrationStatus = pgEnum("mentor_registration_status", ["PENDING", "CONFIRMED", "DECLINED", "WITHDRAWN"]);

/**
 * A mentor's registration for a project. PENDING until the project decides; `emailConfirmedAt` is
 * set when the mentor follows the signed link (a project confirms only a confirmed address).
 * WITHDRAWN erases the personal fields (name, e-mail, phone, motivation): the mentor is forgotten.
 */
export const mentorRegistrations = pgTable(
  "mentor_registrations",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => mentoringProjects.id),
    status: mentorRegistrationStatus("status").notNull().default("PENDING"),
    name: text("name"),
    /** Lower case; null once forgotten. */
    email: text("email"),
    phone: text("phone"),
    motivation: text("motivation"),
    languages: text("languages").array().notNull().default(sql`'{}'`),
    regions: belgianRegion("regions").array().notNull().default(sql`'{}'`),
    sectors: text("sectors").array().notNull().default(sql`'{}'`),
    emailConfirmedAt: timestamp("email_confirmed_at", { withTimezone: true, mode: "date" }),
    decidedAt: timestamp("decided_at", { withTimezone: true, mode: "date" }),
    declineReason: text("decline_reason"),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true, mode: "date" }),
    ...timestamps(),
  },
  (t) => [
    index("mentor_registrations_project_idx").on(t.projectId, t.createdAt),
    // One live registration per address and project; a withdrawn or declined one does not count.
    uniqueIndex("mentor_registrations_live_key").on(t.projectId, t.email).where(sql`${t.status} in ('PENDING', 'CONFIRMED')`),
    check("mentor_registrations_forgotten_check", sql`(${t.status} = 'WITHDRAWN') = (${t.email} is null and ${t.name} is null)`),
    check("mentor_registrations_decided_check", sql`(${t.status} in ('CONFIRMED', 'DECLINED')) <= (${t.decidedAt} is not null)`),
    check("mentor_registrations_confirmed_check", sql`${t.status} <> 'CONFIRMED' or ${t.emailConfirmedAt} is not null`),
  ],
);

export const mentoringActivityKind = pgEnum("mentoring_activity_kind", [
  /** Mentoring sessions held. */
  "SESSION",
  /** Mentor-mentee matches made. */
  "MATCH",
  /** Outcomes for mentees (a job, a training, an internship, ...). */
  "OUTCOME",
]);

export const mentoringOutcome = pgEnum("mentoring_outcome", ["JOB", "TRAINING", "INTERNSHIP", "VOLUNTEERING", "OTHER"]);

/** What a project did on a day: how many sessions, matches or outcomes of a kind. */
export const mentoringActivities = pgTable(
  "mentoring_activities",
  {
    id: id(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => mentoringProjects.id),
    kind: mentoringActivityKind("kind").notNull(),
    occurredOn: date("occurred_on").notNull(),
    count: integer("count").notNull(),
    /** For OUTCOME: which. */
    outcome: mentoringOutcome("outcome"),
    note: text("note"),
    ...timestamps(),
  },
  (t) => [
    index("mentoring_activities_project_idx").on(t.projectId, t.occurredOn),
    check("mentoring_activities_count_check", sql`${t.count} between 1 and 100000`),
    check("mentoring_activities_outcome_check", sql`(${t.kind} = 'OUTCOME') = (${t.outcome} is not null)`),
  ],
);

/** A company's on-the-job training initiative with social and public partners, for a job profile. */
export const onTheJobTrainings = pgTable(
  "on_the_job_trainings",
  {
    id: id(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    companyId: uuid("company_id")
      .notNull()
      .references(() => organisations.id),
    jobProfile: text("job_profile").notNull(),
    /** How many trainees it takes; null when not said. */
    places: integer("places"),
    regions: belgianRegion("regions").array().notNull().default(sql`'{}'`),
    languages: text("languages").array().notNull().default(sql`'{}'`),
    sectors: text("sectors").array().notNull().default(sql`'{}'`),
    startsOn: date("starts_on"),
    contactEmail: text("contact_email"),
    website: text("website"),
    /** Not named in a source: seeded to show how the directory works. */
    example: boolean("example").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    index("on_the_job_trainings_company_idx").on(t.companyId),
    index("on_the_job_trainings_title_idx").on(sql`(${t.title}->>'nl')`, t.id),
    check("on_the_job_trainings_places_check", sql`${t.places} is null or ${t.places} >= 0`),
  ],
);

export const trainingPartnerRole = pgEnum("on_the_job_partner_role", ["SOCIAL", "PUBLIC"]);

export const onTheJobTrainingPartners = pgTable(
  "on_the_job_training_partners",
  {
    id: id(),
    trainingId: uuid("training_id")
      .notNull()
      .references(() => onTheJobTrainings.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    role: trainingPartnerRole("role").notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex("on_the_job_training_partners_key").on(t.trainingId, t.organisationId)],
);

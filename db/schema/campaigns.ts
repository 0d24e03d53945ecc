// Tables of the campaigns module: the supporting campaign "Duurzaam werkgeverschap" (seed 000)
// and any later campaign run the same way. Boards apply; consultants score and select a few,
// each with a tailored trajectory on one HR theme with the campaign's partner; every applicant
// not selected forms the sounding board (klankbordgroep), which votes per selected board's
// pitch on 2 of its 3 proposed instruments; a steering group (stuurgroep) of other boards and
// experts guards quality and breaks ties. The kept options become the campaign's results, shown
// first to those involved (INTERMEDIATE) and then to everyone (PUBLISHED).
import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { boards } from "./boards.js";
import { id, timestamps } from "./columns.js";
import { localizedText } from "./i18n.js";
import { organisations } from "./organisations.js";

/**
 * A campaign. Its status is not stored: it follows from its data (open for applications until the
 * selection is confirmed, running until its last day, then ended), so it cannot disagree with it.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: id(),
    title: localizedText("title").notNull(),
    /** What the campaign is about; for Duurzaam werkgeverschap the legal-status decree's new freedoms. */
    focus: localizedText("focus"),
    /** The campaign's first and last day; null where the source does not give them. */
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    partnerId: uuid("partner_id").references(() => organisations.id),
    /** The HR themes a selected board's trajectory is about and the results are searched by. */
    themes: text("themes").array().notNull().default(sql`'{}'`),
    /** How many boards the consultants select (5 in the seeded campaign). */
    selectionSize: smallint("selection_size").notNull(),
    selectionConfirmedAt: timestamp("selection_confirmed_at", { withTimezone: true, mode: "date" }),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("campaigns_title_key").on(sql`lower(${t.title}->>'nl')`),
    check("campaigns_period_check", sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    check("campaigns_selection_size_check", sql`${t.selectionSize} between 1 and 50`),
  ],
);

export const applicationStatus = pgEnum("campaign_application_status", ["APPLIED", "SELECTED", "SOUNDING_BOARD"]);

/**
 * A board's application, with what the selection weighs. Region, population and Belfius cluster
 * are the board's own; motivation and maturity are scored 1-5 by consultants; the objectives and
 * the themes the board feels affinity with are the board's. On confirming a selection it becomes
 * SELECTED (with its theme and a trajectory) or SOUNDING_BOARD.
 */
export const campaignApplications = pgTable(
  "campaign_applications",
  {
    id: id(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    boardId: uuid("board_id")
      .notNull()
      .references(() => boards.id),
    status: applicationStatus("status").notNull().default("APPLIED"),
    /** The board's personalised objectives (gepersonaliseerde doelstellingen). */
    objectives: text("objectives"),
    /** The campaign's themes the board feels affinity with (voeling met de HR-thema's). */
    themeAffinity: text("theme_affinity").array().notNull().default(sql`'{}'`),
    motivationScore: smallint("motivation_score"),
    maturityScore: smallint("maturity_score"),
    /** The group consultants divide applicants into ("ingedeeld in een aantal groepen"). */
    groupLabel: text("group_label"),
    /** For a SELECTED board: the HR theme of its trajectory, one of the campaign's themes. */
    theme: text("theme"),
    /** Not named in the source: seeded to show how the campaign works. */
    example: boolean("example").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("campaign_applications_board_key").on(t.campaignId, t.boardId),
    index("campaign_applications_board_idx").on(t.boardId),
    check("campaign_applications_motivation_check", sql`${t.motivationScore} between 1 and 5`),
    check("campaign_applications_maturity_check", sql`${t.maturityScore} between 1 and 5`),
    check("campaign_applications_theme_check", sql`(${t.status} = 'SELECTED') = (${t.theme} is not null)`),
  ],
);

/** A selected board's tailored trajectory (ondersteuningstraject op maat) on its theme, with the campaign's partner. */
export const campaignTrajectories = pgTable(
  "campaign_trajectories",
  {
    id: id(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => campaignApplications.id),
    boardId: uuid("board_id")
      .notNull()
      .references(() => boards.id),
    theme: text("theme").notNull(),
    partnerId: uuid("partner_id").references(() => organisations.id),
    /** The trajectory's own focus within the theme, in words. */
    focus: text("focus"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("campaign_trajectories_application_key").on(t.applicationId), uniqueIndex("campaign_trajectories_board_key").on(t.campaignId, t.boardId)],
);

/**
 * A member of a campaign's steering group: another board, or an expert organisation. The
 * selected boards are not on it ("naast de geselecteerde besturen ... andere besturen en experts").
 */
export const campaignSteeringMembers = pgTable(
  "campaign_steering_members",
  {
    id: id(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    boardId: uuid("board_id").references(() => boards.id),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    example: boolean("example").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("campaign_steering_members_board_key").on(t.campaignId, t.boardId),
    uniqueIndex("campaign_steering_members_organisation_key").on(t.campaignId, t.organisationId),
    check("campaign_steering_members_one_check", sql`(${t.boardId} is null) <> (${t.organisationId} is null)`),
  ],
);

export const campaignMeetingKind = pgEnum("campaign_meeting_kind", ["SOUNDING_BOARD", "STEERING_GROUP", "SELECTED_BOARDS"]);

/** A meeting of the campaign (the sounding board met on 31 May 2024). */
export const campaignMeetings = pgTable(
  "campaign_meetings",
  {
    id: id(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    kind: campaignMeetingKind("kind").notNull(),
    heldOn: date("held_on").notNull(),
    title: localizedText("title"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("campaign_meetings_day_key").on(t.campaignId, t.kind, t.heldOn), index("campaign_meetings_campaign_idx").on(t.campaignId, t.heldOn)],
);

export const voteStatus = pgEnum("campaign_vote_status", ["OPEN", "CLOSED"]);

/**
 * A selected board's pitch of its project plan at a sounding-board meeting, with exactly 3
 * options; the sounding board's vote on them is open until a consultant closes it.
 */
export const campaignPitches = pgTable(
  "campaign_pitches",
  {
    id: id(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => campaignMeetings.id),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => campaignApplications.id),
    boardId: uuid("board_id")
      .notNull()
      .references(() => boards.id),
    plan: localizedText("plan"),
    voteStatus: voteStatus("vote_status").notNull().default("OPEN"),
    voteClosedAt: timestamp("vote_closed_at", { withTimezone: true, mode: "date" }),
    /** The steering group's decision on a tie: the 2 options it keeps, with its reasons. */
    tieKeptOptionIds: uuid("tie_kept_option_ids").array(),
    tieDecisionNote: text("tie_decision_note"),
    tieDecidedAt: timestamp("tie_decided_at", { withTimezone: true, mode: "date" }),
    example: boolean("example").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    // One pitch per selected board: the sounding board chooses 2 options per selected board.
    uniqueIndex("campaign_pitches_application_key").on(t.applicationId),
    index("campaign_pitches_campaign_idx").on(t.campaignId),
    check("campaign_pitches_closed_check", sql`(${t.voteStatus} = 'CLOSED') = (${t.voteClosedAt} is not null)`),
    check("campaign_pitches_tie_check", sql`${t.tieKeptOptionIds} is null or cardinality(${t.tieKeptOptionIds}) = 2`),
  ],
);

export const campaignResultKind = pgEnum("campaign_result_kind", ["INSTRUMENT", "TEMPLATE", "GOOD_PRACTICE"]);

/** One of a pitch's 3 possible instruments or templates (position 1-3). */
export const campaignPitchOptions = pgTable(
  "campaign_pitch_options",
  {
    id: id(),
    pitchId: uuid("pitch_id")
      .notNull()
      .references(() => campaignPitches.id),
    position: smallint("position").notNull(),
    kind: campaignResultKind("kind").notNull(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("campaign_pitch_options_position_key").on(t.pitchId, t.position), check("campaign_pitch_options_position_check", sql`${t.position} between 1 and 3`)],
);

/**
 * A sounding-board board's ballot on a pitch: exactly 2 different options of that pitch. One per
 * board and pitch, changed in place until the vote closes, so a ballot is counted once.
 */
export const campaignBallots = pgTable(
  "campaign_ballots",
  {
    id: id(),
    pitchId: uuid("pitch_id")
      .notNull()
      .references(() => campaignPitches.id),
    boardId: uuid("board_id")
      .notNull()
      .references(() => boards.id),
    firstOptionId: uuid("first_option_id")
      .notNull()
      .references(() => campaignPitchOptions.id),
    secondOptionId: uuid("second_option_id")
      .notNull()
      .references(() => campaignPitchOptions.id),
    ...timestamps(),
  },
  (t) => [uniqueIndex("campaign_ballots_board_key").on(t.pitchId, t.boardId), check("campaign_ballots_two_check", sql`${t.firstOptionId} <> ${t.secondOptionId}`)],
);

export const campaignResultStatus = pgEnum("campaign_result_status", ["DRAFT", "INTERMEDIATE", "PUBLISHED"]);

/**
 * A result of the campaign: an instrument or template kept by the vote, or a good practice of a
 * selected board. DRAFT (editors), INTERMEDIATE (those involved in the campaign), PUBLISHED
 * (everyone: the library other boards search by theme). It only moves forward.
 */
export const campaignResults = pgTable(
  "campaign_results",
  {
    id: id(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    /** The selected board it comes from, if any. */
    boardId: uuid("board_id").references(() => boards.id),
    /** The kept option it comes from, if it was voted on. */
    optionId: uuid("option_id").references(() => campaignPitchOptions.id),
    kind: campaignResultKind("kind").notNull(),
    title: localizedText("title").notNull(),
    description: localizedText("description"),
    theme: text("theme").notNull(),
    link: text("link"),
    status: campaignResultStatus("status").notNull().default("DRAFT"),
    intermediateAt: timestamp("intermediate_at", { withTimezone: true, mode: "date" }),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }),
    example: boolean("example").notNull().default(false),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("campaign_results_option_key").on(t.optionId),
    index("campaign_results_campaign_idx").on(t.campaignId, t.status),
    index("campaign_results_library_idx").on(t.status, t.theme),
    check("campaign_results_published_check", sql`(${t.status} = 'PUBLISHED') = (${t.publishedAt} is not null)`),
    check("campaign_results_intermediate_check", sql`(${t.status} = 'DRAFT') = (${t.intermediateAt} is null)`),
  ],
);

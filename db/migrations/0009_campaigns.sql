CREATE TYPE "public"."campaign_application_status" AS ENUM('APPLIED', 'SELECTED', 'SOUNDING_BOARD');--> statement-breakpoint
CREATE TYPE "public"."campaign_meeting_kind" AS ENUM('SOUNDING_BOARD', 'STEERING_GROUP', 'SELECTED_BOARDS');--> statement-breakpoint
CREATE TYPE "public"."campaign_result_kind" AS ENUM('INSTRUMENT', 'TEMPLATE', 'GOOD_PRACTICE');--> statement-breakpoint
CREATE TYPE "public"."campaign_result_status" AS ENUM('DRAFT', 'INTERMEDIATE', 'PUBLISHED');--> statement-breakpoint
CREATE TYPE "public"."campaign_vote_status" AS ENUM('OPEN', 'CLOSED');--> statement-breakpoint
CREATE TABLE "campaign_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"status" "campaign_application_status" DEFAULT 'APPLIED' NOT NULL,
	"objectives" text,
	"theme_affinity" text[] DEFAULT '{}' NOT NULL,
	"motivation_score" smallint,
	"maturity_score" smallint,
	"group_label" text,
	"theme" text,
	"example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_applications_motivation_check" CHECK ("campaign_applications"."motivation_score" between 1 and 5),
	CONSTRAINT "campaign_applications_maturity_check" CHECK ("campaign_applications"."maturity_score" between 1 and 5),
	CONSTRAINT "campaign_applications_theme_check" CHECK (("campaign_applications"."status" = 'SELECTED') = ("campaign_applications"."theme" is not null))
);
--> statement-breakpoint
CREATE TABLE "campaign_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pitch_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"first_option_id" uuid NOT NULL,
	"second_option_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_ballots_two_check" CHECK ("campaign_ballots"."first_option_id" <> "campaign_ballots"."second_option_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" "campaign_meeting_kind" NOT NULL,
	"held_on" date NOT NULL,
	"title" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_pitch_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pitch_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" "campaign_result_kind" NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_pitch_options_position_check" CHECK ("campaign_pitch_options"."position" between 1 and 3)
);
--> statement-breakpoint
CREATE TABLE "campaign_pitches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"plan" jsonb,
	"vote_status" "campaign_vote_status" DEFAULT 'OPEN' NOT NULL,
	"vote_closed_at" timestamp with time zone,
	"tie_kept_option_ids" uuid[],
	"tie_decision_note" text,
	"tie_decided_at" timestamp with time zone,
	"example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_pitches_closed_check" CHECK (("campaign_pitches"."vote_status" = 'CLOSED') = ("campaign_pitches"."vote_closed_at" is not null)),
	CONSTRAINT "campaign_pitches_tie_check" CHECK ("campaign_pitches"."tie_kept_option_ids" is null or cardinality("campaign_pitches"."tie_kept_option_ids") = 2)
);
--> statement-breakpoint
CREATE TABLE "campaign_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"board_id" uuid,
	"option_id" uuid,
	"kind" "campaign_result_kind" NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"theme" text NOT NULL,
	"link" text,
	"status" "campaign_result_status" DEFAULT 'DRAFT' NOT NULL,
	"intermediate_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_results_published_check" CHECK (("campaign_results"."status" = 'PUBLISHED') = ("campaign_results"."published_at" is not null)),
	CONSTRAINT "campaign_results_intermediate_check" CHECK (("campaign_results"."status" = 'DRAFT') = ("campaign_results"."intermediate_at" is null))
);
--> statement-breakpoint
CREATE TABLE "campaign_steering_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"board_id" uuid,
	"organisation_id" uuid,
	"example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_steering_members_one_check" CHECK (("campaign_steering_members"."board_id" is null) <> ("campaign_steering_members"."organisation_id" is null))
);
--> statement-breakpoint
CREATE TABLE "campaign_trajectories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"theme" text NOT NULL,
	"partner_id" uuid,
	"focus" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"focus" jsonb,
	"starts_on" date,
	"ends_on" date,
	"partner_id" uuid,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"selection_size" smallint NOT NULL,
	"selection_confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_period_check" CHECK ("campaigns"."ends_on" is null or "campaigns"."starts_on" is null or "campaigns"."ends_on" >= "campaigns"."starts_on"),
	CONSTRAINT "campaigns_selection_size_check" CHECK ("campaigns"."selection_size" between 1 and 50)
);
--> statement-breakpoint
ALTER TABLE "campaign_applications" ADD CONSTRAINT "campaign_applications_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_applications" ADD CONSTRAINT "campaign_applications_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_ballots" ADD CONSTRAINT "campaign_ballots_pitch_id_campaign_pitches_id_fk" FOREIGN KEY ("pitch_id") REFERENCES "public"."campaign_pitches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_ballots" ADD CONSTRAINT "campaign_ballots_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_ballots" ADD CONSTRAINT "campaign_ballots_first_option_id_campaign_pitch_options_id_fk" FOREIGN KEY ("first_option_id") REFERENCES "public"."campaign_pitch_options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_ballots" ADD CONSTRAINT "campaign_ballots_second_option_id_campaign_pitch_options_id_fk" FOREIGN KEY ("second_option_id") REFERENCES "public"."campaign_pitch_options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_meetings" ADD CONSTRAINT "campaign_meetings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_pitch_options" ADD CONSTRAINT "campaign_pitch_options_pitch_id_campaign_pitches_id_fk" FOREIGN KEY ("pitch_id") REFERENCES "public"."campaign_pitches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_pitches" ADD CONSTRAINT "campaign_pitches_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_pitches" ADD CONSTRAINT "campaign_pitches_meeting_id_campaign_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."campaign_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_pitches" ADD CONSTRAINT "campaign_pitches_application_id_campaign_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."campaign_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_pitches" ADD CONSTRAINT "campaign_pitches_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_results" ADD CONSTRAINT "campaign_results_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_results" ADD CONSTRAINT "campaign_results_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_results" ADD CONSTRAINT "campaign_results_option_id_campaign_pitch_options_id_fk" FOREIGN KEY ("option_id") REFERENCES "public"."campaign_pitch_options"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_steering_members" ADD CONSTRAINT "campaign_steering_members_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_steering_members" ADD CONSTRAINT "campaign_steering_members_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_steering_members" ADD CONSTRAINT "campaign_steering_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_trajectories" ADD CONSTRAINT "campaign_trajectories_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_trajectories" ADD CONSTRAINT "campaign_trajectories_application_id_campaign_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."campaign_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_trajectories" ADD CONSTRAINT "campaign_trajectories_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_trajectories" ADD CONSTRAINT "campaign_trajectories_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_applications_board_key" ON "campaign_applications" USING btree ("campaign_id","board_id");--> statement-breakpoint
CREATE INDEX "campaign_applications_board_idx" ON "campaign_applications" USING btree ("board_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_ballots_board_key" ON "campaign_ballots" USING btree ("pitch_id","board_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_meetings_day_key" ON "campaign_meetings" USING btree ("campaign_id","kind","held_on");--> statement-breakpoint
CREATE INDEX "campaign_meetings_campaign_idx" ON "campaign_meetings" USING btree ("campaign_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_pitch_options_position_key" ON "campaign_pitch_options" USING btree ("pitch_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_pitches_application_key" ON "campaign_pitches" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "campaign_pitches_campaign_idx" ON "campaign_pitches" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_results_option_key" ON "campaign_results" USING btree ("option_id");--> statement-breakpoint
CREATE INDEX "campaign_results_campaign_idx" ON "campaign_results" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "campaign_results_library_idx" ON "campaign_results" USING btree ("status","theme");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_steering_members_board_key" ON "campaign_steering_members" USING btree ("campaign_id","board_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_steering_members_organisation_key" ON "campaign_steering_members" USING btree ("campaign_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_trajectories_application_key" ON "campaign_trajectories" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_trajectories_board_key" ON "campaign_trajectories" USING btree ("campaign_id","board_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_title_key" ON "campaigns" USING btree (lower("title"->>'nl'));
CREATE TYPE "public"."communication_channel" AS ENUM('NEWSLETTER', 'WEBSITE');--> statement-breakpoint
CREATE TYPE "public"."leadership_level" AS ENUM('FOREMAN', 'TEAM_LEADER', 'MIDDLE_MANAGER', 'DEPARTMENT_HEAD', 'MANAGEMENT_TEAM', 'GENERAL_DIRECTOR');--> statement-breakpoint
CREATE TYPE "public"."learning_tool_kind" AS ENUM('INSTRUMENT', 'MEASURE', 'OFFER');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('PLANNED', 'HELD', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."profession_category" AS ENUM('CARE', 'STEM', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."trajectory_kind" AS ENUM('LEADERSHIP', 'WORK_ORGANISATION', 'LEARNING_NETWORK');--> statement-breakpoint
CREATE TABLE "communication_figures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" "communication_channel" NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"audience" integer NOT NULL,
	"is_baseline" boolean DEFAULT false NOT NULL,
	"source" text,
	"entered_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "communication_figures_period_check" CHECK ("communication_figures"."period_end" >= "communication_figures"."period_start"),
	CONSTRAINT "communication_figures_audience_check" CHECK ("communication_figures"."audience" >= 0)
);
--> statement-breakpoint
CREATE TABLE "learning_tools" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"kind" "learning_tool_kind" NOT NULL,
	"link" text NOT NULL,
	"provider_id" uuid,
	"action_id" uuid,
	"published_from" date,
	"published_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "learning_tools_published_check" CHECK ("learning_tools"."published_until" is null or ("learning_tools"."published_from" is not null and "learning_tools"."published_until" >= "learning_tools"."published_from"))
);
--> statement-breakpoint
CREATE TABLE "professions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"category" "profession_category" NOT NULL,
	"shortage_occupation" boolean DEFAULT false NOT NULL,
	"published_from" date,
	"published_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "professions_published_check" CHECK ("professions"."published_until" is null or ("professions"."published_from" is not null and "professions"."published_until" >= "professions"."published_from"))
);
--> statement-breakpoint
CREATE TABLE "trajectories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "trajectory_kind" NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"target_levels" "leadership_level"[] DEFAULT '{}' NOT NULL,
	"approach" text,
	"partner_id" uuid,
	"action_id" uuid,
	"fee_cents" bigint DEFAULT 0 NOT NULL,
	"offered_from" date NOT NULL,
	"offered_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trajectories_levels_check" CHECK (("trajectories"."kind" = 'LEADERSHIP') = (cardinality("trajectories"."target_levels") > 0)),
	CONSTRAINT "trajectories_fee_check" CHECK ("trajectories"."fee_cents" >= 0),
	CONSTRAINT "trajectories_offered_check" CHECK ("trajectories"."offered_until" is null or "trajectories"."offered_until" >= "trajectories"."offered_from")
);
--> statement-breakpoint
CREATE TABLE "trajectory_participations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"department" text,
	"joined_on" date NOT NULL,
	"withdrawn_on" date,
	"fee_charge_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trajectory_participations_withdrawn_check" CHECK ("trajectory_participations"."withdrawn_on" is null or "trajectory_participations"."withdrawn_on" >= "trajectory_participations"."joined_on")
);
--> statement-breakpoint
CREATE TABLE "trajectory_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"province" "province",
	"place" text,
	"host_board_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trajectory_sessions_time_check" CHECK ("trajectory_sessions"."starts_at" < "trajectory_sessions"."ends_at"),
	CONSTRAINT "trajectory_sessions_place_check" CHECK ("trajectory_sessions"."online" or "trajectory_sessions"."province" is not null)
);
--> statement-breakpoint
CREATE TABLE "worktable_attendance" (
	"meeting_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worktable_attendance_meeting_id_board_id_pk" PRIMARY KEY("meeting_id","board_id")
);
--> statement-breakpoint
CREATE TABLE "worktable_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"province" "province" NOT NULL,
	"year" integer NOT NULL,
	"partner_id" uuid,
	"action_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worktable_groups_year_check" CHECK ("worktable_groups"."year" between 1900 and 2199)
);
--> statement-breakpoint
CREATE TABLE "worktable_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"province" "province" NOT NULL,
	"host_board_id" uuid,
	"status" "meeting_status" DEFAULT 'PLANNED' NOT NULL,
	"material" text,
	"material_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worktable_meetings_material_check" CHECK ("worktable_meetings"."material_sent_at" is null or "worktable_meetings"."status" = 'HELD')
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD COLUMN "fee_charge_id" uuid;--> statement-breakpoint
ALTER TABLE "trainings" ADD COLUMN "fee_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "learning_tools" ADD CONSTRAINT "learning_tools_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "learning_tools" ADD CONSTRAINT "learning_tools_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectories" ADD CONSTRAINT "trajectories_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectories" ADD CONSTRAINT "trajectories_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_participations" ADD CONSTRAINT "trajectory_participations_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_participations" ADD CONSTRAINT "trajectory_participations_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_participations" ADD CONSTRAINT "trajectory_participations_fee_charge_id_co_financing_entries_id_fk" FOREIGN KEY ("fee_charge_id") REFERENCES "public"."co_financing_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_sessions" ADD CONSTRAINT "trajectory_sessions_trajectory_id_trajectories_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "public"."trajectories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_sessions" ADD CONSTRAINT "trajectory_sessions_host_board_id_boards_id_fk" FOREIGN KEY ("host_board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worktable_attendance" ADD CONSTRAINT "worktable_attendance_meeting_id_worktable_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."worktable_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worktable_attendance" ADD CONSTRAINT "worktable_attendance_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worktable_groups" ADD CONSTRAINT "worktable_groups_partner_id_organisations_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worktable_groups" ADD CONSTRAINT "worktable_groups_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worktable_meetings" ADD CONSTRAINT "worktable_meetings_group_id_worktable_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."worktable_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worktable_meetings" ADD CONSTRAINT "worktable_meetings_host_board_id_boards_id_fk" FOREIGN KEY ("host_board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "communication_figures_key" ON "communication_figures" USING btree ("channel","period_start","period_end");--> statement-breakpoint
CREATE UNIQUE INDEX "learning_tools_title_key" ON "learning_tools" USING btree (lower("title"->>'nl'));--> statement-breakpoint
CREATE INDEX "learning_tools_published_idx" ON "learning_tools" USING btree ("published_from","published_until");--> statement-breakpoint
CREATE UNIQUE INDEX "professions_title_key" ON "professions" USING btree (lower("title"->>'nl'));--> statement-breakpoint
CREATE INDEX "professions_published_idx" ON "professions" USING btree ("published_from","published_until");--> statement-breakpoint
CREATE UNIQUE INDEX "trajectories_kind_title_key" ON "trajectories" USING btree ("kind",lower("title"->>'nl'));--> statement-breakpoint
CREATE INDEX "trajectories_offered_idx" ON "trajectories" USING btree ("kind","offered_from");--> statement-breakpoint
CREATE UNIQUE INDEX "trajectory_participations_key" ON "trajectory_participations" USING btree ("trajectory_id","board_id",coalesce(lower("department"), ''));--> statement-breakpoint
CREATE INDEX "trajectory_participations_board_idx" ON "trajectory_participations" USING btree ("board_id");--> statement-breakpoint
CREATE INDEX "trajectory_sessions_trajectory_idx" ON "trajectory_sessions" USING btree ("trajectory_id","starts_at");--> statement-breakpoint
CREATE INDEX "worktable_attendance_board_idx" ON "worktable_attendance" USING btree ("board_id");--> statement-breakpoint
CREATE INDEX "worktable_groups_year_idx" ON "worktable_groups" USING btree ("year","province");--> statement-breakpoint
CREATE INDEX "worktable_meetings_date_idx" ON "worktable_meetings" USING btree ("meeting_date","id");--> statement-breakpoint
CREATE INDEX "worktable_meetings_group_idx" ON "worktable_meetings" USING btree ("group_id","meeting_date");--> statement-breakpoint
CREATE INDEX "worktable_meetings_held_idx" ON "worktable_meetings" USING btree ("status","meeting_date");--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_fee_charge_id_co_financing_entries_id_fk" FOREIGN KEY ("fee_charge_id") REFERENCES "public"."co_financing_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_fee_check" CHECK ("trainings"."fee_cents" >= 0);--> statement-breakpoint
-- Action 9's effort commitment ("20% meer lezers van nieuwsbrief en website" than in 2021-2022)
-- becomes a measured target now that the figures are records: growth against the baseline, in
-- basis points, for the newsletter and for the website. Only a commitment nobody has judged yet.
INSERT INTO "commitment_measures" ("commitment_id", "metric", "comparator", "target_value")
SELECT c."id", m."metric", 'AT_LEAST', 2000
FROM "commitments" c
CROSS JOIN (VALUES ('communication.newsletterGrowth'), ('communication.websiteGrowth')) AS m("metric")
WHERE c."kind" = 'EFFORT' AND c."number" = 9 AND c."qualitative" AND c."status" = 'OPEN' AND c."proposed_status" IS NULL
  AND c."description"->>'nl' LIKE '%20\% meer lezers%'
  AND NOT EXISTS (SELECT 1 FROM "commitment_judgements" j WHERE j."commitment_id" = c."id")
  AND NOT EXISTS (SELECT 1 FROM "commitment_measures" x WHERE x."commitment_id" = c."id");--> statement-breakpoint
UPDATE "commitments" c SET "qualitative" = false
WHERE c."kind" = 'EFFORT' AND c."number" = 9 AND c."qualitative"
  AND EXISTS (SELECT 1 FROM "commitment_measures" x WHERE x."commitment_id" = c."id" AND x."metric" = 'communication.newsletterGrowth');

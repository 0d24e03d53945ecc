CREATE TYPE "public"."belgian_region" AS ENUM('ANTWERP', 'EAST_FLANDERS', 'FLEMISH_BRABANT', 'LIMBURG', 'WEST_FLANDERS', 'BRUSSELS', 'WALLOON_BRABANT', 'HAINAUT', 'LIEGE', 'LUXEMBOURG', 'NAMUR');--> statement-breakpoint
CREATE TYPE "public"."mentor_registration_status" AS ENUM('PENDING', 'CONFIRMED', 'DECLINED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "public"."mentoring_activity_kind" AS ENUM('SESSION', 'MATCH', 'OUTCOME');--> statement-breakpoint
CREATE TYPE "public"."mentoring_format" AS ENUM('ONE_TO_ONE', 'GROUP', 'ONLINE', 'BLENDED');--> statement-breakpoint
CREATE TYPE "public"."mentoring_outcome" AS ENUM('JOB', 'TRAINING', 'INTERNSHIP', 'VOLUNTEERING', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."mentoring_target_group" AS ENUM('YOUNG_PEOPLE', 'NEWCOMERS', 'LONG_TERM_JOBSEEKERS', 'PEOPLE_WITH_DISABILITIES', 'OLDER_JOBSEEKERS', 'LOW_QUALIFIED', 'WOMEN');--> statement-breakpoint
CREATE TYPE "public"."on_the_job_partner_role" AS ENUM('SOCIAL', 'PUBLIC');--> statement-breakpoint
CREATE TYPE "public"."programme_phase_status" AS ENUM('PLANNED', 'ONGOING', 'COMPLETED');--> statement-breakpoint
CREATE TYPE "public"."programme_kind" AS ENUM('KEY_PROJECT', 'SUBSIDY_AGREEMENT', 'PROJECT_FUND', 'CHARTER');--> statement-breakpoint
CREATE TABLE "charter_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"charter_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"day" smallint NOT NULL,
	"month" smallint NOT NULL,
	"year" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charter_events_day_check" CHECK ("charter_events"."month" between 1 and 12 and "charter_events"."day" between 1 and 31)
);
--> statement-breakpoint
CREATE TABLE "charter_signatories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"charter_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "charters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"signed_month" smallint,
	"signed_year" smallint,
	"approximate_signatory_count" integer,
	"contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charters_month_check" CHECK ("charters"."signed_month" is null or "charters"."signed_month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "mentor_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"status" "mentor_registration_status" DEFAULT 'PENDING' NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	"motivation" text,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"regions" "belgian_region"[] DEFAULT '{}' NOT NULL,
	"sectors" text[] DEFAULT '{}' NOT NULL,
	"email_confirmed_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decline_reason" text,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentor_registrations_forgotten_check" CHECK (("mentor_registrations"."status" = 'WITHDRAWN') = ("mentor_registrations"."email" is null and "mentor_registrations"."name" is null)),
	CONSTRAINT "mentor_registrations_decided_check" CHECK (("mentor_registrations"."status" in ('CONFIRMED', 'DECLINED')) <= ("mentor_registrations"."decided_at" is not null)),
	CONSTRAINT "mentor_registrations_confirmed_check" CHECK ("mentor_registrations"."status" <> 'CONFIRMED' or "mentor_registrations"."email_confirmed_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "mentoring_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" "mentoring_activity_kind" NOT NULL,
	"occurred_on" date NOT NULL,
	"count" integer NOT NULL,
	"outcome" "mentoring_outcome",
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_activities_count_check" CHECK ("mentoring_activities"."count" between 1 and 100000),
	CONSTRAINT "mentoring_activities_outcome_check" CHECK (("mentoring_activities"."kind" = 'OUTCOME') = ("mentoring_activities"."outcome" is not null))
);
--> statement-breakpoint
CREATE TABLE "mentoring_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"organisation_id" uuid,
	"charter_id" uuid,
	"description" jsonb,
	"regions" "belgian_region"[] DEFAULT '{}' NOT NULL,
	"target_groups" "mentoring_target_group"[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"sectors" text[] DEFAULT '{}' NOT NULL,
	"format" "mentoring_format",
	"capacity" integer,
	"contact_email" text,
	"contact_phone" text,
	"website" text,
	"accepts_mentors" boolean DEFAULT true NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentoring_projects_capacity_check" CHECK ("mentoring_projects"."capacity" is null or "mentoring_projects"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "on_the_job_training_partners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "on_the_job_partner_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "on_the_job_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"company_id" uuid NOT NULL,
	"job_profile" text NOT NULL,
	"places" integer,
	"regions" "belgian_region"[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"sectors" text[] DEFAULT '{}' NOT NULL,
	"starts_on" date,
	"contact_email" text,
	"website" text,
	"example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "on_the_job_trainings_places_check" CHECK ("on_the_job_trainings"."places" is null or "on_the_job_trainings"."places" >= 0)
);
--> statement-breakpoint
CREATE TABLE "programme_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_goals_position_check" CHECK ("programme_goals"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "programme_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"reached_on" date NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programme_phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"status" "programme_phase_status" NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_phases_position_check" CHECK ("programme_phases"."position" >= 1),
	CONSTRAINT "programme_phases_period_check" CHECK ("programme_phases"."ends_on" is null or "programme_phases"."starts_on" is null or "programme_phases"."ends_on" >= "programme_phases"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "programme_principles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"text" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_principles_position_check" CHECK ("programme_principles"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "programme_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"sponsor" text,
	"staff_count" integer,
	"status" "programme_phase_status" DEFAULT 'ONGOING' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_projects_staff_check" CHECK ("programme_projects"."staff_count" is null or "programme_projects"."staff_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "programme_steering_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid,
	"role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_steering_members_who_check" CHECK ("programme_steering_members"."organisation_id" is not null or "programme_steering_members"."role" is not null)
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"kind" "programme_kind" NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb,
	"owner_id" uuid,
	"part_of" jsonb,
	"start_year" smallint,
	"starts_on" date,
	"ends_on" date,
	"vision" jsonb,
	"vision_source" text,
	"vision_year" smallint,
	"declared_goal_count" smallint,
	"steering_group" jsonb,
	"project_staff" integer,
	"project_staff_at_least" boolean DEFAULT false NOT NULL,
	"funding_agreement_id" uuid,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_slug_check" CHECK ("programmes"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "programmes_goal_count_check" CHECK ("programmes"."declared_goal_count" is null or "programmes"."declared_goal_count" between 0 and 50),
	CONSTRAINT "programmes_staff_check" CHECK ("programmes"."project_staff" is null or "programmes"."project_staff" >= 0),
	CONSTRAINT "programmes_period_check" CHECK ("programmes"."ends_on" is null or "programmes"."starts_on" is null or "programmes"."ends_on" >= "programmes"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_limit_counters_key_window_start_pk" PRIMARY KEY("key","window_start"),
	CONSTRAINT "rate_limit_counters_count_check" CHECK ("rate_limit_counters"."count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "charter_events" ADD CONSTRAINT "charter_events_charter_id_charters_id_fk" FOREIGN KEY ("charter_id") REFERENCES "public"."charters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_signatories" ADD CONSTRAINT "charter_signatories_charter_id_charters_id_fk" FOREIGN KEY ("charter_id") REFERENCES "public"."charters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charter_signatories" ADD CONSTRAINT "charter_signatories_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_registrations" ADD CONSTRAINT "mentor_registrations_project_id_mentoring_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."mentoring_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_activities" ADD CONSTRAINT "mentoring_activities_project_id_mentoring_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."mentoring_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_projects" ADD CONSTRAINT "mentoring_projects_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentoring_projects" ADD CONSTRAINT "mentoring_projects_charter_id_charters_id_fk" FOREIGN KEY ("charter_id") REFERENCES "public"."charters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_the_job_training_partners" ADD CONSTRAINT "on_the_job_training_partners_training_id_on_the_job_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."on_the_job_trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_the_job_training_partners" ADD CONSTRAINT "on_the_job_training_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "on_the_job_trainings" ADD CONSTRAINT "on_the_job_trainings_company_id_organisations_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_goals" ADD CONSTRAINT "programme_goals_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_milestones" ADD CONSTRAINT "programme_milestones_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_phases" ADD CONSTRAINT "programme_phases_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_principles" ADD CONSTRAINT "programme_principles_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_projects" ADD CONSTRAINT "programme_projects_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_steering_members" ADD CONSTRAINT "programme_steering_members_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_steering_members" ADD CONSTRAINT "programme_steering_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_owner_id_organisations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_funding_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("funding_agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "charter_events_charter_idx" ON "charter_events" USING btree ("charter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charter_signatories_key" ON "charter_signatories" USING btree ("charter_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "charters_title_key" ON "charters" USING btree (lower("title"->>'nl'));--> statement-breakpoint
CREATE INDEX "mentor_registrations_project_idx" ON "mentor_registrations" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_registrations_live_key" ON "mentor_registrations" USING btree ("project_id","email") WHERE "mentor_registrations"."status" in ('PENDING', 'CONFIRMED');--> statement-breakpoint
CREATE INDEX "mentoring_activities_project_idx" ON "mentoring_activities" USING btree ("project_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "mentoring_projects_name_key" ON "mentoring_projects" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "mentoring_projects_organisation_idx" ON "mentoring_projects" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "on_the_job_training_partners_key" ON "on_the_job_training_partners" USING btree ("training_id","organisation_id");--> statement-breakpoint
CREATE INDEX "on_the_job_trainings_company_idx" ON "on_the_job_trainings" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "on_the_job_trainings_title_idx" ON "on_the_job_trainings" USING btree (("title"->>'nl'),"id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_goals_position_key" ON "programme_goals" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "programme_milestones_programme_idx" ON "programme_milestones" USING btree ("programme_id","reached_on");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_phases_position_key" ON "programme_phases" USING btree ("programme_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_principles_position_key" ON "programme_principles" USING btree ("programme_id","position");--> statement-breakpoint
CREATE INDEX "programme_projects_programme_idx" ON "programme_projects" USING btree ("programme_id",("title"->>'nl'));--> statement-breakpoint
CREATE INDEX "programme_steering_members_programme_idx" ON "programme_steering_members" USING btree ("programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programmes_slug_key" ON "programmes" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "programmes_title_idx" ON "programmes" USING btree (("title"->>'nl'),"id");--> statement-breakpoint
CREATE INDEX "rate_limit_counters_expires_idx" ON "rate_limit_counters" USING btree ("expires_at");
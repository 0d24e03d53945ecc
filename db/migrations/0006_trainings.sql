CREATE TYPE "public"."enrolment_status" AS ENUM('REGISTERED', 'WAITLISTED', 'ATTENDED', 'NO_SHOW', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."training_format" AS ENUM('OPEN', 'IN_HOUSE', 'E_LEARNING', 'BLENDED');--> statement-breakpoint
CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"board_id" uuid NOT NULL,
	"display_name" text,
	"job" text,
	"department" text,
	"forgotten_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employees_forgotten_check" CHECK ("employees"."forgotten_at" is null or ("employees"."display_name" is null and "employees"."job" is null and "employees"."department" is null)),
	CONSTRAINT "employees_named_check" CHECK ("employees"."forgotten_at" is not null or "employees"."display_name" is not null)
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"status" "enrolment_status" NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enrolled_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"training_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"province" "province",
	"place" text,
	"capacity" integer NOT NULL,
	"host_board_id" uuid,
	"expert_organisation_id" uuid,
	"expert_subject" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_time_check" CHECK ("training_sessions"."starts_at" < "training_sessions"."ends_at"),
	CONSTRAINT "training_sessions_capacity_check" CHECK ("training_sessions"."capacity" > 0),
	CONSTRAINT "training_sessions_place_check" CHECK ("training_sessions"."online" or "training_sessions"."province" is not null)
);
--> statement-breakpoint
CREATE TABLE "trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"topic" text NOT NULL,
	"format" "training_format" NOT NULL,
	"digital_skills" boolean DEFAULT false NOT NULL,
	"provider_id" uuid,
	"action_id" uuid,
	"audience" text,
	"language" text DEFAULT 'nl' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainings_language_check" CHECK ("trainings"."language" in ('nl', 'fr', 'en'))
);
--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_training_id_trainings_id_fk" FOREIGN KEY ("training_id") REFERENCES "public"."trainings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_host_board_id_boards_id_fk" FOREIGN KEY ("host_board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_expert_organisation_id_organisations_id_fk" FOREIGN KEY ("expert_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainings" ADD CONSTRAINT "trainings_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employees_board_idx" ON "employees" USING btree ("board_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_live_key" ON "enrolments" USING btree ("session_id","employee_id") WHERE "enrolments"."status" <> 'CANCELLED';--> statement-breakpoint
CREATE INDEX "enrolments_session_idx" ON "enrolments" USING btree ("session_id","status","queued_at");--> statement-breakpoint
CREATE INDEX "enrolments_employee_idx" ON "enrolments" USING btree ("employee_id");--> statement-breakpoint
CREATE INDEX "training_sessions_training_idx" ON "training_sessions" USING btree ("training_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_starts_idx" ON "training_sessions" USING btree ("starts_at","id");--> statement-breakpoint
CREATE INDEX "trainings_title_idx" ON "trainings" USING btree (("title"->>'nl'),"id");--> statement-breakpoint
CREATE INDEX "trainings_action_idx" ON "trainings" USING btree ("action_id");
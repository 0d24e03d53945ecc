CREATE TYPE "public"."labo_application_decision" AS ENUM('SELECTED', 'NOT_SELECTED');--> statement-breakpoint
CREATE TYPE "public"."labo_session_kind" AS ENUM('COLLECTIVE', 'COACHING');--> statement-breakpoint
CREATE TYPE "public"."labo_funding_source" AS ENUM('ADDENDUM', 'VIA');--> statement-breakpoint
CREATE TYPE "public"."labo_upload_status" AS ENUM('PENDING', 'AVAILABLE');--> statement-breakpoint
CREATE TABLE "labo_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"motivation" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"contact_phone" text,
	"submitted_by" text,
	"score" smallint,
	"decision" "labo_application_decision",
	"reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labo_applications_score_check" CHECK ("labo_applications"."score" is null or "labo_applications"."score" between 1 and 5),
	CONSTRAINT "labo_applications_decision_check" CHECK (("labo_applications"."decision" is null) = ("labo_applications"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "labo_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"filename" text NOT NULL,
	"declared_content_type" text NOT NULL,
	"content_type" text,
	"size_bytes" integer,
	"storage_key" text NOT NULL,
	"status" "labo_upload_status" DEFAULT 'PENDING' NOT NULL,
	"upload_expires_at" timestamp with time zone NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploader_board_id" uuid,
	"uploader_organisation_id" uuid,
	"confirmed_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labo_documents_size_check" CHECK ("labo_documents"."size_bytes" is null or "labo_documents"."size_bytes" between 1 and 26214400),
	CONSTRAINT "labo_documents_available_check" CHECK (("labo_documents"."status" = 'AVAILABLE') = ("labo_documents"."confirmed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "labo_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"display_name" text NOT NULL,
	"photo_key" text,
	"photo_content_type" text,
	"photo_status" "labo_upload_status",
	"photo_upload_expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labo_profiles_photo_check" CHECK (("labo_profiles"."photo_key" is null) = ("labo_profiles"."photo_status" is null))
);
--> statement-breakpoint
CREATE TABLE "labo_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"call_id" uuid NOT NULL,
	"theme_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"support_cents" bigint NOT NULL,
	"own_contribution_cents" bigint NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"own_contribution_charge_id" uuid,
	"started_on" date NOT NULL,
	"report_experiences" text,
	"report_recommendations" text,
	"report_submitted_at" timestamp with time zone,
	"report_submitted_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labo_projects_amounts_check" CHECK ("labo_projects"."support_cents" >= 0 and "labo_projects"."own_contribution_cents" >= 0),
	CONSTRAINT "labo_projects_charge_check" CHECK (("labo_projects"."own_contribution_cents" > 0) = ("labo_projects"."own_contribution_charge_id" is not null)),
	CONSTRAINT "labo_projects_report_check" CHECK (("labo_projects"."report_submitted_at" is null) = ("labo_projects"."report_experiences" is null))
);
--> statement-breakpoint
CREATE TABLE "labo_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"asked_by" text NOT NULL,
	"asker_board_id" uuid,
	"asker_organisation_id" uuid,
	"theme_id" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labo_questions_answer_check" CHECK (("labo_questions"."answer" is null) = ("labo_questions"."answered_at" is null))
);
--> statement-breakpoint
CREATE TABLE "labo_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"body" text NOT NULL,
	"body_html" text NOT NULL,
	"author_subject" text NOT NULL,
	"author_board_id" uuid,
	"author_organisation_id" uuid,
	"edited_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"removed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labo_session_boards" (
	"session_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labo_session_boards_session_id_board_id_pk" PRIMARY KEY("session_id","board_id")
);
--> statement-breakpoint
CREATE TABLE "labo_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "labo_session_kind" NOT NULL,
	"theme_id" uuid NOT NULL,
	"project_id" uuid,
	"expert_id" uuid,
	"held_on" date NOT NULL,
	"topic" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labo_sessions_project_check" CHECK (("labo_sessions"."kind" = 'COACHING') = ("labo_sessions"."project_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "labo_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"funding_source" "labo_funding_source" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labo_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"body_html" text NOT NULL,
	"author_subject" text NOT NULL,
	"author_board_id" uuid,
	"author_organisation_id" uuid,
	"edited_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"removed_by" text,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "labo_project_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"theme_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"opens_on" date NOT NULL,
	"deadline" date NOT NULL,
	"support_cents" bigint NOT NULL,
	"own_contribution_cents" bigint NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"action_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "labo_project_calls_period_check" CHECK ("labo_project_calls"."deadline" >= "labo_project_calls"."opens_on"),
	CONSTRAINT "labo_project_calls_amounts_check" CHECK ("labo_project_calls"."support_cents" >= 0 and "labo_project_calls"."own_contribution_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "labo_applications" ADD CONSTRAINT "labo_applications_call_id_labo_project_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."labo_project_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_applications" ADD CONSTRAINT "labo_applications_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_documents" ADD CONSTRAINT "labo_documents_theme_id_labo_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."labo_themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_documents" ADD CONSTRAINT "labo_documents_uploader_board_id_boards_id_fk" FOREIGN KEY ("uploader_board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_documents" ADD CONSTRAINT "labo_documents_uploader_organisation_id_organisations_id_fk" FOREIGN KEY ("uploader_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_projects" ADD CONSTRAINT "labo_projects_application_id_labo_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."labo_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_projects" ADD CONSTRAINT "labo_projects_call_id_labo_project_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."labo_project_calls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_projects" ADD CONSTRAINT "labo_projects_theme_id_labo_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."labo_themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_projects" ADD CONSTRAINT "labo_projects_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_projects" ADD CONSTRAINT "labo_projects_expert_id_organisations_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_projects" ADD CONSTRAINT "labo_projects_own_contribution_charge_id_co_financing_entries_id_fk" FOREIGN KEY ("own_contribution_charge_id") REFERENCES "public"."co_financing_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_questions" ADD CONSTRAINT "labo_questions_asker_board_id_boards_id_fk" FOREIGN KEY ("asker_board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_questions" ADD CONSTRAINT "labo_questions_asker_organisation_id_organisations_id_fk" FOREIGN KEY ("asker_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_questions" ADD CONSTRAINT "labo_questions_theme_id_labo_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."labo_themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_replies" ADD CONSTRAINT "labo_replies_thread_id_labo_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."labo_threads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_replies" ADD CONSTRAINT "labo_replies_author_board_id_boards_id_fk" FOREIGN KEY ("author_board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_replies" ADD CONSTRAINT "labo_replies_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_session_boards" ADD CONSTRAINT "labo_session_boards_session_id_labo_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."labo_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_session_boards" ADD CONSTRAINT "labo_session_boards_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD CONSTRAINT "labo_sessions_theme_id_labo_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."labo_themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD CONSTRAINT "labo_sessions_project_id_labo_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."labo_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_sessions" ADD CONSTRAINT "labo_sessions_expert_id_organisations_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_threads" ADD CONSTRAINT "labo_threads_theme_id_labo_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."labo_themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_threads" ADD CONSTRAINT "labo_threads_author_board_id_boards_id_fk" FOREIGN KEY ("author_board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_threads" ADD CONSTRAINT "labo_threads_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_project_calls" ADD CONSTRAINT "labo_project_calls_theme_id_labo_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."labo_themes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "labo_project_calls" ADD CONSTRAINT "labo_project_calls_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "labo_applications_board_key" ON "labo_applications" USING btree ("call_id","board_id");--> statement-breakpoint
CREATE INDEX "labo_applications_board_idx" ON "labo_applications" USING btree ("board_id");--> statement-breakpoint
CREATE UNIQUE INDEX "labo_documents_storage_key" ON "labo_documents" USING btree ("storage_key");--> statement-breakpoint
CREATE INDEX "labo_documents_theme_idx" ON "labo_documents" USING btree ("theme_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "labo_profiles_subject_key" ON "labo_profiles" USING btree ("subject");--> statement-breakpoint
CREATE UNIQUE INDEX "labo_projects_application_key" ON "labo_projects" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "labo_projects_theme_idx" ON "labo_projects" USING btree ("theme_id","board_id");--> statement-breakpoint
CREATE INDEX "labo_projects_board_idx" ON "labo_projects" USING btree ("board_id");--> statement-breakpoint
CREATE INDEX "labo_projects_expert_idx" ON "labo_projects" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "labo_questions_asked_idx" ON "labo_questions" USING btree ("asked_by","created_at");--> statement-breakpoint
CREATE INDEX "labo_questions_open_idx" ON "labo_questions" USING btree ("answered_at","created_at");--> statement-breakpoint
CREATE INDEX "labo_replies_thread_idx" ON "labo_replies" USING btree ("thread_id","created_at","id");--> statement-breakpoint
CREATE INDEX "labo_session_boards_board_idx" ON "labo_session_boards" USING btree ("board_id");--> statement-breakpoint
CREATE INDEX "labo_sessions_theme_idx" ON "labo_sessions" USING btree ("theme_id","held_on");--> statement-breakpoint
CREATE INDEX "labo_sessions_project_idx" ON "labo_sessions" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "labo_themes_name_key" ON "labo_themes" USING btree (lower("name"->>'nl'));--> statement-breakpoint
CREATE INDEX "labo_threads_theme_idx" ON "labo_threads" USING btree ("theme_id","last_activity_at","id");--> statement-breakpoint
CREATE INDEX "labo_project_calls_theme_idx" ON "labo_project_calls" USING btree ("theme_id","deadline");--> statement-breakpoint
CREATE INDEX "labo_project_calls_deadline_idx" ON "labo_project_calls" USING btree ("deadline","id");
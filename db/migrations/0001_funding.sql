CREATE TYPE "public"."co_financing_kind" AS ENUM('PARTICIPATION_FEE', 'OWN_CONTRIBUTION');--> statement-breakpoint
CREATE TYPE "public"."commitment_kind" AS ENUM('EFFORT', 'RESULT');--> statement-breakpoint
CREATE TYPE "public"."comparator" AS ENUM('AT_LEAST', 'AT_MOST');--> statement-breakpoint
CREATE TYPE "public"."invoice_status" AS ENUM('SUBMITTED', 'APPROVED', 'PAID', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."judgement_status" AS ENUM('OPEN', 'JUSTIFIED', 'NOT_JUSTIFIED');--> statement-breakpoint
CREATE TYPE "public"."ledger_entry_type" AS ENUM('CHARGE', 'PAYMENT');--> statement-breakpoint
CREATE TABLE "action_partners" (
	"action_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "action_partners_action_id_organisation_id_pk" PRIMARY KEY("action_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"track_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"is_new" boolean DEFAULT false NOT NULL,
	"intersectoral" boolean DEFAULT false NOT NULL,
	"local_cooperation" boolean DEFAULT false NOT NULL,
	"other_partners" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "co_financing_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"kind" "co_financing_kind" NOT NULL,
	"entry_type" "ledger_entry_type" NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" char(3) DEFAULT 'EUR' NOT NULL,
	"entry_date" date NOT NULL,
	"note" text,
	"recorded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "co_financing_amount_check" CHECK ("co_financing_entries"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "commitment_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"comparator" "comparator" DEFAULT 'AT_LEAST' NOT NULL,
	"target_value" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"action_id" uuid,
	"kind" "commitment_kind" NOT NULL,
	"number" integer NOT NULL,
	"description" jsonb NOT NULL,
	"qualitative" boolean NOT NULL,
	"status" "judgement_status" DEFAULT 'OPEN' NOT NULL,
	"evidence" text,
	"judged_by" text,
	"judged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" jsonb NOT NULL,
	"funder_id" uuid NOT NULL,
	"beneficiary_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"max_amount_cents" bigint NOT NULL,
	"currency" char(3) DEFAULT 'EUR' NOT NULL,
	"effort_share_bp" integer NOT NULL,
	"result_share_bp" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_agreements_period_check" CHECK ("funding_agreements"."period_start" <= "funding_agreements"."period_end"),
	CONSTRAINT "funding_agreements_max_check" CHECK ("funding_agreements"."max_amount_cents" >= 0),
	CONSTRAINT "funding_agreements_shares_check" CHECK ("funding_agreements"."effort_share_bp" >= 0 and "funding_agreements"."result_share_bp" >= 0 and "funding_agreements"."effort_share_bp" + "funding_agreements"."result_share_bp" = 10000)
);
--> statement-breakpoint
CREATE TABLE "invoice_boards" (
	"invoice_id" uuid NOT NULL,
	"board_id" uuid NOT NULL,
	CONSTRAINT "invoice_boards_invoice_id_board_id_pk" PRIMARY KEY("invoice_id","board_id")
);
--> statement-breakpoint
CREATE TABLE "invoice_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invoice_id" uuid NOT NULL,
	"from_status" "invoice_status",
	"to_status" "invoice_status" NOT NULL,
	"actor_id" text,
	"actor_role" text NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	"payee_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"description" text,
	"amount_cents" bigint NOT NULL,
	"currency" char(3) DEFAULT 'EUR' NOT NULL,
	"service_date" date NOT NULL,
	"status" "invoice_status" DEFAULT 'SUBMITTED' NOT NULL,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_amount_check" CHECK ("invoices"."amount_cents" > 0)
);
--> statement-breakpoint
CREATE TABLE "tracks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" jsonb NOT NULL,
	"description" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_partners" ADD CONSTRAINT "action_partners_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_partners" ADD CONSTRAINT "action_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_track_id_tracks_id_fk" FOREIGN KEY ("track_id") REFERENCES "public"."tracks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_financing_entries" ADD CONSTRAINT "co_financing_entries_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_financing_entries" ADD CONSTRAINT "co_financing_entries_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_financing_entries" ADD CONSTRAINT "co_financing_entries_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_measures" ADD CONSTRAINT "commitment_measures_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_beneficiary_id_organisations_id_fk" FOREIGN KEY ("beneficiary_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_boards" ADD CONSTRAINT "invoice_boards_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_boards" ADD CONSTRAINT "invoice_boards_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_transitions" ADD CONSTRAINT "invoice_transitions_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_payee_id_organisations_id_fk" FOREIGN KEY ("payee_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tracks" ADD CONSTRAINT "tracks_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actions_agreement_number_key" ON "actions" USING btree ("agreement_id","number");--> statement-breakpoint
CREATE INDEX "actions_track_idx" ON "actions" USING btree ("track_id");--> statement-breakpoint
CREATE INDEX "co_financing_board_idx" ON "co_financing_entries" USING btree ("agreement_id","board_id");--> statement-breakpoint
CREATE INDEX "co_financing_action_idx" ON "co_financing_entries" USING btree ("agreement_id","action_id");--> statement-breakpoint
CREATE INDEX "commitment_measures_commitment_idx" ON "commitment_measures" USING btree ("commitment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_agreement_kind_number_key" ON "commitments" USING btree ("agreement_id","kind","number");--> statement-breakpoint
CREATE INDEX "commitments_action_idx" ON "commitments" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "invoice_boards_board_idx" ON "invoice_boards" USING btree ("board_id");--> statement-breakpoint
CREATE INDEX "invoice_transitions_invoice_idx" ON "invoice_transitions" USING btree ("invoice_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_payee_reference_key" ON "invoices" USING btree ("agreement_id","payee_id","reference");--> statement-breakpoint
CREATE INDEX "invoices_agreement_idx" ON "invoices" USING btree ("agreement_id","created_at","id");--> statement-breakpoint
CREATE INDEX "invoices_action_idx" ON "invoices" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tracks_agreement_number_key" ON "tracks" USING btree ("agreement_id","number");
CREATE TYPE "public"."agreement_status" AS ENUM('OPEN', 'CLOSED');--> statement-breakpoint
CREATE TYPE "public"."judgement_action" AS ENUM('PROPOSED', 'ACCEPTED', 'REFUSED', 'REOPENED');--> statement-breakpoint
CREATE TABLE "agreement_closings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"closed_by" text,
	"closed_role" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reopened_at" timestamp with time zone,
	"reopened_by" text,
	"reopen_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_steering_members" (
	"agreement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "agreement_steering_members_agreement_id_organisation_id_pk" PRIMARY KEY("agreement_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "commitment_judgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"action" "judgement_action" NOT NULL,
	"status" "judgement_status" NOT NULL,
	"evidence" text,
	"reason" text,
	"actor_id" text,
	"actor_role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "overhead_costs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"action_id" uuid,
	"description" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"currency" char(3) DEFAULT 'EUR' NOT NULL,
	"cost_date" date NOT NULL,
	"recorded_by" text,
	"reverses_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overhead_costs_amount_check" CHECK ("overhead_costs"."amount_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "co_financing_entries" ADD COLUMN "charge_id" uuid;--> statement-breakpoint
ALTER TABLE "co_financing_entries" ADD COLUMN "reverses_id" uuid;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "proposed_status" "judgement_status";--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "proposed_evidence" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "proposed_by" text;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "proposed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD COLUMN "beneficiary_bank_account" text;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD COLUMN "overhead_ceiling_cents" bigint;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD COLUMN "reporting_window_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD COLUMN "status" "agreement_status" DEFAULT 'OPEN' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "invoice_date" date;--> statement-breakpoint
-- Invoices submitted before the invoice date was asked take their service date.
UPDATE "invoices" SET "invoice_date" = "service_date";--> statement-breakpoint
ALTER TABLE "invoices" ALTER COLUMN "invoice_date" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "enterprise_number" text;--> statement-breakpoint
ALTER TABLE "agreement_closings" ADD CONSTRAINT "agreement_closings_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_steering_members" ADD CONSTRAINT "agreement_steering_members_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_steering_members" ADD CONSTRAINT "agreement_steering_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_judgements" ADD CONSTRAINT "commitment_judgements_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overhead_costs" ADD CONSTRAINT "overhead_costs_agreement_id_funding_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."funding_agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overhead_costs" ADD CONSTRAINT "overhead_costs_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "overhead_costs" ADD CONSTRAINT "overhead_costs_reverses_id_overhead_costs_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."overhead_costs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_closings_agreement_idx" ON "agreement_closings" USING btree ("agreement_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_closings_in_force_key" ON "agreement_closings" USING btree ("agreement_id") WHERE "agreement_closings"."reopened_at" is null;--> statement-breakpoint
CREATE INDEX "commitment_judgements_commitment_idx" ON "commitment_judgements" USING btree ("commitment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "overhead_costs_reverses_key" ON "overhead_costs" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "overhead_costs_agreement_idx" ON "overhead_costs" USING btree ("agreement_id","cost_date");--> statement-breakpoint
ALTER TABLE "co_financing_entries" ADD CONSTRAINT "co_financing_entries_charge_id_co_financing_entries_id_fk" FOREIGN KEY ("charge_id") REFERENCES "public"."co_financing_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "co_financing_entries" ADD CONSTRAINT "co_financing_entries_reverses_id_co_financing_entries_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."co_financing_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "co_financing_reverses_key" ON "co_financing_entries" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "co_financing_charge_idx" ON "co_financing_entries" USING btree ("charge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_enterprise_number_key" ON "organisations" USING btree ("enterprise_number");--> statement-breakpoint
-- A payment recorded before payments named their charge pays the earliest charge of the same
-- board, action and kind; one without any such charge keeps no link, and the check below is
-- not validated against such older rows (NOT VALID), so none is rewritten or lost.
UPDATE "co_financing_entries" AS p SET "charge_id" = (
  SELECT c."id" FROM "co_financing_entries" AS c
  WHERE c."entry_type" = 'CHARGE' AND c."agreement_id" = p."agreement_id" AND c."board_id" = p."board_id" AND c."action_id" = p."action_id" AND c."kind" = p."kind"
  ORDER BY c."entry_date", c."created_at", c."id" LIMIT 1
) WHERE p."entry_type" = 'PAYMENT';--> statement-breakpoint
ALTER TABLE "co_financing_entries" ADD CONSTRAINT "co_financing_charge_check" CHECK (("co_financing_entries"."entry_type" = 'PAYMENT') = ("co_financing_entries"."charge_id" is not null)) NOT VALID;--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_overhead_check" CHECK ("funding_agreements"."overhead_ceiling_cents" is null or "funding_agreements"."overhead_ceiling_cents" >= 0);--> statement-breakpoint
ALTER TABLE "funding_agreements" ADD CONSTRAINT "funding_agreements_window_check" CHECK ("funding_agreements"."reporting_window_days" between 0 and 366);--> statement-breakpoint
-- Data: the seeded addendum as the source states it (seed 001), for databases seeded before.
UPDATE "tracks" SET "title" = "title" || '{"nl": "Nieuwe vormen van leren en opleiden", "en": "New forms of learning and training"}'::jsonb WHERE "number" = 2 AND "title"->>'nl' = 'Nieuwe vormen van leren';--> statement-breakpoint
UPDATE "actions" SET "title" = jsonb_set("title", '{nl}', '"De sector start een pilootproject op rond e-learning samen met GoodHabit."') WHERE "number" = 3 AND "title"->>'nl' = 'De sector start een pilootproject op rond e-learning samen met GoodHabitz.';--> statement-breakpoint
UPDATE "actions" SET "title" = jsonb_set("title", '{nl}', '"De sector voorziet een specifiek ondersteuningsaanbod met opleidingen die de digitale vaardigheden van medewerkers bij lokale besturen aanscherpen."') WHERE "number" = 7 AND "title"->>'nl' = 'De sector voorziet een specifiek ondersteuningsaanbod met opleidingen die de digitale vaardigheden van medewerkers aanscherpen.';--> statement-breakpoint
UPDATE "actions" SET "title" = jsonb_set("title", '{nl}', '"De sector werkt een communicatieplan uit met als doel een beter bereik van medewerkers uit lokale besturen en een betere toeleiding naar lokale besturen."') WHERE "number" = 9 AND "title"->>'nl' = 'De sector werkt een communicatieplan uit met als doel een beter bereik van medewerkers uit lokale besturen.';--> statement-breakpoint
UPDATE "organisations" SET "enterprise_number" = '0451.857.573' WHERE "name"->>'nl' = 'VVSG' AND "enterprise_number" IS NULL;--> statement-breakpoint
UPDATE "funding_agreements" SET "beneficiary_bank_account" = 'BE10 0910 1156 9604' WHERE "period_start" = '2023-07-01' AND "period_end" = '2025-06-30' AND "beneficiary_id" = (SELECT "id" FROM "organisations" WHERE "name"->>'nl' = 'VVSG' LIMIT 1);--> statement-breakpoint
INSERT INTO "agreement_steering_members" ("agreement_id", "organisation_id")
SELECT a."id", o."id" FROM "funding_agreements" AS a CROSS JOIN "organisations" AS o
WHERE a."period_start" = '2023-07-01' AND a."period_end" = '2025-06-30' AND o."name"->>'nl' IN ('VVSG', 'ACV', 'ACOD', 'VSOA')
ON CONFLICT DO NOTHING;

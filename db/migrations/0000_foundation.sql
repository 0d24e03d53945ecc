CREATE TYPE "public"."board_kind" AS ENUM('MUNICIPALITY', 'OCMW', 'PROVINCE', 'POLICE_ZONE', 'INTERMUNICIPAL', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."province" AS ENUM('ANTWERP', 'EAST_FLANDERS', 'FLEMISH_BRABANT', 'LIMBURG', 'WEST_FLANDERS');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('GOVERNMENT', 'SECTOR_ASSOCIATION', 'SOCIAL_PARTNER', 'SERVICE_PROVIDER', 'COMPANY', 'NON_PROFIT', 'PUBLIC_AGENCY');--> statement-breakpoint
CREATE TABLE "boards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "board_kind" NOT NULL,
	"nis_code" varchar(5),
	"province" "province" NOT NULL,
	"population" integer NOT NULL,
	"belfius_cluster" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "boards_population_check" CHECK ("boards"."population" >= 0),
	CONSTRAINT "boards_nis_code_check" CHECK ("boards"."nis_code" ~ '^[0-9]{5}$')
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"kind" "organisation_kind" NOT NULL,
	"website" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" text,
	"actor_role" text NOT NULL,
	"operation" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "domain_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" bigserial NOT NULL,
	"type" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"payload" jsonb NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "domain_events_position_unique" UNIQUE("position")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "boards_kind_nis_code_key" ON "boards" USING btree ("kind","nis_code");--> statement-breakpoint
CREATE INDEX "boards_name_idx" ON "boards" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "boards_province_idx" ON "boards" USING btree ("province");--> statement-breakpoint
CREATE INDEX "organisations_name_idx" ON "organisations" USING btree (("name"->>'nl'),"id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "domain_events_unpublished_idx" ON "domain_events" USING btree ("position") WHERE published_at is null;
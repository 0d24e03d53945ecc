-- Typed events and the outbox relay (hand-written: a rename, a trigger and a backfill that
-- drizzle-kit cannot express). Existing events keep their name and become version 1.
ALTER TABLE "domain_events" RENAME COLUMN "type" TO "name";--> statement-breakpoint
ALTER TABLE "domain_events" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "domain_events" ADD COLUMN "txid" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL;--> statement-breakpoint
CREATE INDEX "domain_events_order_idx" ON "domain_events" USING btree ("txid","position");--> statement-breakpoint
CREATE TABLE "outbox_checkpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consumer" text NOT NULL,
	"txid" bigint DEFAULT 0 NOT NULL,
	"position" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_checkpoints_consumer_unique" UNIQUE("consumer")
);--> statement-breakpoint
-- Wakes listening relays when the inserting transaction commits (NOTIFY is transactional).
CREATE FUNCTION "notify_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox', '');
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "domain_events_notify" AFTER INSERT ON "domain_events" FOR EACH STATEMENT EXECUTE FUNCTION "notify_outbox"();

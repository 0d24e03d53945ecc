CREATE TABLE "aggregate_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"family" text NOT NULL,
	"version" bigint NOT NULL,
	"value" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "aggregate_versions" (
	"family" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
-- The reach family (distinct employees who attended a session within a period): every write that
-- can change it bumps its version, in the writer's transaction. Enrolments only when an ATTENDED
-- row is written or leaves that status; sessions when they move or go; employees when they change
-- board or go; trainings when their format or title changes, boards when renamed (the per-format
-- figure, and the order of the per-training and per-board ones).
CREATE FUNCTION "bump_aggregate_version"(target_family text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "aggregate_versions" ("family", "version") VALUES (target_family, 1)
  ON CONFLICT ("family") DO UPDATE SET "version" = "aggregate_versions"."version" + 1;
$$;--> statement-breakpoint
CREATE FUNCTION "reach_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_aggregate_version"('reach');
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "reach_changed_if_attended_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows WHERE "status" = 'ATTENDED') THEN PERFORM "bump_aggregate_version"('reach'); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "reach_changed_if_attended_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows WHERE "status" = 'ATTENDED') OR EXISTS (SELECT 1 FROM new_rows WHERE "status" = 'ATTENDED') THEN
    PERFORM "bump_aggregate_version"('reach');
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "reach_changed_if_attended_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows WHERE "status" = 'ATTENDED') THEN PERFORM "bump_aggregate_version"('reach'); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "enrolments_reach_inserted" AFTER INSERT ON "enrolments" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "reach_changed_if_attended_inserted"();--> statement-breakpoint
CREATE TRIGGER "enrolments_reach_updated" AFTER UPDATE ON "enrolments" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "reach_changed_if_attended_updated"();--> statement-breakpoint
CREATE TRIGGER "enrolments_reach_deleted" AFTER DELETE ON "enrolments" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "reach_changed_if_attended_deleted"();--> statement-breakpoint
CREATE TRIGGER "enrolments_reach_truncated" AFTER TRUNCATE ON "enrolments" FOR EACH STATEMENT EXECUTE FUNCTION "reach_changed"();--> statement-breakpoint
CREATE TRIGGER "training_sessions_reach" AFTER UPDATE OF "starts_at", "training_id" OR DELETE OR TRUNCATE ON "training_sessions" FOR EACH STATEMENT EXECUTE FUNCTION "reach_changed"();--> statement-breakpoint
CREATE TRIGGER "employees_reach" AFTER UPDATE OF "board_id" OR DELETE OR TRUNCATE ON "employees" FOR EACH STATEMENT EXECUTE FUNCTION "reach_changed"();--> statement-breakpoint
CREATE TRIGGER "trainings_reach" AFTER UPDATE OF "format", "title" OR DELETE OR TRUNCATE ON "trainings" FOR EACH STATEMENT EXECUTE FUNCTION "reach_changed"();--> statement-breakpoint
CREATE TRIGGER "boards_reach" AFTER UPDATE OF "name" OR DELETE OR TRUNCATE ON "boards" FOR EACH STATEMENT EXECUTE FUNCTION "reach_changed"();

DROP INDEX "boards_kind_nis_code_key";--> statement-breakpoint
CREATE UNIQUE INDEX "boards_nis_code_key" ON "boards" USING btree ("nis_code",("kind" = 'OCMW'));
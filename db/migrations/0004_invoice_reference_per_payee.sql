DROP INDEX "invoices_payee_reference_key";--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_payee_reference_key" ON "invoices" USING btree ("payee_id",lower("reference"));
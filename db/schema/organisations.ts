// Tables of the organisations domain: the funder, the sector's associations and social
// partners, and the third parties that deliver services to boards.
import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns.js";
import { localizedText } from "./i18n.js";

export const organisationKind = pgEnum("organisation_kind", ["GOVERNMENT", "SECTOR_ASSOCIATION", "SOCIAL_PARTNER", "SERVICE_PROVIDER", "COMPANY", "NON_PROFIT", "PUBLIC_AGENCY"]);

export const organisations = pgTable(
  "organisations",
  {
    id: id(),
    name: localizedText("name").notNull(),
    description: localizedText("description"),
    kind: organisationKind("kind").notNull(),
    website: text("website"),
    /** Belgian enterprise number (ondernemingsnummer), as 0451.857.573. */
    enterpriseNumber: text("enterprise_number"),
    ...timestamps(),
  },
  (t) => [index("organisations_name_idx").on(sql`(${t.name}->>'nl')`, t.id), uniqueIndex("organisations_enterprise_number_key").on(t.enterpriseNumber)],
);

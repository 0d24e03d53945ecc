// Tables of the boards domain: local governments (besturen) that take part in the programmes.
import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { id, timestamps } from "./columns.js";

export const boardKind = pgEnum("board_kind", ["MUNICIPALITY", "OCMW", "PROVINCE", "POLICE_ZONE", "INTERMUNICIPAL", "OTHER"]);

export const province = pgEnum("province", ["ANTWERP", "EAST_FLANDERS", "FLEMISH_BRABANT", "LIMBURG", "WEST_FLANDERS"]);

export const boards = pgTable(
  "boards",
  {
    id: id(),
    // A board's official name is a proper noun in Dutch; it is not translated.
    name: text("name").notNull(),
    kind: boardKind("kind").notNull(),
    nisCode: varchar("nis_code", { length: 5 }),
    province: province("province").notNull(),
    population: integer("population").notNull(),
    belfiusCluster: text("belfius_cluster"),
    ...timestamps(),
  },
  (t) => [
    // A NIS code names one board, except that a municipality and its OCMW share theirs: the
    // code is unique among OCMWs and unique among all other boards.
    uniqueIndex("boards_nis_code_key").on(t.nisCode, sql`(${t.kind} = 'OCMW')`),
    index("boards_name_idx").on(t.name, t.id),
    index("boards_province_idx").on(t.province),
    check("boards_population_check", sql`${t.population} >= 0`),
    check("boards_nis_code_check", sql`${t.nisCode} ~ '^[0-9]{5}$'`),
  ],
);

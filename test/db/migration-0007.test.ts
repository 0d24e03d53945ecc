// Migration 0007 on a database seeded before it: action 9's effort commitment ("20% meer lezers
// van nieuwsbrief en website" than in 2021-2022) becomes measured by the two channels' growth,
// unless someone has already judged it (then its judgement stands and it stays qualitative);
// trainings get a participation fee of zero.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../db/migrate.js";
import { databaseBefore, type MigrationBefore } from "../helpers/migrations.js";

let before: MigrationBefore;
beforeAll(() => {
  before = databaseBefore("0007");
});
afterAll(() => before?.close());

const NINTH =
  "De sector heeft een beter bereik van medewerkers: in vergelijking met 2021-2022 worden 20% meer lezers van nieuwsbrief en website bereikt (gemeten via Google Analytics).";

describe("migration 0007 on a database seeded before it", () => {
  it("measures action 9's commitment by the channels' growth unless it was judged, and gives trainings a zero fee", async () => {
    await before.migrateBefore();
    const seededThen = `
      insert into organisations (id, name, kind) values
        ('00000000-0000-4000-8000-000000000001', '{"nl": "Vlaamse Regering"}', 'GOVERNMENT'),
        ('00000000-0000-4000-8000-000000000002', '{"nl": "VVSG"}', 'SECTOR_ASSOCIATION');
      insert into funding_agreements (id, title, funder_id, beneficiary_id, period_start, period_end, max_amount_cents, effort_share_bp, result_share_bp) values
        ('00000000-0000-4000-8000-0000000000a1', '{"nl": "Addendum"}', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '2023-07-01', '2025-06-30', 40000000, 7000, 3000),
        ('00000000-0000-4000-8000-0000000000a2', '{"nl": "Addendum, beoordeeld"}', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '2023-07-01', '2025-06-30', 40000000, 7000, 3000);
      insert into commitments (id, agreement_id, kind, number, description, qualitative, status) values
        ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a1', 'EFFORT', 9, '{"nl": "${NINTH}"}', true, 'OPEN'),
        ('00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000a1', 'EFFORT', 7, '{"nl": "Een specifiek aanbod digitale vaardigheden."}', true, 'OPEN'),
        ('00000000-0000-4000-8000-0000000000c3', '00000000-0000-4000-8000-0000000000a2', 'EFFORT', 9, '{"nl": "${NINTH}"}', true, 'JUSTIFIED');
      insert into commitment_judgements (commitment_id, action, status, evidence, actor_id, actor_role) values
        ('00000000-0000-4000-8000-0000000000c3', 'ACCEPTED', 'JUSTIFIED', 'Google Analytics: +24%', 'funder-1', 'PARTNER');
      insert into trainings (id, title, topic, format) values ('00000000-0000-4000-8000-0000000000d1', '{"nl": "Burn-out"}', 'burn-out', 'OPEN')`;
    for (const statement of seededThen.split(";\n")) await before.database.db.execute(sql.raw(statement));

    await migrateDatabase(before.database);

    const commitments = await before.rows<{ id: string; qualitative: boolean; status: string; measures: string[] | null }>(sql`
      select c.id, c.qualitative, c.status,
        (select array_agg(m.metric || ' >= ' || m.target_value order by m.metric) from commitment_measures m where m.commitment_id = c.id) as measures
      from commitments c order by c.id`);
    expect(commitments).toEqual([
      {
        id: "00000000-0000-4000-8000-0000000000c1",
        qualitative: false,
        status: "OPEN",
        measures: ["communication.newsletterGrowth >= 2000", "communication.websiteGrowth >= 2000"],
      },
      // Not action 9: untouched.
      { id: "00000000-0000-4000-8000-0000000000c2", qualitative: true, status: "OPEN", measures: null },
      // Judged before: the judgement stands.
      { id: "00000000-0000-4000-8000-0000000000c3", qualitative: true, status: "JUSTIFIED", measures: null },
    ]);
    expect(await before.rows(sql`select fee_cents from trainings`)).toEqual([{ fee_cents: 0 }]);
  });
});

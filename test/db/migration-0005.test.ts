// Migration 0005 on a database seeded before it: the addendum's titles become the source's
// words (track 2, actions 3, 7 and 9), VVSG gets its enterprise number and the agreement its
// bank account and steering group, invoices their invoice date, and a payment recorded before
// payments named their charge is linked to the charge it pays. Nothing is lost on the way.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../db/migrate.js";
import { databaseBefore, type MigrationBefore } from "../helpers/migrations.js";

let before: MigrationBefore;
beforeAll(() => {
  before = databaseBefore("0005");
});
afterAll(() => before?.close());

describe("migration 0005 on a database seeded before it", () => {
  it("quotes the source, identifies the parties, and links old payments to their charges", async () => {
    await before.migrateBefore();
    // What the seed of then wrote, in the shape of then.
    const seededThen = `
      insert into organisations (id, name, kind) values
        ('00000000-0000-4000-8000-000000000001', '{"nl": "Vlaamse Regering"}', 'GOVERNMENT'),
        ('00000000-0000-4000-8000-000000000002', '{"nl": "VVSG"}', 'SECTOR_ASSOCIATION'),
        ('00000000-0000-4000-8000-000000000003', '{"nl": "ACV"}', 'SOCIAL_PARTNER'),
        ('00000000-0000-4000-8000-000000000004', '{"nl": "ACOD"}', 'SOCIAL_PARTNER'),
        ('00000000-0000-4000-8000-000000000005', '{"nl": "VSOA"}', 'SOCIAL_PARTNER'),
        ('00000000-0000-4000-8000-000000000006', '{"nl": "Workitects"}', 'SERVICE_PROVIDER');
      insert into boards (id, name, kind, province, population) values ('00000000-0000-4000-8000-0000000000b1', 'Gent', 'MUNICIPALITY', 'EAST_FLANDERS', 267000);
      insert into funding_agreements (id, title, funder_id, beneficiary_id, period_start, period_end, max_amount_cents, effort_share_bp, result_share_bp)
        values ('00000000-0000-4000-8000-0000000000a1', '{"nl": "Addendum"}', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '2023-07-01', '2025-06-30', 40000000, 7000, 3000);
      insert into tracks (id, agreement_id, number, title) values
        ('00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000a1', 1, '{"nl": "Projectenfonds"}'),
        ('00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000a1', 2, '{"nl": "Nieuwe vormen van leren", "en": "New forms of learning"}');
      insert into actions (id, agreement_id, track_id, number, title) values
        ('00000000-0000-4000-8000-0000000000d3', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000c1', 3, '{"nl": "De sector start een pilootproject op rond e-learning samen met GoodHabitz.", "en": "E-learning pilot with GoodHabitz"}'),
        ('00000000-0000-4000-8000-0000000000d7', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000c2', 7, '{"nl": "De sector voorziet een specifiek ondersteuningsaanbod met opleidingen die de digitale vaardigheden van medewerkers aanscherpen."}'),
        ('00000000-0000-4000-8000-0000000000d9', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000c2', 9, '{"nl": "De sector werkt een communicatieplan uit met als doel een beter bereik van medewerkers uit lokale besturen."}');
      insert into invoices (id, agreement_id, action_id, payee_id, reference, amount_cents, service_date)
        values ('00000000-0000-4000-8000-0000000000e1', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000d3', '00000000-0000-4000-8000-000000000006', 'WK-1', 100000, '2024-02-01');
      insert into co_financing_entries (id, agreement_id, board_id, action_id, kind, entry_type, amount_cents, entry_date) values
        ('00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000d3', 'PARTICIPATION_FEE', 'CHARGE', 5000, '2024-01-01'),
        ('00000000-0000-4000-8000-0000000000f2', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000d3', 'PARTICIPATION_FEE', 'PAYMENT', 5000, '2024-02-01'),
        ('00000000-0000-4000-8000-0000000000f3', '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-0000000000d3', 'OWN_CONTRIBUTION', 'PAYMENT', 700, '2024-02-01')`;
    // One statement at a time: the drivers' extended protocol takes one per query.
    for (const statement of seededThen.split(";\n")) await before.database.db.execute(sql.raw(statement));

    await migrateDatabase(before.database);

    const titles = await before.rows<{ kind: string; number: number; nl: string; en: string | null }>(sql`
      select 'track' as kind, number, title->>'nl' as nl, title->>'en' as en from tracks union all
      select 'action', number, title->>'nl', title->>'en' from actions order by kind, number`);
    expect(titles).toEqual([
      { kind: "action", number: 3, nl: "De sector start een pilootproject op rond e-learning samen met GoodHabit.", en: "E-learning pilot with GoodHabitz" },
      {
        kind: "action",
        number: 7,
        nl: "De sector voorziet een specifiek ondersteuningsaanbod met opleidingen die de digitale vaardigheden van medewerkers bij lokale besturen aanscherpen.",
        en: null,
      },
      {
        kind: "action",
        number: 9,
        nl: "De sector werkt een communicatieplan uit met als doel een beter bereik van medewerkers uit lokale besturen en een betere toeleiding naar lokale besturen.",
        en: null,
      },
      { kind: "track", number: 1, nl: "Projectenfonds", en: null },
      { kind: "track", number: 2, nl: "Nieuwe vormen van leren en opleiden", en: "New forms of learning and training" },
    ]);
    expect(await before.rows(sql`select enterprise_number from organisations where enterprise_number is not null`)).toEqual([{ enterprise_number: "0451.857.573" }]);
    expect(await before.rows(sql`select beneficiary_bank_account, status, reporting_window_days, overhead_ceiling_cents from funding_agreements`)).toEqual([
      { beneficiary_bank_account: "BE10 0910 1156 9604", status: "OPEN", reporting_window_days: 0, overhead_ceiling_cents: null },
    ]);
    const steering = await before.rows<{ nl: string }>(
      sql`select o.name->>'nl' as nl from agreement_steering_members m join organisations o on o.id = m.organisation_id order by 1`,
    );
    expect(steering.map((r) => r.nl)).toEqual(["ACOD", "ACV", "VSOA", "VVSG"]);
    expect(await before.rows(sql`select invoice_date::text from invoices`)).toEqual([{ invoice_date: "2024-02-01" }]);
    // The fee's payment pays the fee's charge; the contribution's payment had no charge to pay and
    // keeps no link rather than being lost (the check is not validated against older rows).
    expect(await before.rows(sql`select id, charge_id from co_financing_entries where entry_type = 'PAYMENT' order by id`)).toEqual([
      { id: "00000000-0000-4000-8000-0000000000f2", charge_id: "00000000-0000-4000-8000-0000000000f1" },
      { id: "00000000-0000-4000-8000-0000000000f3", charge_id: null },
    ]);
    expect(await before.rows(sql`select count(*)::int as n from co_financing_entries`)).toEqual([{ n: 3 }]);
  });
});

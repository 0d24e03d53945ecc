// The trainings module's part of the "sector" seed profile: a synthetic set the size of the
// sector (issue 9, "Scale": about 170,000 employees, 5,000 sessions and 250,000 enrolments), and
// the rest of the programme's records (trajectories with participations and sessions, worktable
// groups with meetings and attendance, learning tools, professions, communication figures) so
// that every metric the addendum measures has data to count at scale.
//
// The big tables are written set-based in SQL (generate_series, INSERT ... SELECT), in chunks so
// each chunk reports progress. Everything derives from the row's index, never from a random
// source, so two databases seeded alike hold the same rows; the employees' and sessions' ids are
// derived from their index too (an md5, shaped as a version 4 uuid), so enrolments name them
// without reading them back. `scale` shrinks the sector-sized counts proportionally for tests
// (CI seeds a small fraction; `npm run db:seed -- --profile sector` seeds the full size).
//
// Each of the two parts (the training records; the rest of the programme) is written once, in one
// transaction, and skipped when its first synthetic row is already there: a second run adds
// nothing, and a database is never left half seeded. A later run with another scale adds nothing
// either; reset the database to change the size.
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { SeedOptions, SeedProgress } from "../../schema/shared/module.js";
import type { Database, Tx } from "../client.js";
import { boards } from "../schema/boards.js";
import { actions, fundingAgreements } from "../schema/funding.js";
import { organisations } from "../schema/organisations.js";
import {
  communicationFigures,
  learningTools,
  professions,
  trajectories,
  trajectoryParticipations,
  trajectorySessions,
  worktableAttendance,
  worktableGroups,
  worktableMeetings,
} from "../schema/programme.js";
import { trainings } from "../schema/trainings.js";
import { ADDENDUM } from "./addendum.js";
import { SYNTHETIC_PREFIX } from "./sector.js";

/** The sector's size at scale 1 (issue 9). */
export const SECTOR_EMPLOYEE_COUNT = 170_000;
export const SECTOR_SESSION_COUNT = 5_000;
export const SECTOR_ENROLMENT_COUNT = 250_000;

/** Rows of each kind the sector step writes at a scale; the counts of the programme's records have a floor so every metric still has data at a small scale. */
export function sectorTrainingSizes(scale = 1) {
  if (!(Number.isFinite(scale) && scale > 0 && scale <= 10)) throw new Error(`scale must be within (0, 10], not ${scale}`);
  const employees = Math.max(1, Math.round(SECTOR_EMPLOYEE_COUNT * scale));
  const sessions = Math.max(1, Math.round(SECTOR_SESSION_COUNT * scale));
  // A session never holds one employee twice, so a session has at most `employees` enrolments.
  const enrolments = Math.min(Math.round(SECTOR_ENROLMENT_COUNT * scale), sessions * employees);
  return {
    employees,
    sessions,
    enrolments,
    /** Boards per trajectory: about 40 at full size, enough for the metrics' targets at any size. */
    participationsPerTrajectory: Math.max(12, Math.round(40 * scale)),
    /** Boards at each held worktable meeting. */
    attendancePerMeeting: Math.max(3, Math.round(20 * scale)),
  };
}

/** Synthetic trainings beside the nine the source names, so sessions come in every format and for actions 6 and 7. */
export const SYNTHETIC_TRAININGS = [
  { nl: "in-house: teamwerking en feedback", topic: "teamwerking", format: "IN_HOUSE", action: 6, digitalSkills: false },
  { nl: "in-house: onthaal van nieuwe medewerkers", topic: "onthaal", format: "IN_HOUSE", action: 6, digitalSkills: false },
  { nl: "e-learning: veilig online werken", topic: "digitale vaardigheden", format: "E_LEARNING", action: 7, digitalSkills: true },
  { nl: "blended: werken met gedeelde documenten", topic: "digitale vaardigheden", format: "BLENDED", action: 7, digitalSkills: true },
  { nl: "e-learning: time management", topic: "zelfmanagement", format: "E_LEARNING", action: 5, digitalSkills: false },
  { nl: "blended: coachend leidinggeven", topic: "leiderschap", format: "BLENDED", action: 5, digitalSkills: false },
] as const;

const PROVINCES = ["ANTWERP", "EAST_FLANDERS", "FLEMISH_BRABANT", "LIMBURG", "WEST_FLANDERS"] as const;
const JOBS = ["administratief medewerker", "verzorgende", "technisch medewerker", "maatschappelijk werker", "leidinggevende", "kinderbegeleider", "ploegbaas"];
const DEPARTMENTS = ["Burgerzaken", "Technische dienst", "Thuiszorg", "Financiën", "Kinderopvang", "Personeelsdienst", "Woonzorgcentrum"];
const IAO_DEPARTMENTS = ["Technische dienst", "Thuiszorg", "Burgerzaken", "Kinderopvang", "Woonzorgcentrum"];
const CHUNK = { employees: 10_000, sessions: 1_000, enrolmentSessions: 250 };

/** A stable uuid for the i-th synthetic row of a kind: its md5, with the version 4 and variant nibbles set. */
const syntheticId = (kind: string, index: SQL | number): SQL =>
  sql`(overlay(overlay(md5(${`${SYNTHETIC_PREFIX}:${kind}:`} || (${index})::text) placing '4' from 13) placing '8' from 17))::uuid`;

/** A Postgres array literal of a list, passed as one parameter (drizzle would spread a JS array). */
const arrayLiteral = (items: readonly (string | number)[]) => `{${items.join(",")}}`;

/** The i-th session's capacity (35 to 70) and day offset from 1 July 2023 (within 820 days: the period and a little after). */
const capacityOf = (i: SQL) => sql`(35 + ((${i}) * 13) % 36)`;
const dayOf = (i: SQL) => sql`(((${i})::bigint * 367) % 820)::int`;

/** Adds the sector-sized synthetic employees, sessions, enrolments and programme records. */
export async function seedTrainingsSector(database: Database, progress: SeedProgress, options: SeedOptions = {}): Promise<Record<string, number>> {
  const sizes = sectorTrainingSizes(options.scale ?? 1);
  return { ...(await seedTrainingRecords(database, progress, sizes)), ...(await seedProgrammeRecords(database, progress, sizes)) };
}

type Sizes = ReturnType<typeof sectorTrainingSizes>;

interface Context {
  actionIds: Map<number, string>;
  orgIds: Map<string, string>;
  /** Every board, by name then id, with its province and population. */
  boards: { id: string; province: string; population: number; kind: string }[];
}

async function contextOf(tx: Tx): Promise<Context> {
  const actionRows = await tx
    .select({ id: actions.id, number: actions.number })
    .from(actions)
    .innerJoin(fundingAgreements, eq(fundingAgreements.id, actions.agreementId))
    .where(sql`${fundingAgreements.title}->>'nl' = ${ADDENDUM.title.nl}`);
  const orgRows = await tx.select({ id: organisations.id, nl: sql<string>`${organisations.name}->>'nl'` }).from(organisations);
  const boardRows = await tx
    .select({ id: boards.id, province: boards.province, population: boards.population, kind: boards.kind })
    .from(boards)
    .orderBy(asc(boards.name), asc(boards.id));
  return { actionIds: new Map(actionRows.map((a) => [a.number, a.id])), orgIds: new Map(orgRows.map((o) => [o.nl, o.id])), boards: boardRows };
}

/** Employees per board, in proportion to the population each board serves (a province or a partnership employs fewer per inhabitant). */
function employeesPerBoard(list: Context["boards"], total: number): number[] {
  const weights = list.map((b) => Math.max(1, b.kind === "PROVINCE" || b.kind === "INTERMUNICIPAL" ? Math.round(b.population / 10) : b.population));
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w * total) / sum);
  const counts = exact.map(Math.floor);
  // Largest remainders take the rest, ties to the earlier board, so the total is exact.
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k++) counts[order[k % order.length]![1]]! += 1;
  return counts;
}

/** The first of a few primes that does not divide n: a stride that visits every residue modulo n. */
function strideFor(n: number): number {
  return [7_919, 104_729, 15_485_863].find((p) => n % p !== 0)!;
}

async function seedTrainingRecords(database: Database, progress: SeedProgress, sizes: Sizes): Promise<Record<string, number>> {
  const marker = await database.db.execute(sql`select 1 from training_sessions where id = ${syntheticId("session", 0)}`);
  if ((marker as unknown as { rows: unknown[] }).rows.length > 0) return {};
  return database.db.transaction(async (tx): Promise<Record<string, number>> => {
    const ctx = await contextOf(tx);
    if (ctx.boards.length === 0) return {};

    // Trainings in the formats the source's nine do not cover, then every training (by Dutch title) gets sessions in turn.
    await tx.insert(trainings).values(
      SYNTHETIC_TRAININGS.map((t) => ({
        title: { nl: `${SYNTHETIC_PREFIX}e opleiding ${t.nl}` },
        topic: t.topic,
        format: t.format,
        digitalSkills: t.digitalSkills,
        actionId: ctx.actionIds.get(t.action) ?? null,
      })),
    );
    const catalogue = await tx.select({ id: trainings.id, format: trainings.format }).from(trainings).orderBy(sql`${trainings.title}->>'nl'`, asc(trainings.id));

    // Employees, spread over the boards by population: board b holds the indexes [offset, offset + count).
    const counts = employeesPerBoard(ctx.boards, sizes.employees);
    const offsets = counts.map((_, i) => counts.slice(0, i).reduce((a, b) => a + b, 0));
    const boardIds = arrayLiteral(ctx.boards.map((b) => b.id));
    for (let from = 0; from < sizes.employees; from += CHUNK.employees) {
      const to = Math.min(from + CHUNK.employees, sizes.employees);
      // Every 97th is a person the board has since forgotten: the row stays, without a name.
      await tx.execute(sql`
        insert into employees (id, board_id, display_name, job, department, forgotten_at)
        select ${syntheticId("employee", sql`i`)}, b.id,
          case when i % 97 = 96 then null else ${`${SYNTHETIC_PREFIX}e medewerker `} || lpad((i + 1)::text, 6, '0') end,
          case when i % 97 = 96 then null else (${arrayLiteral(JOBS)}::text[])[i % ${JOBS.length} + 1] end,
          case when i % 97 = 96 then null else (${arrayLiteral(DEPARTMENTS)}::text[])[i % ${DEPARTMENTS.length} + 1] end,
          case when i % 97 = 96 then timestamptz '2025-01-15 12:00:00+00' end
        from unnest(${boardIds}::uuid[], ${arrayLiteral(offsets)}::int[], ${arrayLiteral(counts)}::int[]) as b(id, off, n)
        cross join lateral generate_series(greatest(b.off, ${from}::int), least(b.off + b.n, ${to}::int) - 1) as i`);
      progress("synthetic employees", to, sizes.employees);
    }

    // Sessions: the i-th on a working day of the period (and a little after), 9:00 in Brussels,
    // online for e-learning and every fourth other one, in-house ones hosted by a board.
    const trainingIds = arrayLiteral(catalogue.map((t) => t.id));
    const formats = arrayLiteral(catalogue.map((t) => t.format));
    for (let from = 0; from < sizes.sessions; from += CHUNK.sessions) {
      const to = Math.min(from + CHUNK.sessions, sizes.sessions);
      await tx.execute(sql`
        insert into training_sessions (id, training_id, starts_at, ends_at, online, province, place, capacity, host_board_id)
        select ${syntheticId("session", sql`i`)}, t.id, (day + time '09:00') at time zone 'Europe/Brussels',
          (day + case when i % 2 = 0 then time '12:00' else time '16:30' end) at time zone 'Europe/Brussels',
          t.online, (${arrayLiteral(PROVINCES)}::province[])[i % 5 + 1],
          case when t.online then null else ${`${SYNTHETIC_PREFIX}e locatie `} || (i % 40 + 1)::text end,
          ${capacityOf(sql`i`)},
          case when t.format = 'IN_HOUSE' then (${boardIds}::uuid[])[(i * 7) % ${ctx.boards.length} + 1] end
        from generate_series(${from}::int, ${to - 1}::int) as i
        cross join lateral (
          select (${trainingIds}::uuid[])[i % ${catalogue.length} + 1] as id, (${formats}::text[])[i % ${catalogue.length} + 1] as format,
            (${formats}::text[])[i % ${catalogue.length} + 1] = 'E_LEARNING' or i % 4 = 0 as online
        ) as t
        cross join lateral (select date '2023-07-01' + ${dayOf(sql`i`)} as d) as raw
        cross join lateral (select raw.d + case extract(isodow from raw.d) when 6 then 2 when 7 then 1 else 0 end as day) as shifted`);
      progress("synthetic training sessions", to, sizes.sessions);
    }

    // Enrolments: the k-th goes to session k mod S, as that session's p = (k div S)-th; its
    // employee is (s * P + p) times a stride coprime with E, mod E: P consecutive numbers stay
    // distinct mod E, so a session never has one employee twice, and the stride spreads a
    // session's employees over many boards. About 5% cancelled; of the others, those
    // beyond the capacity wait; of the seated, about 10% did not show up and the rest attended.
    const S = sizes.sessions;
    const E = sizes.employees;
    const perSession = Math.ceil(sizes.enrolments / S);
    const stride = strideFor(E);
    for (let from = 0; from < S; from += CHUNK.enrolmentSessions) {
      const to = Math.min(from + CHUNK.enrolmentSessions, S);
      await tx.execute(sql`
        insert into enrolments (session_id, employee_id, status, queued_at, enrolled_by)
        select ${syntheticId("session", sql`s`)}, ${syntheticId("employee", sql`((s::bigint * ${perSession} + p) * ${stride}) % ${E}`)},
          (case when cancelled then 'CANCELLED' when rank > ${capacityOf(sql`s`)} then 'WAITLISTED' when h < 15 then 'NO_SHOW' else 'ATTENDED' end)::enrolment_status,
          (date '2023-07-01' + ${dayOf(sql`s`)} - 30 + time '08:00' + p * interval '7 minutes') at time zone 'Europe/Brussels', 'seed'
        from (
          select s, p, h, cancelled, row_number() over (partition by s, cancelled order by p) as rank
          from (
            select s, p, (s * 37 + p * 61 + (s * p) % 13) % 100 as h, (s * 37 + p * 61 + (s * p) % 13) % 100 < 5 as cancelled
            from generate_series(${from}::int, ${to - 1}::int) as s cross join generate_series(0, ${perSession - 1}::int) as p
            where s::bigint + p::bigint * ${S} < ${sizes.enrolments}
          ) as numbered
        ) as ranked`);
      // Sessions below N mod S have one enrolment more than the others.
      progress("synthetic enrolments", to * Math.floor(sizes.enrolments / S) + Math.min(to, sizes.enrolments % S), sizes.enrolments);
    }
    // Statistics for the planner after a bulk load, as a real import would.
    await tx.execute(sql`analyze employees`);
    await tx.execute(sql`analyze training_sessions`);
    await tx.execute(sql`analyze enrolments`);
    return { trainings: SYNTHETIC_TRAININGS.length, employees: E, trainingSessions: S, enrolments: sizes.enrolments };
  });
}

const LEADERSHIP = [
  { nl: "leiderschap voor ploegbazen", levels: ["FOREMAN"], approach: "coaching on the job", from: "2023-09-01", until: null },
  { nl: "coachend leidinggeven", levels: ["TEAM_LEADER", "MIDDLE_MANAGER"], approach: "leertraject in groep met intervisie", from: "2023-10-01", until: "2024-06-30" },
  { nl: "diensthoofden in verandering", levels: ["DEPARTMENT_HEAD"], approach: "individuele coaching", from: "2024-01-15", until: null },
  { nl: "leiderschap aan de top", levels: ["MANAGEMENT_TEAM", "GENERAL_DIRECTOR"], approach: "assessment en ontwikkelplan", from: "2024-03-01", until: null },
  { nl: "eerste stappen als leidinggevende", levels: ["FOREMAN", "TEAM_LEADER"], approach: "e-learning met terugkomdagen", from: "2024-09-01", until: null },
  // Offered only after the period: it must not count.
  { nl: "leiderschap in netwerken", levels: ["MIDDLE_MANAGER", "DEPARTMENT_HEAD", "MANAGEMENT_TEAM"], approach: "lerend netwerk", from: "2025-09-01", until: null },
] as const;

async function seedProgrammeRecords(database: Database, progress: SeedProgress, sizes: Sizes): Promise<Record<string, number>> {
  const leaderTitle = `${SYNTHETIC_PREFIX} leiderschapstraject ${LEADERSHIP[0].nl}`;
  const [existing] = await database.db
    .select({ id: trajectories.id })
    .from(trajectories)
    .where(and(eq(trajectories.kind, "LEADERSHIP"), sql`lower(${trajectories.title}->>'nl') = lower(${leaderTitle})`));
  if (existing) return {};
  return database.db.transaction(async (tx): Promise<Record<string, number>> => {
    const ctx = await contextOf(tx);
    if (ctx.boards.length === 0) return {};
    const B = ctx.boards.length;
    const day = (offset: number, from = "2023-07-01") => new Date(Date.parse(`${from}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

    // Trajectories of the three kinds; no fee, so no co-financing charges go with the participations.
    const trajectoryRows = await tx
      .insert(trajectories)
      .values([
        ...LEADERSHIP.map((t) => ({
          kind: "LEADERSHIP" as const,
          title: { nl: `${SYNTHETIC_PREFIX} leiderschapstraject ${t.nl}` },
          targetLevels: [...t.levels],
          approach: t.approach,
          partnerId: ctx.orgIds.get("Excello") ?? null,
          actionId: ctx.actionIds.get(2) ?? null,
          offeredFrom: t.from,
          offeredUntil: t.until,
        })),
        ...[1, 2, 3, 4].map((n) => ({
          kind: "WORK_ORGANISATION" as const,
          title: { nl: `${SYNTHETIC_PREFIX} IAO-traject ${n}` },
          approach: "werkplekleren en herontwerp van de organisatie",
          partnerId: ctx.orgIds.get("Workitects") ?? null,
          actionId: ctx.actionIds.get(1) ?? null,
          offeredFrom: day(60 * n),
        })),
        {
          kind: "LEARNING_NETWORK" as const,
          title: { nl: `${SYNTHETIC_PREFIX} lerend netwerk e-learning` },
          approach: "e-learning met netwerkmomenten",
          partnerId: ctx.orgIds.get("GoodHabitz") ?? null,
          actionId: ctx.actionIds.get(3) ?? null,
          offeredFrom: "2023-09-01",
        },
      ])
      .returning({ id: trajectories.id, kind: trajectories.kind });

    // Boards take part: the j-th board of trajectory t is (t * 53 + j * stride) mod B, distinct
    // within a trajectory; IAO ones in a department; every ninth withdraws after four months.
    const stride = [7, 11, 13, 17, 19, 23].find((p) => B % p !== 0)!;
    const per = Math.min(sizes.participationsPerTrajectory, B);
    const participations = trajectoryRows.flatMap((t, ti) =>
      Array.from({ length: per }, (_, j) => {
        const joinedOn = day((ti * 29 + j * 37) % 600);
        return {
          trajectoryId: t.id,
          boardId: ctx.boards[(ti * 53 + j * stride) % B]!.id,
          department: t.kind === "WORK_ORGANISATION" ? IAO_DEPARTMENTS[(ti + j) % IAO_DEPARTMENTS.length]! : null,
          joinedOn,
          withdrawnOn: j % 9 === 8 ? day(120, joinedOn) : null,
        };
      }),
    );
    for (let i = 0; i < participations.length; i += 500) await tx.insert(trajectoryParticipations).values(participations.slice(i, i + 500));
    const sessions = trajectoryRows.flatMap((t, ti) =>
      Array.from({ length: 4 }, (_, j) => {
        const start = new Date(Date.parse(`${day(90 + ti * 11 + j * 120)}T07:00:00Z`));
        const online = t.kind === "LEARNING_NETWORK" || j === 3;
        return {
          trajectoryId: t.id,
          startsAt: start,
          endsAt: new Date(start.getTime() + 3 * 3_600_000),
          online,
          province: online ? null : PROVINCES[(ti + j) % 5]!,
          place: online ? null : `${SYNTHETIC_PREFIX}e locatie ${ti + 1}`,
          hostBoardId: online ? null : ctx.boards[(ti * 31 + j) % B]!.id,
        };
      }),
    );
    await tx.insert(trajectorySessions).values(sessions);
    progress("synthetic trajectories", trajectoryRows.length, trajectoryRows.length);

    // Worktables: a group per province in 2023 and 2024, four meetings a year (in 2023 from
    // September, within the period); about one in nine cancelled; two groups of 2027 still planned.
    const groups = [
      ...[2023, 2024].flatMap((year) => PROVINCES.map((province) => ({ year, province }))),
      { year: 2027, province: PROVINCES[0] },
      { year: 2027, province: PROVINCES[3] },
    ];
    const groupRows = await tx
      .insert(worktableGroups)
      .values(
        groups.map((g) => ({
          title: { nl: `${SYNTHETIC_PREFIX}e HRM-werktafel ${g.year} ${g.province}` },
          province: g.province,
          year: g.year,
          partnerId: ctx.orgIds.get("M&L Management") ?? null,
          actionId: ctx.actionIds.get(8) ?? null,
        })),
      )
      .returning({ id: worktableGroups.id });
    const MONTHS: Record<number, number[]> = { 2023: [9, 10, 11, 12], 2024: [2, 4, 6, 10], 2027: [2, 4, 6, 10] };
    const byProvince = (province: string) => ctx.boards.filter((b) => b.province === province);
    const meetings = groups.flatMap((g, gi) =>
      MONTHS[g.year]!.map((month, mi) => {
        const status = g.year === 2027 ? ("PLANNED" as const) : (gi + mi) % 9 === 4 ? ("CANCELLED" as const) : ("HELD" as const);
        const meetingDate = `${g.year}-${String(month).padStart(2, "0")}-${String(10 + gi).padStart(2, "0")}`;
        const local = byProvince(g.province);
        return {
          groupId: groupRows[gi]!.id,
          meetingDate,
          province: g.province,
          hostBoardId: local.length ? local[(gi + mi) % local.length]!.id : null,
          status,
          material: status === "HELD" ? "Verslag, presentatie en sjablonen van de werktafel." : null,
          materialSentAt: status === "HELD" ? new Date(Date.parse(`${meetingDate}T12:00:00Z`) + 3 * 86_400_000) : null,
        };
      }),
    );
    const meetingRows = await tx.insert(worktableMeetings).values(meetings).returning({ id: worktableMeetings.id });
    const attendance = meetings.flatMap((m, mi) => {
      if (m.status !== "HELD") return [];
      const local = byProvince(m.province);
      const n = Math.min(sizes.attendancePerMeeting, local.length);
      return Array.from({ length: n }, (_, j) => ({ meetingId: meetingRows[mi]!.id, boardId: local[(mi + j) % local.length]!.id }));
    });
    for (let i = 0; i < attendance.length; i += 500) await tx.insert(worktableAttendance).values(attendance.slice(i, i + 500));
    progress("synthetic worktable meetings", meetings.length, meetings.length);

    // Learning tools on the platform: published over the period, some only for a year, every tenth not yet.
    const tools = Array.from({ length: 30 }, (_, j) => {
      const unpublished = j % 10 === 9;
      const publishedFrom = unpublished ? null : day(j * 20);
      return {
        title: { nl: `${SYNTHETIC_PREFIX} leerinstrument ${String(j + 1).padStart(2, "0")}` },
        kind: (["INSTRUMENT", "MEASURE", "OFFER"] as const)[j % 3]!,
        link: `https://example.org/leerinstrumenten/${j + 1}`,
        providerId: ctx.orgIds.get(["GoodHabitz", "VDAB", "Mediawijs"][j % 3]!) ?? null,
        actionId: ctx.actionIds.get(4) ?? null,
        publishedFrom,
        publishedUntil: publishedFrom && j % 4 === 3 ? day(365, publishedFrom) : null,
      };
    });
    await tx.insert(learningTools).values(tools);
    // Professions on LokaalWerkt: listed from some day in the period; every seventh taken off the
    // day before the period ends, so it does not count as listed at its end.
    const jobs = Array.from({ length: 40 }, (_, j) => {
      const publishedFrom = day(30 + j * 15);
      return {
        title: { nl: `${SYNTHETIC_PREFIX} beroep ${String(j + 1).padStart(2, "0")}` },
        category: (["CARE", "STEM", "OTHER"] as const)[j % 3]!,
        shortageOccupation: j % 2 === 0,
        publishedFrom,
        publishedUntil: j % 7 === 6 && publishedFrom <= "2025-06-29" ? "2025-06-29" : null,
      };
    });
    await tx.insert(professions).values(jobs);
    progress("synthetic learning tools and professions", tools.length + jobs.length, tools.length + jobs.length);

    // Communication figures: the baseline years 2021 and 2022, then every month of the period.
    // The newsletter grows about 22% (commitment 9's +20% met), the website about 10% (not met).
    const figures = (["NEWSLETTER", "WEBSITE"] as const).flatMap((channel) => {
      const [base2021, base2022, monthly] = channel === "NEWSLETTER" ? [48_000, 50_000, 5_000] : [600_000, 640_000, 57_000];
      const baseline = [
        { periodStart: "2021-01-01", periodEnd: "2021-12-31", audience: base2021 },
        { periodStart: "2022-01-01", periodEnd: "2022-12-31", audience: base2022 },
      ].map((f) => ({ ...f, channel, isBaseline: true }));
      const months = Array.from({ length: 24 }, (_, m) => {
        const start = new Date(Date.UTC(2023, 6 + m, 1));
        const end = new Date(Date.UTC(2023, 7 + m, 0));
        // A little up and down around the month's mean, deterministically.
        return {
          channel,
          isBaseline: false,
          periodStart: start.toISOString().slice(0, 10),
          periodEnd: end.toISOString().slice(0, 10),
          audience: monthly + ((m * 7) % 5) * 100 - 200,
        };
      });
      return [...baseline, ...months].map((f) => ({ ...f, source: `${SYNTHETIC_PREFIX}: webanalyse`, enteredBy: "seed" }));
    });
    // A figure an editor already entered for a period wins; the synthetic one is left out.
    const taken = await tx
      .select({ channel: communicationFigures.channel, start: communicationFigures.periodStart, end: communicationFigures.periodEnd })
      .from(communicationFigures)
      .where(inArray(communicationFigures.channel, ["NEWSLETTER", "WEBSITE"]));
    const free = figures.filter((f) => !taken.some((t) => t.channel === f.channel && t.start <= f.periodEnd && t.end >= f.periodStart));
    if (free.length) await tx.insert(communicationFigures).values(free);
    progress("synthetic communication figures", free.length, free.length);

    return {
      trajectories: trajectoryRows.length,
      trajectoryParticipations: participations.length,
      trajectorySessions: sessions.length,
      worktableGroups: groupRows.length,
      worktableMeetings: meetings.length,
      worktableAttendance: attendance.length,
      learningTools: tools.length,
      professions: jobs.length,
      communicationFigures: free.length,
    };
  });
}

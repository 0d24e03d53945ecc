// The knowledge platform of action 4 (leerinstrumenten, -maatregelen en -aanbod) and the
// professions of the LokaalWerkt website: records the sector's editors publish for a span of
// Brussels days. Both read the same way: by Dutch title, the public (and anyone who is not an
// editor) only what is published today, editors everything. Both are counted for the addendum's
// result commitments 2 ("minstens 5 verschillende leertools") and 5 ("tegen het einde van de
// convenantperiode minstens 25 beroepen/functies ... op de website LokaalWerkt").
import DataLoader from "dataloader";
import { type AnyColumn, and, eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Executor } from "../../db/client.js";
import { learningToolKind, learningTools, professionCategory, professions } from "../../db/schema/programme.js";
import { todayInBrussels } from "../funding/lifecycle.js";
import { change, type Recorder } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, notFound, uniqueViolation } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { localizedMultilineTextInput, localizedTextInput } from "../shared/i18n.js";
import { rowsById } from "../shared/loaders.js";
import type { MetricBreakdown, MetricDefinition, MetricPart, MetricScope, MetricSource } from "../shared/metrics.js";
import type { NodeFetcher } from "../shared/module.js";
import { can } from "../shared/policy.js";
import { type Connection, countRows, expectGlobalId, type Keyset, paginate, toGlobalId } from "../shared/relay.js";
import { escapeLike, httpUrl, notNull } from "../shared/validation.js";
import { platformChanged } from "./programme.events.js";
import { actionOf, organisationOf } from "./references.js";
import type { LearningToolMapper as LearningTool, ProfessionMapper as Profession } from "./trainings.mappers.js";
import { platformManage } from "./trainings.policy.js";

/** A record published for a span of Brussels days: from `publishedFrom` until `publishedUntil` (inclusive, open-ended while null). */
interface Publication {
  publishedFrom: string | null;
  publishedUntil: string | null;
}

/** Whether a record is published on a day; unpublished while it has no first day. */
export function publishedOn(row: Publication, day: string): boolean {
  return row.publishedFrom !== null && row.publishedFrom <= day && (row.publishedUntil === null || row.publishedUntil >= day);
}

/** The same rule in SQL, for a table's two publication columns. */
function publishedOnSql(columns: { publishedFrom: AnyColumn; publishedUntil: AnyColumn }, day: string): SQL {
  return sql`(${columns.publishedFrom} <= ${day}::date and (${columns.publishedUntil} is null or ${columns.publishedUntil} >= ${day}::date))`;
}

/** Editors (platformManage) see every tool and profession, published or not; everyone else today's only. */
const seesUnpublished = (ctx: Context) => can(ctx, platformManage, undefined);

/** The day a viewer's list shows: today for the public (their filter's day is ignored), the asked day or every record for editors. */
async function visibleDay(ctx: Context, asked: string | null | undefined): Promise<string | null> {
  if (!(await seesUnpublished(ctx))) return todayInBrussels();
  return asked ?? null;
}

/** A record by id for node(id), with the lists' visibility: null for the public while it is not published today. */
async function visible<T extends Publication>(ctx: Context, row: T | null): Promise<T | null> {
  if (!row) return null;
  if (publishedOn(row, todayInBrussels()) || (await seesUnpublished(ctx))) return row;
  return null;
}

/** A search in any translation of a title: a French-speaking reader searches in French. */
function titleSearch(title: PgColumn, term: string): SQL {
  const pattern = `%${escapeLike(term)}%`;
  return sql`(${title}->>'nl' ilike ${pattern} or ${title}->>'fr' ilike ${pattern} or ${title}->>'en' ilike ${pattern})`;
}

const search = z.string().trim().max(100, "must be at most 100 characters").nullish();

/**
 * The publication rules, on the record as it will be stored: a last day needs a first day and is
 * not before it. `changed` says which field the caller sent, so the error names what they wrote.
 */
function checkPublication(row: Publication, changed: { from: boolean; until: boolean }): void {
  if (row.publishedUntil === null) return;
  if (row.publishedFrom === null) {
    throw changed.until
      ? badInput("input.publishedUntil", "needs publishedFrom: a record is published from a first day")
      : badInput("input.publishedFrom", "is required while publishedUntil is set");
  }
  if (row.publishedUntil < row.publishedFrom) {
    throw badInput(changed.until || !changed.from ? "input.publishedUntil" : "input.publishedFrom", "publishedUntil must not be before publishedFrom");
  }
}

/** The title is unique ignoring case (the tables' unique index on lower(title->>'nl')); the violation becomes the editor's error. */
async function savingTitle<T>(constraint: string, what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (uniqueViolation(error) === constraint) throw badInput("input.title.nl", `is already the Dutch title of another ${what} (titles are compared ignoring case)`);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Learning tools

export const learningToolLoader = (ctx: Context) => rowsById<LearningTool>(ctx, learningTools);

const toolTitle = sql<string>`(${learningTools.title}->>'nl')`;
const toolKeyset: Keyset = { sortKey: toolTitle, id: learningTools.id };

const pageArgs = { first: z.number().int().nullish(), after: z.string().nullish() };
/** What both lists of tools filter on; the editors' list also on the day. */
const toolFilter = z.object({ search, kind: z.enum(learningToolKind.enumValues).nullish(), providerId: z.string().nullish() });
const toolListArgs = z.object({ ...pageArgs, filter: toolFilter.extend({ publishedOn: isoDate.nullish() }).nullish() });
const publishedToolArgs = z.object({ ...pageArgs, filter: toolFilter.nullish() });

/** Query.learningTools: by Dutch title, then id. */
export const listLearningTools = fn(toolListArgs, async (ctx, args): Promise<Connection<LearningTool>> => toolPage(ctx, args, await visibleDay(ctx, args.filter?.publishedOn)));

/** Query.publishedLearningTools: today's tools for every reader, editors included, so the answer is the same for all. */
export const listPublishedLearningTools = fn(publishedToolArgs, async (ctx, args) => toolPage(ctx, args, todayInBrussels()));

/** A page of tools, published on `day` (every tool when null). */
async function toolPage(ctx: Context, { first, after, filter }: z.output<typeof publishedToolArgs>, day: string | null): Promise<Connection<LearningTool>> {
  const conditions: (SQL | undefined)[] = [];
  if (filter?.search) conditions.push(titleSearch(learningTools.title, filter.search));
  if (filter?.kind) conditions.push(eq(learningTools.kind, filter.kind));
  if (filter?.providerId) conditions.push(eq(learningTools.providerId, expectGlobalId(filter.providerId, "Organisation", "filter.providerId")));
  if (day) conditions.push(publishedOnSql(learningTools, day));
  const where = and(...conditions);
  return paginate(
    { first, after },
    toolKeyset,
    (page) =>
      ctx.db
        .select()
        .from(learningTools)
        .where(and(where, page.after))
        .orderBy(...page.orderBy)
        .limit(page.limit),
    (t) => [t.title.nl, t.id],
    () => countRows(ctx.db, learningTools, where),
  );
}

export async function findLearningTool(ctx: Context, id: string): Promise<LearningTool | null> {
  return visible(ctx, await learningToolLoader(ctx).load(id));
}

const toolFields = z.object({
  title: localizedTextInput,
  description: localizedMultilineTextInput.nullish(),
  kind: z.enum(learningToolKind.enumValues),
  link: httpUrl,
  providerId: z.string().nullish(),
  actionId: z.string().nullish(),
  publishedFrom: isoDate.nullish(),
  publishedUntil: isoDate.nullish(),
});

const emitTool = (recorder: Recorder, id: string, operation: "CREATED" | "UPDATED") =>
  recorder.emit(platformChanged, id, { type: "LearningTool", id: toGlobalId("LearningTool", id), operation });

export const createLearningTool = fn(
  toolFields,
  async (ctx, input): Promise<LearningTool> => {
    const publication = { publishedFrom: input.publishedFrom ?? null, publishedUntil: input.publishedUntil ?? null };
    checkPublication(publication, { from: true, until: true });
    return savingTitle("learning_tools_title_key", "learning tool", () =>
      change(ctx, async (tx, recorder) => {
        const [created] = await tx
          .insert(learningTools)
          .values({
            title: input.title,
            description: input.description ?? null,
            kind: input.kind,
            link: input.link,
            providerId: await organisationOf(tx, input.providerId, "input.providerId"),
            actionId: await actionOf(tx, input.actionId),
            ...publication,
          })
          .returning();
        if (!created) throw new Error("insert returned no row");
        await recorder.record({ operation: "createLearningTool", entityType: "LearningTool", entityId: created.id, before: null, after: created });
        await emitTool(recorder, created.id, "CREATED");
        return created;
      }),
    );
  },
  { argument: "input", authorize: platformManage },
);

const toolPatch = z.object({
  id: z.string(),
  title: notNull(localizedTextInput),
  description: localizedMultilineTextInput.nullish(),
  kind: notNull(z.enum(learningToolKind.enumValues)),
  link: notNull(httpUrl),
  providerId: z.string().nullish(),
  actionId: z.string().nullish(),
  publishedFrom: isoDate.nullish(),
  publishedUntil: isoDate.nullish(),
});

export const updateLearningTool = fn(
  toolPatch,
  async (ctx, { id, ...patch }): Promise<LearningTool> => {
    const rowId = expectGlobalId(id, "LearningTool", "input.id");
    return savingTitle("learning_tools_title_key", "learning tool", () =>
      change(ctx, async (tx, recorder) => {
        const [before] = await tx.select().from(learningTools).where(eq(learningTools.id, rowId)).for("update");
        if (!before) throw notFound("LearningTool", "input.id");
        const values = {
          title: patch.title ?? before.title,
          description: patch.description === undefined ? before.description : patch.description,
          kind: patch.kind ?? before.kind,
          link: patch.link ?? before.link,
          providerId: patch.providerId === undefined ? before.providerId : await organisationOf(tx, patch.providerId, "input.providerId"),
          actionId: patch.actionId === undefined ? before.actionId : await actionOf(tx, patch.actionId),
          publishedFrom: patch.publishedFrom === undefined ? before.publishedFrom : patch.publishedFrom,
          publishedUntil: patch.publishedUntil === undefined ? before.publishedUntil : patch.publishedUntil,
        };
        checkPublication(values, { from: patch.publishedFrom !== undefined, until: patch.publishedUntil !== undefined });
        const [after] = await tx.update(learningTools).set(values).where(eq(learningTools.id, rowId)).returning();
        if (!after) throw notFound("LearningTool", "input.id");
        await recorder.record({ operation: "updateLearningTool", entityType: "LearningTool", entityId: rowId, before, after });
        await emitTool(recorder, rowId, "UPDATED");
        return after;
      }),
    );
  },
  { argument: "input", authorize: platformManage },
);

// ---------------------------------------------------------------------------------------------
// LokaalWerkt's professions

export const professionLoader = (ctx: Context) => rowsById<Profession>(ctx, professions);

const professionTitle = sql<string>`(${professions.title}->>'nl')`;
const professionKeyset: Keyset = { sortKey: professionTitle, id: professions.id };

const professionFilter = z.object({ search, category: z.enum(professionCategory.enumValues).nullish(), shortageOccupation: z.boolean().nullish() });
const professionListArgs = z.object({ ...pageArgs, filter: professionFilter.extend({ listedOn: isoDate.nullish() }).nullish() });
const publishedProfessionArgs = z.object({ ...pageArgs, filter: professionFilter.nullish() });

/** Query.professions: by Dutch title, then id. */
export const listProfessions = fn(
  professionListArgs,
  async (ctx, args): Promise<Connection<Profession>> => professionPage(ctx, args, await visibleDay(ctx, args.filter?.listedOn)),
);

/** Query.publishedProfessions: today's professions for every reader, editors included. */
export const listPublishedProfessions = fn(publishedProfessionArgs, async (ctx, args) => professionPage(ctx, args, todayInBrussels()));

/** A page of professions, listed on `day` (every one when null). */
async function professionPage(ctx: Context, { first, after, filter }: z.output<typeof publishedProfessionArgs>, day: string | null): Promise<Connection<Profession>> {
  const conditions: (SQL | undefined)[] = [];
  if (filter?.search) conditions.push(titleSearch(professions.title, filter.search));
  if (filter?.category) conditions.push(eq(professions.category, filter.category));
  if (filter?.shortageOccupation != null) conditions.push(eq(professions.shortageOccupation, filter.shortageOccupation));
  if (day) conditions.push(publishedOnSql(professions, day));
  const where = and(...conditions);
  return paginate(
    { first, after },
    professionKeyset,
    (page) =>
      ctx.db
        .select()
        .from(professions)
        .where(and(where, page.after))
        .orderBy(...page.orderBy)
        .limit(page.limit),
    (p) => [p.title.nl, p.id],
    () => countRows(ctx.db, professions, where),
  );
}

export async function findProfession(ctx: Context, id: string): Promise<Profession | null> {
  return visible(ctx, await professionLoader(ctx).load(id));
}

const professionFields = z.object({
  title: localizedTextInput,
  description: localizedMultilineTextInput.nullish(),
  category: z.enum(professionCategory.enumValues),
  shortageOccupation: z.boolean().nullish(),
  publishedFrom: isoDate.nullish(),
  publishedUntil: isoDate.nullish(),
});

const emitProfession = (recorder: Recorder, id: string, operation: "CREATED" | "UPDATED") =>
  recorder.emit(platformChanged, id, { type: "Profession", id: toGlobalId("Profession", id), operation });

export const createProfession = fn(
  professionFields,
  async (ctx, input): Promise<Profession> => {
    const publication = { publishedFrom: input.publishedFrom ?? null, publishedUntil: input.publishedUntil ?? null };
    checkPublication(publication, { from: true, until: true });
    return savingTitle("professions_title_key", "profession", () =>
      change(ctx, async (tx, recorder) => {
        const [created] = await tx
          .insert(professions)
          .values({
            title: input.title,
            description: input.description ?? null,
            category: input.category,
            shortageOccupation: input.shortageOccupation ?? false,
            ...publication,
          })
          .returning();
        if (!created) throw new Error("insert returned no row");
        await recorder.record({ operation: "createProfession", entityType: "Profession", entityId: created.id, before: null, after: created });
        await emitProfession(recorder, created.id, "CREATED");
        return created;
      }),
    );
  },
  { argument: "input", authorize: platformManage },
);

const professionPatch = z.object({
  id: z.string(),
  title: notNull(localizedTextInput),
  description: localizedMultilineTextInput.nullish(),
  category: notNull(z.enum(professionCategory.enumValues)),
  shortageOccupation: notNull(z.boolean()),
  publishedFrom: isoDate.nullish(),
  publishedUntil: isoDate.nullish(),
});

export const updateProfession = fn(
  professionPatch,
  async (ctx, { id, ...patch }): Promise<Profession> => {
    const rowId = expectGlobalId(id, "Profession", "input.id");
    return savingTitle("professions_title_key", "profession", () =>
      change(ctx, async (tx, recorder) => {
        const [before] = await tx.select().from(professions).where(eq(professions.id, rowId)).for("update");
        if (!before) throw notFound("Profession", "input.id");
        const values = {
          title: patch.title ?? before.title,
          description: patch.description === undefined ? before.description : patch.description,
          category: patch.category ?? before.category,
          shortageOccupation: patch.shortageOccupation ?? before.shortageOccupation,
          publishedFrom: patch.publishedFrom === undefined ? before.publishedFrom : patch.publishedFrom,
          publishedUntil: patch.publishedUntil === undefined ? before.publishedUntil : patch.publishedUntil,
        };
        checkPublication(values, { from: patch.publishedFrom !== undefined, until: patch.publishedUntil !== undefined });
        const [after] = await tx.update(professions).set(values).where(eq(professions.id, rowId)).returning();
        if (!after) throw notFound("Profession", "input.id");
        await recorder.record({ operation: "updateProfession", entityType: "Profession", entityId: rowId, before, after });
        await emitProfession(recorder, rowId, "UPDATED");
        return after;
      }),
    );
  },
  { argument: "input", authorize: platformManage },
);

/** LearningTool.published and Profession.published: published (listed) today, in Brussels. */
export const publishedToday = (row: Publication): boolean => publishedOn(row, todayInBrussels());

export const viewerCanManagePlatform = (ctx: Context) => can(ctx, platformManage, undefined);

// ---------------------------------------------------------------------------------------------
// The metrics funding measures

/**
 * A metric's calls made together (the funding module measures every agreement's commitments at
 * once) become one statement: a DataLoader per connection or transaction, batching without
 * caching (the next measure must see new records). `query` gets the batch's distinct scopes and
 * returns one value per scope, in their order. The communication figures' metrics use it too.
 */
export function batchScopes<V>(query: (db: Executor, scopes: MetricScope[]) => Promise<V[]>): (db: Executor, scope: MetricScope) => Promise<V> {
  const batches = new WeakMap<Executor, DataLoader<string, V>>();
  return (db, scope) => {
    let loader = batches.get(db);
    if (!loader) {
      loader = new DataLoader<string, V>(
        async (keys) => {
          const distinct = [...new Set(keys)];
          const values = await query(
            db,
            distinct.map((key) => JSON.parse(key) as MetricScope),
          );
          const byKey = new Map(distinct.map((key, i) => [key, values[i] as V]));
          return keys.map((key) => byKey.get(key) as V);
        },
        { cache: false },
      );
      batches.set(db, loader);
    }
    // The key is the scope itself, so a batch's distinct scopes are each measured once.
    return loader.load(JSON.stringify(scope.boardId ? { start: scope.start, end: scope.end, boardId: scope.boardId } : { start: scope.start, end: scope.end }));
  };
}

/** The scopes as a VALUES list (i, start_day, end_day) to join a table to. */
export function scopeValues(scopes: MetricScope[]): SQL {
  return sql.join(
    scopes.map((s, i) => sql`(${i}::int, ${s.start}::date, ${s.end}::date)`),
    sql`, `,
  );
}

/**
 * Learning tools and professions are the platform's, not a board's: a scope that names a board
 * (a board's own page) counts 0 without asking the database.
 */
function boardless<V>(scopes: MetricScope[], none: V, query: (unscoped: MetricScope[]) => Promise<V[]>): Promise<V[]> {
  const asked = scopes.filter((s) => !s.boardId);
  if (asked.length === 0) return Promise.resolve(scopes.map(() => none));
  return query(asked).then((values) => {
    let next = 0;
    return scopes.map((s) => (s.boardId ? none : (values[next++] as V)));
  });
}

/** Learning tools whose publication overlaps the scope's days: published at some point of the period. */
const toolsPublished = batchScopes<number>((db, scopes) =>
  boardless(scopes, 0, async (asked) => {
    const scope = sql`scope`;
    const result = (await db.execute(sql`
      select ${scope}.i as i, count(${learningTools.id})::int as n
      from (values ${scopeValues(asked)}) as ${scope}(i, start_day, end_day)
      left join ${learningTools} on ${learningTools.publishedFrom} <= ${scope}.end_day
        and (${learningTools.publishedUntil} is null or ${learningTools.publishedUntil} >= ${scope}.start_day)
      group by ${scope}.i`)) as unknown as { rows: { i: number; n: number }[] };
    const counts = new Map(result.rows.map((r) => [Number(r.i), Number(r.n)]));
    return asked.map((_, i) => counts.get(i) ?? 0);
  }),
);

interface ListedCounts {
  total: number;
  byCategory: Record<(typeof professionCategory.enumValues)[number], number>;
  shortage: number;
}

const noneListed = (): ListedCounts => ({ total: 0, byCategory: { CARE: 0, STEM: 0, OTHER: 0 }, shortage: 0 });

/**
 * Professions listed on the scope's last day ("tegen het einde van de convenantperiode"): a
 * profession listed during the period but taken off before its end does not count. With the
 * parts per category and the shortage occupations, in one statement.
 */
const professionsListed = batchScopes<ListedCounts>((db, scopes) =>
  boardless(scopes, noneListed(), async (asked) => {
    const scope = sql`scope`;
    const perCategory = sql.join(
      professionCategory.enumValues.map((c) => sql`count(*) filter (where ${professions.category} = ${c})::int as ${sql.identifier(c.toLowerCase())}`),
      sql`, `,
    );
    const result = (await db.execute(sql`
      select ${scope}.i as i, count(${professions.id})::int as total, ${perCategory},
        count(*) filter (where ${professions.shortageOccupation})::int as shortage
      from (values ${scopeValues(asked)}) as ${scope}(i, start_day, end_day)
      left join ${professions} on ${professions.publishedFrom} <= ${scope}.end_day
        and (${professions.publishedUntil} is null or ${professions.publishedUntil} >= ${scope}.end_day)
      group by ${scope}.i`)) as unknown as { rows: Record<string, number>[] };
    const byIndex = new Map(
      result.rows.map((r): [number, ListedCounts] => [
        Number(r.i),
        {
          total: Number(r.total),
          byCategory: { CARE: Number(r.care), STEM: Number(r.stem), OTHER: Number(r.other) },
          shortage: Number(r.shortage),
        },
      ]),
    );
    return asked.map((_, i) => byIndex.get(i) ?? noneListed());
  }),
);

const professionsListedSource: MetricSource = async (db, scope) => (await professionsListed(db, scope)).total;
const professionsListedParts: MetricBreakdown = async (db, scope): Promise<MetricPart[]> => {
  const counts = await professionsListed(db, scope);
  return [...professionCategory.enumValues.map((label) => ({ label, value: counts.byCategory[label] })), { label: "SHORTAGE", value: counts.shortage }];
};

/** Node types of this part, for node(id). */
export const platformNodes: Record<string, NodeFetcher> = {
  LearningTool: findLearningTool,
  Profession: findProfession,
};

/**
 * The metrics this part counts, with their queries. Neither belongs to a board: a scope with a
 * board counts 0.
 */
export const platformMetrics: (MetricDefinition & { source?: MetricSource; breakdown?: MetricBreakdown })[] = [
  {
    key: "learningTools.published",
    description: "Learning tools published on the knowledge platform at some point of the period (their publication overlaps its days)",
    module: "trainings",
    source: toolsPublished,
  },
  {
    key: "lokaalwerkt.professionsListed",
    description:
      "Professions/functions listed on the LokaalWerkt website on the period's last day; the parts are the categories (CARE, STEM, OTHER) and SHORTAGE, how many of them are shortage occupations",
    module: "trainings",
    source: professionsListedSource,
    breakdown: professionsListedParts,
  },
];

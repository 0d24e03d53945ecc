// The catalogue and its sessions: trainings by Dutch title, sessions by start, the seats each
// session holds and its waitlist, and the editors' writes. The public sees every training but
// only the sessions with a free seat; editors (trainingManage) see every session.
import { and, asc, count, eq, gte, inArray, lt, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import { province } from "../../db/schema/boards.js";
import { actions, fundingAgreements } from "../../db/schema/funding.js";
import { enrolments, trainingFormat, trainingSessions, trainings } from "../../db/schema/trainings.js";
import { findCoFinancingEntry } from "../funding/cofinancing.service.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, notFound } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { localizedMultilineTextInput, localizedTextInput } from "../shared/i18n.js";
import { defineLoader, defineLoaderFamily, groupRows, rowsById } from "../shared/loaders.js";
import { type Money, money, nonNegativeMoneyInput } from "../shared/money.js";
import { assertCan, can } from "../shared/policy.js";
import { afterCursor, type Connection, countRows, expectGlobalId, type Keyset, pageSize, paginate, toConnection, toGlobalId } from "../shared/relay.js";
import { escapeLike, notNull, optionalText, requiredText } from "../shared/validation.js";
import { promoteWaiting } from "./people.service.js";
import { actionOf, organisationOf } from "./references.js";
import { newSessionPlace, patchedSessionPlace, sessionPlaceFields, sessionPlacePatch } from "./session-place.js";
import { trainingChanged } from "./trainings.events.js";
import type { TrainingMapper as Training, TrainingSessionMapper as TrainingSession } from "./trainings.mappers.js";
import { trainingManage } from "./trainings.policy.js";

export const trainingLoader = (ctx: Context) => rowsById<Training>(ctx, trainings);
export const trainingSessionLoader = (ctx: Context) => rowsById<TrainingSession>(ctx, trainingSessions);

/** Seats held and people waiting, per session. */
export interface SessionCounts {
  seatsTaken: number;
  waitlistLength: number;
}

/** Seats taken (REGISTERED and ATTENDED) and the waitlist (WAITLISTED) of sessions: one grouped statement per batch. */
export const sessionCounts = defineLoader<string, SessionCounts>(async (ctx, sessionIds) => {
  const rows = await ctx.db
    .select({
      sessionId: enrolments.sessionId,
      seatsTaken: sql<number>`count(*) filter (where ${enrolments.status} in ('REGISTERED', 'ATTENDED'))`.mapWith(Number),
      waitlistLength: sql<number>`count(*) filter (where ${enrolments.status} = 'WAITLISTED')`.mapWith(Number),
    })
    .from(enrolments)
    .where(inArray(enrolments.sessionId, [...sessionIds]))
    .groupBy(enrolments.sessionId);
  const bySession = new Map(rows.map((r) => [r.sessionId, { seatsTaken: r.seatsTaken, waitlistLength: r.waitlistLength }]));
  return sessionIds.map((id) => bySession.get(id) ?? { seatsTaken: 0, waitlistLength: 0 });
});

/** Capacity minus the seats taken, never below 0. */
export const freePlacesOf = (session: TrainingSession, counts: SessionCounts): number => Math.max(0, session.capacity - counts.seatsTaken);

/** The seats a session holds, in SQL: for "only sessions with a free seat". */
const seatsTakenSql = sql`(select count(*) from ${enrolments} where ${enrolments.sessionId} = ${trainingSessions.id} and ${enrolments.status} in ('REGISTERED', 'ATTENDED'))`;
const hasFreePlace = sql`${trainingSessions.capacity} > ${seatsTakenSql}`;

/** Whether the viewer sees every session, or only those with a free seat. */
const seesEverySession = (ctx: Context) => can(ctx, trainingManage, undefined);

// ---------------------------------------------------------------------------------------------
// Trainings

const dutchTitle = sql<string>`(${trainings.title}->>'nl')`;
const trainingKeyset: Keyset = { sortKey: dutchTitle, id: trainings.id };

const trainingListArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  filter: z
    .object({
      search: z.string().trim().max(100, "must be at most 100 characters").nullish(),
      format: z.enum(trainingFormat.enumValues).nullish(),
      topic: z.string().trim().max(200, "must be at most 200 characters").nullish(),
      actionId: z.string().nullish(),
      providerId: z.string().nullish(),
      digitalSkills: z.boolean().nullish(),
    })
    .nullish(),
});

export const listTrainings = fn(trainingListArgs, async (ctx, { first, after, filter }): Promise<Connection<Training>> => {
  const conditions: (SQL | undefined)[] = [];
  if (filter?.search) {
    // Any translation matches: a French-speaking reader searches in French.
    const pattern = `%${escapeLike(filter.search)}%`;
    conditions.push(sql`(${trainings.title}->>'nl' ilike ${pattern} or ${trainings.title}->>'fr' ilike ${pattern} or ${trainings.title}->>'en' ilike ${pattern})`);
  }
  if (filter?.format) conditions.push(eq(trainings.format, filter.format));
  if (filter?.topic) conditions.push(sql`lower(${trainings.topic}) = lower(${filter.topic})`);
  if (filter?.actionId) conditions.push(eq(trainings.actionId, expectGlobalId(filter.actionId, "Action", "filter.actionId")));
  if (filter?.providerId) conditions.push(eq(trainings.providerId, expectGlobalId(filter.providerId, "Organisation", "filter.providerId")));
  if (filter?.digitalSkills != null) conditions.push(eq(trainings.digitalSkills, filter.digitalSkills));
  const where = and(...conditions);
  return paginate(
    { first, after },
    trainingKeyset,
    (page) =>
      ctx.db
        .select()
        .from(trainings)
        .where(and(where, page.after))
        .orderBy(...page.orderBy)
        .limit(page.limit),
    (t) => [t.title.nl, t.id],
    () => countRows(ctx.db, trainings, where),
  );
});

export async function findTraining(ctx: Context, id: string): Promise<Training | null> {
  return trainingLoader(ctx).load(id);
}

// ---------------------------------------------------------------------------------------------
// Sessions

/**
 * Sessions by start, ties by id. The sort key is the start as text (UTC, to the microsecond), like
 * every other list's: a cursor's key is compared as text, so a forged key that is not an instant
 * pages nowhere instead of failing the statement. Starts come from JavaScript dates, so whole
 * milliseconds: the cursor writes them with the same six decimals.
 */
const sessionStartKey = sql<string>`to_char(${trainingSessions.startsAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const sessionKeyset: Keyset = { sortKey: sessionStartKey, id: trainingSessions.id };
const sessionCursor = (s: TrainingSession): [string, string] => [`${s.startsAt.toISOString().slice(0, 23)}000`, s.id];

const sessionListArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  filter: z
    .object({
      trainingId: z.string().nullish(),
      from: z.date().nullish(),
      until: z.date().nullish(),
      province: z.enum(province.enumValues).nullish(),
      online: z.boolean().nullish(),
      withFreePlaces: z.boolean().nullish(),
    })
    .nullish(),
});

export const listTrainingSessions = fn(sessionListArgs, async (ctx, { first, after, filter }): Promise<Connection<TrainingSession>> => {
  const conditions: (SQL | undefined)[] = [];
  if (filter?.trainingId) conditions.push(eq(trainingSessions.trainingId, expectGlobalId(filter.trainingId, "Training", "filter.trainingId")));
  if (filter?.from) conditions.push(gte(trainingSessions.startsAt, filter.from));
  if (filter?.until) conditions.push(lt(trainingSessions.startsAt, filter.until));
  if (filter?.province) conditions.push(eq(trainingSessions.province, filter.province));
  if (filter?.online != null) conditions.push(eq(trainingSessions.online, filter.online));
  if (filter?.withFreePlaces || !(await seesEverySession(ctx))) conditions.push(hasFreePlace);
  const where = and(...conditions);
  return paginate(
    { first, after },
    sessionKeyset,
    (page) =>
      ctx.db
        .select()
        .from(trainingSessions)
        .where(and(where, page.after))
        .orderBy(...page.orderBy)
        .limit(page.limit),
    sessionCursor,
    () => countRows(ctx.db, trainingSessions, where),
  );
});

interface SessionPage {
  after: string | null;
  size: number;
  /** Only sessions with a free seat (the public's view). */
  freeOnly: boolean;
}

/**
 * A page of sessions of each of many trainings, in one statement: for each training a lateral
 * subquery walks its sessions in start order (training_sessions_training_idx) and stops after
 * `size + 1`. The public's view counts a session's seats only until the page is full; ranking every
 * session of every training first (a window) counted the seats of all 5,000 sessions of the sector
 * for a page of five (about 120 ms instead of 8, issue 14's benchmark).
 */
const pagesOfSessions = defineLoaderFamily<string, TrainingSession[], SessionPage>(
  (page) => JSON.stringify([page.after, page.size, page.freeOnly]),
  async (ctx, { after, size, freeOnly }, trainingIds) => {
    const page = ctx.db
      .select()
      .from(trainingSessions)
      .where(and(eq(trainingSessions.trainingId, trainings.id), freeOnly ? hasFreePlace : undefined, afterCursor(sessionKeyset, after)))
      .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
      .limit(size + 1)
      .as("page");
    const rows = await ctx.db
      .select({ session: page._.selectedFields })
      .from(trainings)
      .innerJoinLateral(page, sql`true`)
      .where(inArray(trainings.id, [...trainingIds]))
      .orderBy(asc(page.trainingId), asc(page.startsAt), asc(page.id));
    const byTraining = groupRows(
      rows.map((row) => row.session),
      (session) => session.trainingId,
    );
    return trainingIds.map((id) => byTraining.get(id) ?? []);
  },
);

const sessionTotals = defineLoaderFamily<string, number, boolean>(
  (freeOnly) => String(freeOnly),
  async (ctx, freeOnly, trainingIds) => {
    const rows = await ctx.db
      .select({ trainingId: trainingSessions.trainingId, n: count() })
      .from(trainingSessions)
      .where(and(inArray(trainingSessions.trainingId, [...trainingIds]), freeOnly ? hasFreePlace : undefined))
      .groupBy(trainingSessions.trainingId);
    return trainingIds.map((id) => rows.find((r) => r.trainingId === id)?.n ?? 0);
  },
);

/** Training.sessions: batched over the trainings of a list, the same visibility as trainingSessions. */
export async function sessionsOfTraining(ctx: Context, training: Training, args: { first?: number | null; after?: string | null }): Promise<Connection<TrainingSession>> {
  const size = pageSize(args.first);
  // Decoding the cursor here refuses a forged one before the batch runs.
  afterCursor(sessionKeyset, args.after);
  const freeOnly = !(await seesEverySession(ctx));
  const rows = await pagesOfSessions(ctx, { after: args.after ?? null, size, freeOnly }).load(training.id);
  return toConnection(rows, size, args, sessionCursor, () => sessionTotals(ctx, freeOnly).load(training.id));
}

/** A session by row id, for node(id) and the references to it. */
export async function findTrainingSession(ctx: Context, id: string): Promise<TrainingSession | null> {
  return trainingSessionLoader(ctx).load(id);
}

// ---------------------------------------------------------------------------------------------
// Writes

const language = z.enum(["NL", "FR", "EN"]).transform((l) => l.toLowerCase() as "nl" | "fr" | "en");

const trainingFields = z.object({
  title: localizedTextInput,
  description: localizedMultilineTextInput.nullish(),
  topic: requiredText(200),
  format: z.enum(trainingFormat.enumValues),
  digitalSkills: z.boolean().nullish(),
  providerId: z.string().nullish(),
  actionId: z.string().nullish(),
  audience: optionalText(500),
  language: language.nullish(),
  fee: nonNegativeMoneyInput.nullish(),
});

/** What a training or a trajectory costs a board, as the API shows it: fees are in euro, the agreements' currency. */
export const feeOf = (row: { feeCents: number }): Money => money(row.feeCents);

/** An enrolment's or a participation's fee charge, for those who may read the board's co-financing (the funding module's policy); null otherwise. */
export async function feeChargeOf(ctx: Context, row: { feeChargeId: string | null }) {
  return row.feeChargeId ? findCoFinancingEntry(ctx, row.feeChargeId) : null;
}

/**
 * The rules of a fee, on trainings and trajectories alike: a fee above zero needs an action (it
 * is charged in the co-financing ledger of that action's agreement) and is in that agreement's
 * currency; a free offer's zero is in euro, the currency fees are shown in.
 */
export async function checkFee(tx: Tx, fee: { cents: number; currency: string }, actionId: string | null): Promise<void> {
  if (fee.cents > 0 && actionId === null)
    throw badInput("input.actionId", "is required for a fee above zero: the fee is charged in the co-financing ledger of the action's agreement");
  let currency = "EUR";
  if (actionId !== null) {
    const [agreement] = await tx
      .select({ currency: fundingAgreements.currency })
      .from(actions)
      .innerJoin(fundingAgreements, eq(fundingAgreements.id, actions.agreementId))
      .where(eq(actions.id, actionId));
    currency = agreement?.currency ?? currency;
  }
  if (fee.currency !== currency) throw badInput("input.fee.currency", `must be ${currency}, the currency of the agreement the fee is charged in`);
}

export const createTraining = fn(
  trainingFields,
  async (ctx, input): Promise<Training> => {
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, trainingManage, undefined);
      const providerId = await organisationOf(tx, input.providerId, "input.providerId");
      const actionId = await actionOf(tx, input.actionId);
      const fee = input.fee ?? { cents: 0, currency: "EUR" };
      await checkFee(tx, fee, actionId);
      const [created] = await tx
        .insert(trainings)
        .values({
          title: input.title,
          description: input.description ?? null,
          topic: input.topic,
          format: input.format,
          digitalSkills: input.digitalSkills ?? false,
          providerId,
          actionId,
          audience: input.audience ?? null,
          language: input.language ?? "nl",
          feeCents: fee.cents,
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "createTraining", entityType: "Training", entityId: created.id, before: null, after: created });
      await recorder.emit(trainingChanged, created.id, { trainingId: toGlobalId("Training", created.id), sessionId: null, operation: "CREATED" });
      return created;
    });
  },
  { argument: "input", authorize: trainingManage },
);

const trainingPatch = z.object({
  id: z.string(),
  title: notNull(localizedTextInput),
  description: localizedMultilineTextInput.nullish(),
  topic: notNull(requiredText(200)),
  format: notNull(z.enum(trainingFormat.enumValues)),
  digitalSkills: notNull(z.boolean()),
  providerId: z.string().nullish(),
  actionId: z.string().nullish(),
  audience: optionalText(500),
  language: notNull(language),
  fee: nonNegativeMoneyInput.nullish(),
});

export const updateTraining = fn(
  trainingPatch,
  async (ctx, { id, ...patch }): Promise<Training> => {
    const rowId = expectGlobalId(id, "Training", "input.id");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, trainingManage, undefined);
      const [before] = await tx.select().from(trainings).where(eq(trainings.id, rowId)).for("update");
      if (!before) throw notFound("Training", "input.id");
      const values = {
        title: patch.title ?? before.title,
        description: patch.description === undefined ? before.description : patch.description,
        topic: patch.topic ?? before.topic,
        format: patch.format ?? before.format,
        digitalSkills: patch.digitalSkills ?? before.digitalSkills,
        providerId: patch.providerId === undefined ? before.providerId : await organisationOf(tx, patch.providerId, "input.providerId"),
        actionId: patch.actionId === undefined ? before.actionId : await actionOf(tx, patch.actionId),
        audience: patch.audience === undefined ? before.audience : patch.audience,
        language: patch.language ?? before.language,
        // An explicit null makes it free; the new fee applies to seats taken afterwards.
        feeCents: patch.fee === undefined ? before.feeCents : (patch.fee?.cents ?? 0),
      };
      if (patch.fee !== undefined || patch.actionId !== undefined) await checkFee(tx, { cents: values.feeCents, currency: patch.fee?.currency ?? "EUR" }, values.actionId);
      const [after] = await tx.update(trainings).set(values).where(eq(trainings.id, rowId)).returning();
      if (!after) throw notFound("Training", "input.id");
      await recorder.record({ operation: "updateTraining", entityType: "Training", entityId: rowId, before, after });
      await recorder.emit(trainingChanged, rowId, { trainingId: toGlobalId("Training", rowId), sessionId: null, operation: "UPDATED" });
      return after;
    });
  },
  { argument: "input", authorize: trainingManage },
);

const MAX_CAPACITY = 10_000;
const capacity = z.number().int("must be a whole number").min(1, "must be at least 1").max(MAX_CAPACITY, `must be at most ${MAX_CAPACITY}`);

const sessionFields = z.object({
  trainingId: z.string(),
  ...sessionPlaceFields,
  capacity,
  expertOrganisationId: z.string().nullish(),
  expertSubject: optionalText(200),
});

export const createTrainingSession = fn(
  sessionFields,
  async (ctx, input): Promise<TrainingSession> => {
    const trainingId = expectGlobalId(input.trainingId, "Training", "input.trainingId");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, trainingManage, undefined);
      const [training] = await tx.select({ id: trainings.id }).from(trainings).where(eq(trainings.id, trainingId));
      if (!training) throw badInput("input.trainingId", "is not a training");
      const [created] = await tx
        .insert(trainingSessions)
        .values({
          trainingId,
          ...(await newSessionPlace(tx, input)),
          capacity: input.capacity,
          expertOrganisationId: await organisationOf(tx, input.expertOrganisationId, "input.expertOrganisationId"),
          expertSubject: input.expertSubject ?? null,
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await recorder.record({ operation: "createTrainingSession", entityType: "TrainingSession", entityId: created.id, before: null, after: created });
      await recorder.emit(trainingChanged, trainingId, {
        trainingId: toGlobalId("Training", trainingId),
        sessionId: toGlobalId("TrainingSession", created.id),
        operation: "CREATED",
      });
      return created;
    });
  },
  { argument: "input", authorize: trainingManage },
);

const sessionPatch = z.object({
  id: z.string(),
  ...sessionPlacePatch,
  capacity: notNull(capacity),
  expertOrganisationId: z.string().nullish(),
  expertSubject: optionalText(200),
});

export const updateTrainingSession = fn(
  sessionPatch,
  async (ctx, { id, ...patch }): Promise<TrainingSession> => {
    const rowId = expectGlobalId(id, "TrainingSession", "input.id");
    return change(ctx, async (tx, recorder) => {
      await assertCan(ctx, trainingManage, undefined);
      // The row is locked, so no enrolment takes a seat between the count and the new capacity.
      const [before] = await tx.select().from(trainingSessions).where(eq(trainingSessions.id, rowId)).for("update");
      if (!before) throw notFound("TrainingSession", "input.id");
      const values = {
        ...(await patchedSessionPlace(tx, before, patch)),
        capacity: patch.capacity ?? before.capacity,
        expertOrganisationId:
          patch.expertOrganisationId === undefined ? before.expertOrganisationId : await organisationOf(tx, patch.expertOrganisationId, "input.expertOrganisationId"),
        expertSubject: patch.expertSubject === undefined ? before.expertSubject : patch.expertSubject,
      };
      if (values.capacity !== before.capacity) {
        const [held] = await tx
          .select({ n: count() })
          .from(enrolments)
          .where(and(eq(enrolments.sessionId, rowId), inArray(enrolments.status, ["REGISTERED", "ATTENDED"])));
        const seatsTaken = held?.n ?? 0;
        if (values.capacity < seatsTaken) throw badInput("input.capacity", `must be at least the ${seatsTaken} seats taken`);
      }
      const [after] = await tx.update(trainingSessions).set(values).where(eq(trainingSessions.id, rowId)).returning();
      if (!after) throw notFound("TrainingSession", "input.id");
      await recorder.record({ operation: "updateTrainingSession", entityType: "TrainingSession", entityId: rowId, before, after });
      await recorder.emit(trainingChanged, after.trainingId, {
        trainingId: toGlobalId("Training", after.trainingId),
        sessionId: toGlobalId("TrainingSession", rowId),
        operation: "UPDATED",
      });
      // More seats: the first waiting people take them, in the same transaction.
      if (after.capacity > before.capacity) await promoteWaiting(ctx, tx, rowId, recorder);
      return after;
    });
  },
  { argument: "input", authorize: trainingManage },
);

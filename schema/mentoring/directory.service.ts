// The charter "Decent Work for All" and the collective's directory: reading the charter with its
// signatories, events and initiatives, the mentoring projects and the on-the-job trainings (public,
// through loaders, so a page with its nested fields costs a fixed number of statements), and
// adding or changing projects and trainings with their rules and access checks. Mentors'
// registrations live in registrations.service.ts, the projects' follow-up in activities.service.ts,
// the ranking of projects in matching.ts.

import type DataLoader from "dataloader";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Tx } from "../../db/client.js";
import {
  belgianRegion,
  charterEvents,
  charterSignatories,
  charters,
  mentoringFormat,
  mentoringProjects,
  onTheJobTrainingPartners,
  onTheJobTrainings,
  targetGroup,
  trainingPartnerRole,
} from "../../db/schema/mentoring.js";
import { organisations } from "../../db/schema/organisations.js";
import type { Organisation } from "../organisations/organisations.service.js";
import { organisationLoader } from "../organisations/organisations.service.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { isoDate } from "../shared/dates.js";
import { badInput, notFound, uniqueViolation } from "../shared/errors.js";
import { fn } from "../shared/fn.js";
import { localizedMultilineTextInput, localizedTextInput } from "../shared/i18n.js";
import { childRows, rowsById } from "../shared/loaders.js";
import { assertCan, can } from "../shared/policy.js";
import { type Connection, countRows, expectGlobalId, type Keyset, type PageArgs, paginate } from "../shared/relay.js";
import { escapeLike, httpUrl, notNull, optionalText, requiredText } from "../shared/validation.js";
import { languageCode, sectorTag } from "./matching.service.js";
import { mentoringProjectChanged, onTheJobTrainingChanged } from "./mentoring.events.js";
import type { CharterEventMapper, CharterMapper, MentoringProjectMapper, OnTheJobTrainingMapper } from "./mentoring.mappers.js";
import { mentoringDirectoryManage, mentoringProjectManage, onTheJobTrainingCreate } from "./mentoring.policy.js";

// ---------------------------------------------------------------------------------------------
// Nodes

const charterLoader = (ctx: Context) => rowsById<CharterMapper>(ctx, charters);
const charterEventLoader = (ctx: Context) => rowsById<CharterEventMapper>(ctx, charterEvents);
export const mentoringProjectLoader = (ctx: Context) => rowsById<MentoringProjectMapper>(ctx, mentoringProjects);
const trainingLoader = (ctx: Context) => rowsById<OnTheJobTrainingMapper>(ctx, onTheJobTrainings);

export async function findCharter(ctx: Context, id: string): Promise<CharterMapper | null> {
  return charterLoader(ctx).load(id);
}
export async function findCharterEvent(ctx: Context, id: string): Promise<CharterEventMapper | null> {
  return charterEventLoader(ctx).load(id);
}
export async function findMentoringProject(ctx: Context, id: string): Promise<MentoringProjectMapper | null> {
  return mentoringProjectLoader(ctx).load(id);
}
export async function findOnTheJobTraining(ctx: Context, id: string): Promise<OnTheJobTrainingMapper | null> {
  return trainingLoader(ctx).load(id);
}
/** MentoringProject.charter: the charter whose collective names it, if any. */
export async function charterOf(ctx: Context, project: MentoringProjectMapper): Promise<CharterMapper | null> {
  return project.charterId ? charterLoader(ctx).load(project.charterId) : null;
}
/** Whether the viewer may change the project (mentoringProjectManage). */
export async function viewerCanManageProject(ctx: Context, project: MentoringProjectMapper): Promise<boolean> {
  return can(ctx, mentoringProjectManage, { organisationId: project.organisationId });
}

// ---------------------------------------------------------------------------------------------
// The charter

const dutch = (column: SQL | typeof charters.title) => sql<string>`(${column}->>'nl')`;

/** Query.charters: by Dutch title. */
export async function listCharters(ctx: Context): Promise<CharterMapper[]> {
  const rows = await ctx.db.select().from(charters).orderBy(dutch(charters.title), asc(charters.id));
  const loader = charterLoader(ctx);
  for (const row of rows) loader.prime(row.id, row);
  return rows;
}

export interface CharterSignatoryRow {
  charterId: string;
  organisation: Organisation;
  role: string | null;
}

const signatoriesOfCharters = childRows<CharterSignatoryRow>(
  (ctx, charterIds) =>
    ctx.db
      .select({ charterId: charterSignatories.charterId, organisation: organisations, role: charterSignatories.role })
      .from(charterSignatories)
      .innerJoin(organisations, eq(organisations.id, charterSignatories.organisationId))
      .where(inArray(charterSignatories.charterId, charterIds))
      .orderBy(sql`${organisations.name}->>'nl'`, asc(organisations.id)),
  (row) => row.charterId,
);

/** Charter.signatories: by the organisation's Dutch name. */
export const signatoriesOf = (ctx: Context, charter: CharterMapper) => signatoriesOfCharters(ctx).load(charter.id);

const eventsOfCharters = childRows<CharterEventMapper>(
  (ctx, charterIds) =>
    ctx.db
      .select()
      .from(charterEvents)
      .where(inArray(charterEvents.charterId, charterIds))
      // An event without a year (the source gives none) sorts by month and day after the dated ones.
      .orderBy(sql`${charterEvents.year} asc nulls last`, asc(charterEvents.month), asc(charterEvents.day), asc(charterEvents.id)),
  (row) => row.charterId,
);

/** Charter.events: by date. */
export const eventsOf = (ctx: Context, charter: CharterMapper) => eventsOfCharters(ctx).load(charter.id);

const initiativesOfCharters = childRows<MentoringProjectMapper>(
  (ctx, charterIds) =>
    ctx.db.select().from(mentoringProjects).where(inArray(mentoringProjects.charterId, charterIds)).orderBy(asc(mentoringProjects.name), asc(mentoringProjects.id)),
  (row) => row.charterId,
);

/** Charter.initiatives: the directory entries its collective names, by name. */
export const initiativesOf = (ctx: Context, charter: CharterMapper) => initiativesOfCharters(ctx).load(charter.id);

// ---------------------------------------------------------------------------------------------
// The directory of mentoring projects

const projectKeyset: Keyset = { sortKey: mentoringProjects.name, id: mentoringProjects.id };

const search = z.string().trim().max(100, "must be at most 100 characters").nullish();

const projectListArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  filter: z
    .object({
      search,
      region: z.enum(belgianRegion.enumValues).nullish(),
      targetGroup: z.enum(targetGroup.enumValues).nullish(),
      language: languageCode.nullish(),
      sector: sectorTag.nullish(),
      acceptsMentors: z.boolean().nullish(),
    })
    .nullish(),
});

/** Any translation of a localized text, for a search. */
const anyTranslation = (column: SQL | typeof mentoringProjects.description) => sql`concat_ws(' ', ${column}->>'nl', ${column}->>'fr', ${column}->>'en')`;

/**
 * A page of the table's rows that match `where`, in the keyset's order, each primed into the
 * table's node loader, so that the page's nested fields and node(id) ask for no row again.
 */
async function primedPage<T extends { id: string }>(
  ctx: Context,
  table: PgTable,
  keyset: Keyset,
  where: SQL | undefined,
  args: PageArgs,
  loader: DataLoader<string, T | null>,
  cursorOf: (row: T) => [string, string],
): Promise<Connection<T>> {
  return paginate(
    args,
    keyset,
    async (page) => {
      const rows = (await ctx.db
        .select()
        .from(table)
        .where(and(where, page.after))
        .orderBy(...page.orderBy)
        .limit(page.limit)) as T[];
      for (const row of rows) loader.prime(row.id, row);
      return rows;
    },
    cursorOf,
    () => countRows(ctx.db, table, where),
  );
}

export const listMentoringProjects = fn(projectListArgs, async (ctx, { first, after, filter }) => {
  const conditions: (SQL | undefined)[] = [];
  if (filter?.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    conditions.push(sql`(${mentoringProjects.name} ilike ${pattern} or ${anyTranslation(mentoringProjects.description)} ilike ${pattern})`);
  }
  // The array columns answer "does it contain": the filter's value as a one-element array of the column's type.
  if (filter?.region) conditions.push(sql`${mentoringProjects.regions} @> array[${filter.region}]::belgian_region[]`);
  if (filter?.targetGroup) conditions.push(sql`${mentoringProjects.targetGroups} @> array[${filter.targetGroup}]::mentoring_target_group[]`);
  if (filter?.language) conditions.push(sql`${mentoringProjects.languages} @> array[${filter.language}]::text[]`);
  if (filter?.sector) conditions.push(sql`${mentoringProjects.sectors} @> array[${filter.sector}]::text[]`);
  if (filter?.acceptsMentors != null) conditions.push(eq(mentoringProjects.acceptsMentors, filter.acceptsMentors));
  const where = and(...conditions);
  return primedPage<MentoringProjectMapper>(ctx, mentoringProjects, projectKeyset, where, { first, after }, mentoringProjectLoader(ctx), (p) => [p.name, p.id]);
});

// ---------------------------------------------------------------------------------------------
// On-the-job trainings

const dutchTitle = sql<string>`(${onTheJobTrainings.title}->>'nl')`;
const trainingKeyset: Keyset = { sortKey: dutchTitle, id: onTheJobTrainings.id };

const trainingListArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  filter: z
    .object({
      search,
      region: z.enum(belgianRegion.enumValues).nullish(),
      sector: sectorTag.nullish(),
      companyId: z.string().nullish(),
    })
    .nullish(),
});

export const listOnTheJobTrainings = fn(trainingListArgs, async (ctx, { first, after, filter }) => {
  const conditions: (SQL | undefined)[] = [];
  if (filter?.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    conditions.push(
      sql`(${anyTranslation(sql`${onTheJobTrainings.title}`)} ilike ${pattern} or ${anyTranslation(sql`${onTheJobTrainings.description}`)} ilike ${pattern} or ${onTheJobTrainings.jobProfile} ilike ${pattern} or exists (select 1 from ${organisations} where ${organisations.id} = ${onTheJobTrainings.companyId} and ${anyTranslation(sql`${organisations.name}`)} ilike ${pattern}))`,
    );
  }
  if (filter?.region) conditions.push(sql`${onTheJobTrainings.regions} @> array[${filter.region}]::belgian_region[]`);
  if (filter?.sector) conditions.push(sql`${onTheJobTrainings.sectors} @> array[${filter.sector}]::text[]`);
  if (filter?.companyId) conditions.push(eq(onTheJobTrainings.companyId, expectGlobalId(filter.companyId, "Organisation", "filter.companyId")));
  const where = and(...conditions);
  return primedPage<OnTheJobTrainingMapper>(ctx, onTheJobTrainings, trainingKeyset, where, { first, after }, trainingLoader(ctx), (t) => [t.title.nl, t.id]);
});

/** OnTheJobTraining.company: the organisation (it exists, by foreign key). */
export async function companyOf(ctx: Context, training: OnTheJobTrainingMapper): Promise<Organisation> {
  const company = await organisationLoader(ctx).load(training.companyId);
  if (!company) throw new Error(`organisation ${training.companyId} is missing`);
  return company;
}

export interface TrainingPartnerRow {
  trainingId: string;
  organisation: Organisation;
  role: "SOCIAL" | "PUBLIC";
}

const partnersOfTrainings = childRows<TrainingPartnerRow>(
  (ctx, trainingIds) =>
    ctx.db
      .select({ trainingId: onTheJobTrainingPartners.trainingId, organisation: organisations, role: onTheJobTrainingPartners.role })
      .from(onTheJobTrainingPartners)
      .innerJoin(organisations, eq(organisations.id, onTheJobTrainingPartners.organisationId))
      .where(inArray(onTheJobTrainingPartners.trainingId, trainingIds))
      .orderBy(asc(onTheJobTrainingPartners.role), sql`${organisations.name}->>'nl'`, asc(organisations.id)),
  (row) => row.trainingId,
);

/** OnTheJobTraining.partners: social partners first, then public ones (the enum's order), each by Dutch name. */
export const partnersOf = (ctx: Context, training: OnTheJobTrainingMapper) => partnersOfTrainings(ctx).load(training.id);

// ---------------------------------------------------------------------------------------------
// Writes

export const MAX_NAME = 200;

/** A list without repeats, in the order given. */
const distinct = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z
    .array(item)
    .max(max, `must name at most ${max} ${what}`)
    .transform((values) => [...new Set(values)] as z.output<T>[]);

const regions = distinct(z.enum(belgianRegion.enumValues), belgianRegion.enumValues.length, "regions");
const targetGroups = distinct(z.enum(targetGroup.enumValues), targetGroup.enumValues.length, "target groups");
const languages = distinct(languageCode, 20, "languages");
const sectors = distinct(sectorTag, 20, "sectors");
const count = (what: string) => z.number().int("must be a whole number").min(0, `must be 0 or more ${what}`).max(100_000, "must be at most 100,000");
const email = z.string().trim().toLowerCase().max(254, "must be at most 254 characters").pipe(z.email("must be an e-mail address"));
const phone = optionalText(40).refine((v) => v == null || /^\+?[0-9][0-9 ./()-]{5,38}$/.test(v), "must be a phone number of digits, spaces and + . / ( ) -");

const projectFields = z.object({
  name: requiredText(MAX_NAME),
  organisationId: z.string().nullish(),
  charterId: z.string().nullish(),
  description: localizedMultilineTextInput.nullish(),
  regions: regions.nullish(),
  targetGroups: targetGroups.nullish(),
  languages: languages.nullish(),
  sectors: sectors.nullish(),
  format: z.enum(mentoringFormat.enumValues).nullish(),
  capacity: count("mentees").nullish(),
  contactEmail: email.nullish(),
  contactPhone: phone,
  website: httpUrl.nullish(),
  acceptsMentors: z.boolean().nullish(),
});

/** A unique name (ignoring case) is the index's to guarantee; its breach is the client's to fix. */
async function named<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (uniqueViolation(error) === "mentoring_projects_name_key")
      throw badInput("input.name", "is already the name of another mentoring project (names are compared ignoring case)");
    throw error;
  }
}

/** An organisation the input names, or NOT_FOUND on its field. */
async function existingOrganisation(tx: Tx, globalId: string, field: string): Promise<string> {
  const id = expectGlobalId(globalId, "Organisation", field);
  const [found] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
  if (!found) throw notFound("Organisation", field);
  return id;
}

async function existingCharter(tx: Tx, globalId: string, field: string): Promise<string> {
  const id = expectGlobalId(globalId, "Charter", field);
  const [found] = await tx.select({ id: charters.id }).from(charters).where(eq(charters.id, id));
  if (!found) throw notFound("Charter", field);
  return id;
}

export const createMentoringProject = fn(
  projectFields,
  async (ctx, input): Promise<MentoringProjectMapper> =>
    named(() =>
      change(ctx, async (tx, recorder) => {
        await assertCan(ctx, mentoringDirectoryManage, undefined);
        const [created] = await tx
          .insert(mentoringProjects)
          .values({
            name: input.name,
            organisationId: input.organisationId == null ? null : await existingOrganisation(tx, input.organisationId, "input.organisationId"),
            charterId: input.charterId == null ? null : await existingCharter(tx, input.charterId, "input.charterId"),
            description: input.description ?? null,
            regions: input.regions ?? [],
            targetGroups: input.targetGroups ?? [],
            languages: input.languages ?? [],
            sectors: input.sectors ?? [],
            format: input.format ?? null,
            capacity: input.capacity ?? null,
            contactEmail: input.contactEmail ?? null,
            contactPhone: input.contactPhone ?? null,
            website: input.website ?? null,
            acceptsMentors: input.acceptsMentors ?? true,
          })
          .returning();
        if (!created) throw new Error("insert returned no row");
        await recorder.record({ operation: "createMentoringProject", entityType: "MentoringProject", entityId: created.id, before: null, after: created });
        await recorder.emit(mentoringProjectChanged, created.id, { projectId: created.id, operation: "CREATED" as const });
        return created;
      }),
    ),
  { argument: "input", authorize: mentoringDirectoryManage },
);

const projectPatch = z.object({
  id: z.string(),
  name: notNull(requiredText(MAX_NAME)),
  description: localizedMultilineTextInput.nullish(),
  regions: notNull(regions),
  targetGroups: notNull(targetGroups),
  languages: notNull(languages),
  sectors: notNull(sectors),
  format: z.enum(mentoringFormat.enumValues).nullish(),
  capacity: count("mentees").nullish(),
  contactEmail: email.nullish(),
  contactPhone: phone,
  website: httpUrl.nullish(),
  acceptsMentors: notNull(z.boolean()),
});

/** A patch's value: absent keeps what was, null clears. */
const patched = <T>(value: T | undefined, before: T): T => (value === undefined ? before : value);

export const updateMentoringProject = fn(
  projectPatch,
  async (ctx, { id, ...patch }): Promise<MentoringProjectMapper> => {
    const rowId = expectGlobalId(id, "MentoringProject", "input.id");
    return named(() =>
      change(ctx, async (tx, recorder) => {
        const [before] = await tx.select().from(mentoringProjects).where(eq(mentoringProjects.id, rowId)).for("update");
        if (!before) throw notFound("MentoringProject", "input.id");
        await assertCan(ctx, mentoringProjectManage, { organisationId: before.organisationId });
        const [after] = await tx
          .update(mentoringProjects)
          .set({
            name: patch.name ?? before.name,
            description: patched(patch.description, before.description),
            regions: patch.regions ?? before.regions,
            targetGroups: patch.targetGroups ?? before.targetGroups,
            languages: patch.languages ?? before.languages,
            sectors: patch.sectors ?? before.sectors,
            format: patched(patch.format, before.format),
            capacity: patched(patch.capacity, before.capacity),
            contactEmail: patched(patch.contactEmail, before.contactEmail),
            contactPhone: patched(patch.contactPhone, before.contactPhone),
            website: patched(patch.website, before.website),
            acceptsMentors: patch.acceptsMentors ?? before.acceptsMentors,
          })
          .where(eq(mentoringProjects.id, rowId))
          .returning();
        if (!after) throw notFound("MentoringProject", "input.id");
        await recorder.record({ operation: "updateMentoringProject", entityType: "MentoringProject", entityId: rowId, before, after });
        await recorder.emit(mentoringProjectChanged, rowId, { projectId: rowId, operation: "UPDATED" as const });
        return after;
      }),
    );
  },
  { argument: "input", authorize: mentoringProjectManage },
);

const trainingFields = z.object({
  title: localizedTextInput,
  description: localizedMultilineTextInput.nullish(),
  companyId: z.string(),
  partners: z
    .array(z.object({ organisationId: z.string(), role: z.enum(trainingPartnerRole.enumValues) }))
    .max(20, "must name at most 20 partners")
    .nullish(),
  jobProfile: requiredText(MAX_NAME),
  places: count("places").nullish(),
  regions: regions.nullish(),
  languages: languages.nullish(),
  sectors: sectors.nullish(),
  startsOn: isoDate.nullish(),
  contactEmail: email.nullish(),
  website: httpUrl.nullish(),
});

export const createOnTheJobTraining = fn(
  trainingFields,
  async (ctx, input): Promise<OnTheJobTrainingMapper> => {
    const companyId = expectGlobalId(input.companyId, "Organisation", "input.companyId");
    return change(ctx, async (tx, recorder) => {
      // Whose it may be is judged on the id asked for, before anything is read.
      await assertCan(ctx, onTheJobTrainingCreate, { organisationId: companyId });
      await existingOrganisation(tx, input.companyId, "input.companyId");
      const partners: { organisationId: string; role: "SOCIAL" | "PUBLIC" }[] = [];
      for (const [i, partner] of (input.partners ?? []).entries()) {
        const field = `input.partners.${i}.organisationId`;
        const organisationId = await existingOrganisation(tx, partner.organisationId, field);
        if (organisationId === companyId) throw badInput(field, "is the company itself, not a partner of it");
        if (partners.some((p) => p.organisationId === organisationId)) throw badInput(field, "names a partner already named");
        partners.push({ organisationId, role: partner.role });
      }
      const [created] = await tx
        .insert(onTheJobTrainings)
        .values({
          title: input.title,
          description: input.description ?? null,
          companyId,
          jobProfile: input.jobProfile,
          places: input.places ?? null,
          regions: input.regions ?? [],
          languages: input.languages ?? [],
          sectors: input.sectors ?? [],
          startsOn: input.startsOn ?? null,
          contactEmail: input.contactEmail ?? null,
          website: input.website ?? null,
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      const written =
        partners.length > 0
          ? await tx
              .insert(onTheJobTrainingPartners)
              .values(partners.map((p) => ({ ...p, trainingId: created.id })))
              .returning()
          : [];
      await recorder.record({ operation: "createOnTheJobTraining", entityType: "OnTheJobTraining", entityId: created.id, before: null, after: { ...created, partners: written } });
      await recorder.emit(onTheJobTrainingChanged, created.id, { trainingId: created.id, companyId, operation: "CREATED" as const });
      return created;
    });
  },
  { argument: "input", authorize: onTheJobTrainingCreate },
);

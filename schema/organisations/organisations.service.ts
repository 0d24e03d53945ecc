// The organisations module's manager: the funder, the sector's associations, the social
// partners and the third parties that deliver services, with their rules and access checks.
import type DataLoader from "dataloader";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { organisationKind, organisations } from "../../db/schema/organisations.js";
import { change } from "../shared/changes.js";
import type { Context } from "../shared/context.js";
import { badInput, notFound, uniqueViolation } from "../shared/errors.js";
import { changedFields } from "../shared/events.js";
import { fn } from "../shared/fn.js";
import { localizedMultilineTextInput, localizedTextInput } from "../shared/i18n.js";
import { rowsById } from "../shared/loaders.js";
import { countRows, expectGlobalId, type Keyset, paginate, toGlobalId } from "../shared/relay.js";
import { enterpriseNumber, escapeLike, httpUrl, notNull } from "../shared/validation.js";
import { ORGANISATION_FIELDS, organisationCreated, organisationUpdated } from "./organisations.events.js";
import { organisationCreate, organisationUpdate } from "./organisations.policy.js";

export type Organisation = typeof organisations.$inferSelect;

export function organisationLoader(ctx: Context): DataLoader<string, Organisation | null> {
  return rowsById<Organisation>(ctx, organisations);
}

const dutchName = sql<string>`(${organisations.name}->>'nl')`;
const keyset: Keyset = { sortKey: dutchName, id: organisations.id };

const listArgs = z.object({
  first: z.number().int().nullish(),
  after: z.string().nullish(),
  filter: z
    .object({
      kind: z.enum(organisationKind.enumValues).nullish(),
      search: z.string().trim().max(100, "must be at most 100 characters").nullish(),
    })
    .nullish(),
});

export const listOrganisations = fn(listArgs, async (ctx, { first, after, filter }) => {
  const conditions: (SQL | undefined)[] = [];
  if (filter?.kind) conditions.push(eq(organisations.kind, filter.kind));
  if (filter?.search) {
    // Any translation matches: a French-speaking partner searches in French.
    const pattern = `%${escapeLike(filter.search)}%`;
    conditions.push(sql`(${organisations.name}->>'nl' ilike ${pattern} or ${organisations.name}->>'fr' ilike ${pattern} or ${organisations.name}->>'en' ilike ${pattern})`);
  }
  const where = and(...conditions);
  return paginate(
    { first, after },
    keyset,
    (page) =>
      ctx.db
        .select()
        .from(organisations)
        .where(and(where, page.after))
        .orderBy(...page.orderBy)
        .limit(page.limit),
    (o) => [o.name.nl, o.id],
    () => countRows(ctx.db, organisations, where),
  );
});

export async function getOrganisation(ctx: Context, globalId: string): Promise<Organisation | null> {
  return organisationLoader(ctx).load(expectGlobalId(globalId, "Organisation"));
}

const organisationFields = z.object({
  name: localizedTextInput,
  description: localizedMultilineTextInput.nullish(),
  kind: z.enum(organisationKind.enumValues),
  website: httpUrl.nullish(),
  enterpriseNumber: enterpriseNumber.nullish(),
});

export const createOrganisation = fn(
  organisationFields,
  async (ctx, input) => {
    return withUniqueEnterpriseNumber(() =>
      change(ctx, async (tx, recorder) => {
        const [created] = await tx
          .insert(organisations)
          .values({ ...input, description: input.description ?? null, website: input.website ?? null, enterpriseNumber: input.enterpriseNumber ?? null })
          .returning();
        if (!created) throw new Error("insert returned no row");
        await recorder.record({
          operation: "createOrganisation",
          entityType: "Organisation",
          entityId: created.id,
          before: null,
          after: created,
        });
        await recorder.emit(organisationCreated, created.id, { organisationId: toGlobalId("Organisation", created.id), kind: created.kind });
        return created;
      }),
    );
  },
  { argument: "input", authorize: organisationCreate },
);

const organisationPatch = z.object({
  id: z.string(),
  name: notNull(localizedTextInput),
  description: localizedMultilineTextInput.nullish(),
  kind: notNull(organisationFields.shape.kind),
  website: httpUrl.nullish(),
  enterpriseNumber: enterpriseNumber.nullish(),
});

export const updateOrganisation = fn(
  organisationPatch,
  async (ctx, { id, ...patch }) => {
    const rowId = expectGlobalId(id, "Organisation", "input.id");
    return withUniqueEnterpriseNumber(() =>
      change(ctx, async (tx, recorder) => {
        const [before] = await tx.select().from(organisations).where(eq(organisations.id, rowId)).for("update");
        if (!before) throw notFound("Organisation", "input.id");
        const values = {
          name: patch.name ?? before.name,
          kind: patch.kind ?? before.kind,
          description: patch.description === undefined ? before.description : patch.description,
          website: patch.website === undefined ? before.website : patch.website,
          enterpriseNumber: patch.enterpriseNumber === undefined ? before.enterpriseNumber : patch.enterpriseNumber,
        };
        const [after] = await tx.update(organisations).set(values).where(eq(organisations.id, rowId)).returning();
        if (!after) throw notFound("Organisation", "input.id");
        await recorder.record({
          operation: "updateOrganisation",
          entityType: "Organisation",
          entityId: rowId,
          before,
          after,
        });
        await recorder.emit(organisationUpdated, rowId, { organisationId: toGlobalId("Organisation", rowId), changed: changedFields(ORGANISATION_FIELDS, before, after) });
        return after;
      }),
    );
  },
  { argument: "input", authorize: organisationUpdate },
);

/** One enterprise number is one organisation: a second use is the caller's mistake, said as such. */
async function withUniqueEnterpriseNumber<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (uniqueViolation(error) === "organisations_enterprise_number_key") throw badInput("input.enterpriseNumber", "belongs to another organisation already");
    throw error;
  }
}

// The embargo on campaign results, per role and on every path that reaches a result: the library
// (Query.campaignResults) and Campaign.results, each list with its totalCount and filtered by
// status, node(id), nodes(ids), and the payload of publishResult. A draft is seen by consultants
// and admins only; an intermediate result also by the campaign's circle (its selected boards, its
// sounding board, its steering group's boards and the experts and partners of its steering
// organisations), and by nobody in another campaign's circle; a published one by everyone. A
// result event reaches exactly those who may read the result when it is delivered, also after the
// result moved on.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { domainEvents } from "../../db/schema/audit.js";
import { campaignApplications, campaignResults, campaigns } from "../../db/schema/campaigns.js";
import { organisations } from "../../db/schema/organisations.js";
import { campaignEvents } from "../../schema/campaigns/campaigns.events.js";
import type { Actor as ContextActor } from "../../schema/shared/auth.js";
import { createContext } from "../../schema/shared/context.js";
import { type AnyEventDefinition, type DomainEvent, mayReceive } from "../../schema/shared/events.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { ADMIN, type CampaignFixture, CONSULTANT, expertOf, loadCampaignFixture, memberOf, partnerOf } from "../helpers/campaigns.js";
import { globalId, MISSING_UUID, rowId } from "../helpers/funding.js";

let api: TestApi;
let fx: CampaignFixture;
/** An organisation neither the campaign's partner nor on its steering group. */
let otherOrganisationId: string;

/** The results every test starts with: three of the seeded campaign X, one of a campaign Y. */
type Key = "xDraft" | "xIntermediate" | "xPublished" | "yIntermediate";
let ids: Record<Key, string>;
let campaignY: string;

const CREATE = graphql(`
  mutation EmbargoCreate($input: CreateCampaignResultInput!) { createCampaignResult(input: $input) { result { id } } }
`);
const PUBLISH = graphql(`
  mutation EmbargoPublish($input: PublishResultInput!) { publishResult(input: $input) { result { id status title(locale: NL) } } }
`);
const LIBRARY = graphql(`
  query EmbargoLibrary($status: CampaignResultStatus) {
    campaignResults(first: 100, filter: { status: $status }) { totalCount edges { node { id } } }
  }
`);
const CAMPAIGNS = graphql(`
  query EmbargoCampaigns($ids: [ID!]!, $status: CampaignResultStatus) {
    nodes(ids: $ids) { ... on Campaign { id results(first: 100, filter: { status: $status }) { totalCount edges { node { id } } } } }
  }
`);
const PUBLISHED_LIBRARY = graphql(`query EmbargoPublishedLibrary { publishedCampaignResults(first: 100) { totalCount edges { node { id } } } }`);
const NODE = graphql(`query EmbargoNode($id: ID!) { node(id: $id) { __typename id } }`);
const NODES = graphql(`query EmbargoNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }`);

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api.close();
});
/** A fresh database with campaign X (the seeded one) and Y, each with results in every state. */
async function setUp(): Promise<void> {
  await api.reseed();
  fx ??= await loadCampaignFixture(api);
  const db = api.database.db;
  const [other] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`${organisations.id} not in (${fx.partnerOrganisationId}, ${fx.steeringOrganisationIds[0]!})`)
    .limit(1);
  otherOrganisationId = other!.id;

  // Campaign X (the seeded one): a draft, an intermediate and a published result, through the API.
  const create = async (title: string) =>
    (
      await api.ok(
        CREATE,
        { input: { campaignId: fx.campaignId, boardId: globalId("Board", fx.selectedBoardIds[0]!), kind: "INSTRUMENT", title: { nl: title }, theme: "Flexibel werken" } },
        { as: CONSULTANT },
      )
    ).createCampaignResult.result.id;
  const step = (id: string, status: "INTERMEDIATE" | "PUBLISHED") => api.ok(PUBLISH, { input: { resultId: id, status } }, { as: CONSULTANT });
  const xDraft = await create("A ontwerp");
  const xIntermediate = await create("B tussentijds");
  const xPublished = await create("C gepubliceerd");
  await step(xIntermediate, "INTERMEDIATE");
  await step(xPublished, "INTERMEDIATE");
  await step(xPublished, "PUBLISHED");

  // Campaign Y: the outsider board of X is its selected board; nobody of X's circle is in Y's.
  const [y] = await db
    .insert(campaigns)
    .values({ title: { nl: "Campagne Y" }, themes: ["Welzijn op het werk"], selectionSize: 1, selectionConfirmedAt: new Date("2025-01-15T10:00:00Z") })
    .returning({ id: campaigns.id });
  campaignY = y!.id;
  await db.insert(campaignApplications).values({ campaignId: campaignY, boardId: fx.outsiderBoardId, status: "SELECTED", theme: "Welzijn op het werk" });
  const [yResult] = await db
    .insert(campaignResults)
    .values({ campaignId: campaignY, kind: "TEMPLATE", title: { nl: "D tussentijds Y" }, theme: "Welzijn op het werk", status: "INTERMEDIATE", intermediateAt: new Date() })
    .returning({ id: campaignResults.id });
  ids = { xDraft, xIntermediate, xPublished, yIntermediate: globalId("CampaignResult", yResult!.id) };
}

interface Role {
  name: string;
  actor: () => Actor | null;
  /** The results this role reads, of those every test starts with. */
  sees: Key[];
}

const EVERYTHING: Key[] = ["xDraft", "xIntermediate", "xPublished", "yIntermediate"];
const X_CIRCLE: Key[] = ["xIntermediate", "xPublished"];
const PUBLIC: Key[] = ["xPublished"];

const ROLES: Role[] = [
  { name: "anonymous", actor: () => null, sees: PUBLIC },
  // In Y's circle (its selected board), in none of X's groups.
  { name: "a member of a board outside X's circle", actor: () => memberOf(fx.outsiderBoardId), sees: ["xPublished", "yIntermediate"] },
  { name: "a member of a sounding-board board", actor: () => memberOf(fx.soundingBoardIds[0]!), sees: X_CIRCLE },
  { name: "a member of a selected board", actor: () => memberOf(fx.selectedBoardIds[0]!), sees: X_CIRCLE },
  { name: "a member of a steering-group board", actor: () => memberOf(fx.steeringBoardIds[0]!), sees: X_CIRCLE },
  { name: "an expert of the steering organisation", actor: () => expertOf(fx.steeringOrganisationIds[0]!), sees: X_CIRCLE },
  { name: "a partner of the steering organisation", actor: () => partnerOf(fx.steeringOrganisationIds[0]!), sees: X_CIRCLE },
  { name: "a partner of the campaign's partner, not on the steering group", actor: () => partnerOf(fx.partnerOrganisationId), sees: PUBLIC },
  { name: "an expert of another organisation", actor: () => expertOf(otherOrganisationId), sees: PUBLIC },
  { name: "a consultant", actor: () => CONSULTANT, sees: EVERYTHING },
  { name: "an admin", actor: () => ADMIN, sees: EVERYTHING },
];

const STATUS: Record<Key, "DRAFT" | "INTERMEDIATE" | "PUBLISHED"> = { xDraft: "DRAFT", xIntermediate: "INTERMEDIATE", xPublished: "PUBLISHED", yIntermediate: "INTERMEDIATE" };
const IN_X: Key[] = ["xDraft", "xIntermediate", "xPublished"];

const options = (role: Role) => {
  const actor = role.actor();
  return actor ? { as: actor } : {};
};
/** The ids of the keys, in the lists' order (the titles were chosen to sort like the keys). */
const idsOf = (keys: Key[]) => keys.map((k) => ids[k]);

/** The request context of a test actor, as the server builds it from a token. */
function contextFor(actor: Actor | null) {
  const contextActor: ContextActor = !actor
    ? { role: "ANONYMOUS" }
    : actor.role === "BOARD_MEMBER"
      ? { role: "BOARD_MEMBER", subject: actor.sub ?? "m", boardId: actor.board! }
      : actor.role === "EXPERT" || actor.role === "PARTNER"
        ? { role: actor.role, subject: actor.sub ?? "o", organisationId: actor.org! }
        : { role: actor.role as "ADMIN" | "CONSULTANT", subject: actor.sub ?? "e" };
  return createContext({ database: api.database, events: api.app.events, actor: contextActor });
}

describe.each(ROLES)("the embargo for $name", (role) => {
  // Once per role: its reads change nothing, and its one write (publishResult) comes last.
  beforeAll(setUp);

  it("lists in the library and counts only the results the role may read, by status too", async () => {
    const all = (await api.ok(LIBRARY, {}, options(role))).campaignResults;
    expect(all.edges.map((e) => e.node.id)).toEqual(idsOf(role.sees));
    expect(all.totalCount).toBe(role.sees.length);
    for (const status of ["DRAFT", "INTERMEDIATE", "PUBLISHED"] as const) {
      const expected = role.sees.filter((k) => STATUS[k] === status);
      const filtered = await api.exec(LIBRARY, { status }, options(role));
      // A status the role may not see gives nothing, never an error that would confirm a result.
      expect(filtered.errors).toBeUndefined();
      expect(filtered.data?.campaignResults.edges.map((e) => e.node.id)).toEqual(idsOf(expected));
      expect(filtered.data?.campaignResults.totalCount).toBe(expected.length);
    }
  });

  it("gets the published results only, the public's view, from publishedCampaignResults, whatever it may read elsewhere", async () => {
    const published = (await api.ok(PUBLISHED_LIBRARY, {}, options(role))).publishedCampaignResults;
    expect(published.edges.map((e) => e.node.id)).toEqual(idsOf(PUBLIC));
    expect(published.totalCount).toBe(PUBLIC.length);
  });

  it("lists in Campaign.results and counts only the results the role may read, each campaign its own", async () => {
    const campaignIds = [fx.campaignId, globalId("Campaign", campaignY)];
    const [x, y] = (await api.ok(CAMPAIGNS, { ids: campaignIds }, options(role))).nodes as { id: string; results: { totalCount: number; edges: { node: { id: string } }[] } }[];
    const inX = role.sees.filter((k) => IN_X.includes(k));
    const inY = role.sees.filter((k) => !IN_X.includes(k));
    expect(x?.results.edges.map((e) => e.node.id)).toEqual(idsOf(inX));
    expect(x?.results.totalCount).toBe(inX.length);
    expect(y?.results.edges.map((e) => e.node.id)).toEqual(idsOf(inY));
    expect(y?.results.totalCount).toBe(inY.length);
    for (const status of ["DRAFT", "INTERMEDIATE", "PUBLISHED"] as const) {
      const filtered = await api.exec(CAMPAIGNS, { ids: campaignIds, status }, options(role));
      expect(filtered.errors).toBeUndefined();
      const [fxX, fxY] = (filtered.data?.nodes ?? []) as { results: { totalCount: number; edges: { node: { id: string } }[] } }[];
      const expectedX = inX.filter((k) => STATUS[k] === status);
      const expectedY = inY.filter((k) => STATUS[k] === status);
      expect(fxX?.results.edges.map((e) => e.node.id)).toEqual(idsOf(expectedX));
      expect(fxX?.results.totalCount).toBe(expectedX.length);
      expect(fxY?.results.edges.map((e) => e.node.id)).toEqual(idsOf(expectedY));
      expect(fxY?.results.totalCount).toBe(expectedY.length);
    }
  });

  it("answers node(id) and nodes(ids) only for the results the role may read, as if the others did not exist", async () => {
    for (const key of EVERYTHING) {
      const node = (await api.ok(NODE, { id: ids[key] }, options(role))).node;
      expect(node, key).toEqual(role.sees.includes(key) ? { __typename: "CampaignResult", id: ids[key] } : null);
    }
    const missing = globalId("CampaignResult", MISSING_UUID);
    const nodes = (await api.ok(NODES, { ids: [...idsOf(EVERYTHING), missing] }, options(role))).nodes;
    expect(nodes).toEqual([...EVERYTHING.map((k) => (role.sees.includes(k) ? { id: ids[k] } : null)), null]);
  });

  it("gives the publishResult payload to editors only, and to others the same refusal whether the result exists or not", async () => {
    const attempt = (resultId: string) => api.exec(PUBLISH, { input: { resultId, status: "INTERMEDIATE" } }, options(role));
    const onDraft = await attempt(ids.xDraft);
    if (role.sees.includes("xDraft")) {
      expect(onDraft.data?.publishResult.result).toEqual({ id: ids.xDraft, status: "INTERMEDIATE", title: "A ontwerp" });
      return;
    }
    const refusal = errorOf(onDraft);
    expect(refusal.code).toBe(role.actor() ? "FORBIDDEN" : "UNAUTHENTICATED");
    expect(onDraft.data).toBeNull();
    expect(JSON.stringify(onDraft)).not.toContain("A ontwerp");
    for (const other of [ids.xIntermediate, ids.yIntermediate, globalId("CampaignResult", MISSING_UUID)]) {
      const result = await attempt(other);
      expect(errorOf(result)).toEqual(refusal);
      expect(result.data).toBeNull();
    }
    const [row] = await api.database.db
      .select({ status: campaignResults.status })
      .from(campaignResults)
      .where(eq(campaignResults.id, rowId(ids.xDraft)));
    expect(row?.status).toBe("DRAFT");
  });
});

describe("result events", () => {
  beforeEach(setUp);

  const definitions = new Map<string, AnyEventDefinition>(campaignEvents.map((d) => [d.name, d]));

  async function resultEvents(): Promise<DomainEvent[]> {
    const rows = await api.database.db.select().from(domainEvents).where(eq(domainEvents.entityType, "CampaignResult")).orderBy(domainEvents.position);
    return rows.map((r) => ({
      position: r.position,
      name: r.name,
      version: r.version,
      entityType: r.entityType,
      entityId: r.entityId,
      payload: r.payload as Record<string, unknown>,
      occurredAt: r.createdAt,
    }));
  }

  /** For every role and every result event: its audience, asked now, answers as reading the result through the API now does. */
  async function expectAudiencesMatchTheApi() {
    const events = await resultEvents();
    let compared = 0;
    for (const role of ROLES) {
      for (const event of events) {
        const definition = definitions.get(event.name);
        expect(definition, event.name).toBeDefined();
        const received = await mayReceive(contextFor(role.actor()), definition!, event);
        const readable = (await api.ok(NODE, { id: globalId("CampaignResult", event.entityId) }, options(role))).node !== null;
        // The published event is public; the events of the stages before it are the embargo's and
        // reach those signed in who may read the result now (an anonymous reader only ever gets the published one).
        const expected = readable && (event.name === "campaign.result.published" || role.actor() !== null);
        expect(received, `${role.name}: ${event.name} of ${event.entityId}`).toBe(expected);
        compared++;
      }
    }
    return { events, compared };
  }

  it("reach exactly those who may read the result, asked at delivery, also once the result moved on", async () => {
    const { events } = await expectAudiencesMatchTheApi();
    expect(events.map((e) => e.name)).toEqual([
      "campaign.result.drafted",
      "campaign.result.drafted",
      "campaign.result.drafted",
      "campaign.result.intermediate",
      "campaign.result.intermediate",
      "campaign.result.published",
    ]);
    // Nobody outside X's circle receives the intermediate event of B while it is intermediate ...
    const intermediateOfB = events.find((e) => e.name === "campaign.result.intermediate" && e.entityId === rowId(ids.xIntermediate))!;
    const anonymous = () => contextFor(null);
    expect(await mayReceive(anonymous(), definitions.get(intermediateOfB.name)!, intermediateOfB)).toBe(false);
    expect(await mayReceive(contextFor(memberOf(fx.soundingBoardIds[0]!)), definitions.get(intermediateOfB.name)!, intermediateOfB)).toBe(true);
    // ... and everyone signed in does once B is published; the draft A, now intermediate, reaches the circle.
    await api.ok(PUBLISH, { input: { resultId: ids.xIntermediate, status: "PUBLISHED" } }, { as: CONSULTANT });
    await api.ok(PUBLISH, { input: { resultId: ids.xDraft, status: "INTERMEDIATE" } }, { as: CONSULTANT });
    expect(await mayReceive(contextFor(memberOf(fx.outsiderBoardId)), definitions.get(intermediateOfB.name)!, intermediateOfB)).toBe(true);
    const { events: after, compared } = await expectAudiencesMatchTheApi();
    expect(after).toHaveLength(8);
    expect(compared).toBe(8 * ROLES.length);
  });

  it("each carry the result's ids and states as the policy reads them, and the typed payload checks", async () => {
    const events = await resultEvents();
    for (const event of events) {
      const parsed = definitions.get(event.name)!.payload.safeParse(event.payload);
      expect(parsed.success, event.name).toBe(true);
      expect(event.payload).toMatchObject({
        resultId: event.entityId,
        campaignId: fx.campaignRowId,
        boardId: fx.selectedBoardIds[0],
        kind: "INSTRUMENT",
        theme: "Flexibel werken",
      });
    }
    // Published is public; the stages before it ask the embargo.
    expect(definitions.get("campaign.result.published")!.audience).toBe("public");
    const intermediate = definitions.get("campaign.result.intermediate")!.audience;
    expect(intermediate !== "public" && intermediate.action.name).toBe("campaignResult.read");
  });
});

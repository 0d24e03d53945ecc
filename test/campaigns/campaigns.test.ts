// Campaigns, applications, the steering group and meetings: creating and changing a campaign (its
// title, period, themes and size, and when they may change), applying (a board for itself, once,
// while open), changing and scoring an application, who sees which application, the public lists
// with their bounded cost, the steering group and the meetings.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { auditLog, domainEvents } from "../../db/schema/audit.js";
import { boards } from "../../db/schema/boards.js";
import { campaignApplications, campaignMeetings, campaignSteeringMembers, campaigns, campaignTrajectories } from "../../db/schema/campaigns.js";
import { organisations } from "../../db/schema/organisations.js";
import { SEEDED_CAMPAIGN } from "../../db/seed/campaigns.js";
import { todayInBrussels } from "../../schema/funding/lifecycle.js";
import type { CreateCampaignInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { ADMIN, type CampaignFixture, CONSULTANT, expertOf, loadCampaignFixture, memberOf } from "../helpers/campaigns.js";
import { globalId, MISSING_UUID } from "../helpers/funding.js";

let api: TestApi;
let fx: CampaignFixture;

beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(async () => {
  await api.reseed();
  fx ??= await loadCampaignFixture(api);
});

const CREATE = graphql(`
  mutation CampaignsCreate($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      campaign { id title(locale: NL) titleTranslations { nl en } focus startsOn endsOn partner { id } themes selectionSize status selectionConfirmedAt viewerCanManage viewerCanApply }
    }
  }
`);
const UPDATE = graphql(`
  mutation CampaignsUpdate($input: UpdateCampaignInput!) {
    updateCampaign(input: $input) { campaign { id title(locale: NL) themes selectionSize startsOn endsOn status partner { id } } }
  }
`);
const APPLY = graphql(`
  mutation CampaignsApply($input: ApplyToCampaignInput!) {
    applyToCampaign(input: $input) {
      application { id status objectives themeAffinity motivationScore maturityScore group populationClass theme example appliedAt board { id } campaign { id viewerCanApply } }
    }
  }
`);
const UPDATE_APPLICATION = graphql(`
  mutation CampaignsUpdateApplication($input: UpdateCampaignApplicationInput!) {
    updateCampaignApplication(input: $input) { application { id objectives themeAffinity motivationScore maturityScore group } }
  }
`);
const CAMPAIGN = graphql(`
  query CampaignsOne($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      ... on Campaign {
        id title(locale: NL) status viewerCanApply viewerCanManage partner { name(locale: NL) }
        applications(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id board { name } status group motivationScore populationClass } }
        }
        selectedBoards { id theme example board { name } partner { id } campaign { id } }
        soundingBoard { name }
        steeringGroup { id example board { name } organisation { name(locale: NL) } }
        meetings { id kind heldOn title(locale: NL) campaign { id } }
      }
    }
  }
`);
const LIST = graphql(`
  query CampaignsList($first: Int, $after: String) {
    campaigns(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id title(locale: NL) status viewerCanApply partner { id }
          applications(first: 5) { totalCount edges { node { id board { name } populationClass } } }
          selectedBoards { theme board { name } partner { id } example }
          soundingBoard { name }
          steeringGroup { board { name } organisation { id } }
          meetings { kind heldOn }
        }
      }
    }
  }
`);
const NODE_APPLICATION = graphql(`
  query CampaignsApplicationNode($id: ID!) { node(id: $id) { id ... on CampaignApplication { board { name } motivationScore } } }
`);
const ADD_MEMBER = graphql(`
  mutation CampaignsAddSteering($input: AddSteeringGroupMemberInput!) {
    addSteeringGroupMember(input: $input) { member { id board { id } organisation { id } example } }
  }
`);
const REMOVE_MEMBER = graphql(`
  mutation CampaignsRemoveSteering($id: ID!) { removeSteeringGroupMember(id: $id) { removedId } }
`);
const PLAN = graphql(`
  mutation CampaignsPlanMeeting($input: PlanCampaignMeetingInput!) {
    planCampaignMeeting(input: $input) { meeting { id kind heldOn title(locale: NL) campaign { id } } }
  }
`);

const as = { as: CONSULTANT };
const board = (id: string) => globalId("Board", id);

async function create(input: Partial<CreateCampaignInput> = {}) {
  const data = await api.ok(CREATE, { input: { title: { nl: "Campagne wendbaar werken" }, themes: ["Welzijn", "Flexibel werken"], selectionSize: 2, ...input } }, as);
  return data.createCampaign.campaign;
}

async function events(name: string) {
  return (await api.database.db.select().from(domainEvents).where(eq(domainEvents.name, name))).map((e) => e.payload);
}

async function auditRows(operation: string) {
  return api.database.db.select().from(auditLog).where(eq(auditLog.operation, operation));
}

const yesterday = () => {
  const d = new Date(`${todayInBrussels()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

describe("createCampaign and updateCampaign", () => {
  it("creates an open campaign with its themes, size and partner, with an audit row and an event; editors only", async () => {
    const c = await create({ focus: { nl: "Wendbaar" }, startsOn: "2025-01-01", endsOn: "2099-12-31", partnerId: globalId("Organisation", fx.partnerOrganisationId) });
    expect(c).toMatchObject({
      title: "Campagne wendbaar werken",
      focus: "Wendbaar",
      themes: ["Welzijn", "Flexibel werken"],
      selectionSize: 2,
      status: "OPEN_FOR_APPLICATIONS",
      selectionConfirmedAt: null,
      partner: { id: globalId("Organisation", fx.partnerOrganisationId) },
      viewerCanManage: true,
      viewerCanApply: false,
    });
    const rowId = Buffer.from(c.id, "base64url").toString().split(":")[1]!;
    expect(await auditRows("createCampaign")).toHaveLength(1);
    expect(await events("campaign.changed")).toEqual([{ campaignId: rowId, part: "CAMPAIGN", partId: rowId, operation: "CREATED" }]);
    const input = { title: { nl: "Andere" }, themes: ["A"], selectionSize: 1 };
    expect(errorOf(await api.exec(CREATE, { input }, { as: memberOf(fx.outsiderBoardId) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(CREATE, { input }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(CREATE, { input }, { as: expertOf(fx.steeringOrganisationIds[0]!) }))).toMatchObject({ code: "FORBIDDEN" });
    expect((await api.ok(CREATE, { input }, { as: ADMIN })).createCampaign.campaign.status).toBe("OPEN_FOR_APPLICATIONS");
  });

  it("refuses a title taken ignoring case, a period ending before it starts, bad themes, a size outside 1-50 and a partner that is no organisation", async () => {
    await create();
    const bad = async (input: Partial<CreateCampaignInput>) =>
      errorOf(await api.exec(CREATE, { input: { title: { nl: "Nieuw" }, themes: ["Welzijn"], selectionSize: 2, ...input } }, as));
    expect(await bad({ title: { nl: "CAMPAGNE WENDBAAR WERKEN" } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title.nl" });
    expect(await bad({ startsOn: "2025-02-01", endsOn: "2025-01-31" })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.endsOn" });
    expect(await bad({ themes: [] })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.themes" });
    expect(await bad({ themes: ["Welzijn", " welzijn "] })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.themes.1" });
    expect(await bad({ themes: ["  "] })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.themes.0" });
    expect(await bad({ themes: ["x".repeat(101)] })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.themes.0" });
    expect(await bad({ themes: Array.from({ length: 13 }, (_, i) => `Thema ${i}`) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.themes" });
    expect(await bad({ selectionSize: 0 })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.selectionSize" });
    expect(await bad({ selectionSize: 51 })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.selectionSize" });
    expect(await bad({ partnerId: globalId("Organisation", MISSING_UUID) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.partnerId" });
    // Themes are trimmed.
    expect((await create({ title: { nl: "Getrimd" }, themes: ["  Welzijn "] })).themes).toEqual(["Welzijn"]);
  });

  it("changes themes and size only while applications are open, and keeps a theme an application uses", async () => {
    const c = await create();
    const updated = await api.ok(UPDATE, { input: { id: c.id, themes: ["Welzijn", "Flexibel werken", "Loopbaan"], selectionSize: 3 } }, as);
    expect(updated.updateCampaign.campaign).toMatchObject({ themes: ["Welzijn", "Flexibel werken", "Loopbaan"], selectionSize: 3 });
    await api.ok(APPLY, { input: { campaignId: c.id, boardId: board(fx.outsiderBoardId), themeAffinity: ["Loopbaan"] } }, as);
    expect(errorOf(await api.exec(UPDATE, { input: { id: c.id, themes: ["Welzijn", "Flexibel werken"] } }, as))).toMatchObject({ code: "CONFLICT", field: "input.themes" });
    // A theme nobody uses may go.
    expect((await api.ok(UPDATE, { input: { id: c.id, themes: ["loopbaan", "Welzijn"] } }, as)).updateCampaign.campaign.themes).toEqual(["loopbaan", "Welzijn"]);
    // The seeded campaign's selection is confirmed: its themes and size stay; its title may change.
    expect(errorOf(await api.exec(UPDATE, { input: { id: fx.campaignId, themes: ["Nieuw"] } }, as))).toMatchObject({ code: "CONFLICT", field: "input.themes" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: fx.campaignId, selectionSize: 6 } }, as))).toMatchObject({ code: "CONFLICT", field: "input.selectionSize" });
    expect((await api.ok(UPDATE, { input: { id: fx.campaignId, title: { nl: "Duurzaam werkgeverschap" } } }, as)).updateCampaign.campaign).toMatchObject({ status: "RUNNING" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: c.id, title: { nl: "duurzaam WERKGEVERSCHAP" } } }, as))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.title.nl",
    });
    expect(errorOf(await api.exec(UPDATE, { input: { id: c.id, startsOn: "2030-01-02", endsOn: "2030-01-01" } }, as))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.endsOn",
    });
    expect(errorOf(await api.exec(UPDATE, { input: { id: c.id, title: null } }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.title" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: globalId("Campaign", MISSING_UUID), title: { nl: "X" } } }, as))).toMatchObject({ code: "NOT_FOUND", field: "input.id" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: c.id, title: { nl: "X" } } }, { as: memberOf(fx.outsiderBoardId) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await auditRows("updateCampaign")).toHaveLength(3);
  });

  it("derives the status: open until confirmed, running after, ended once its last day has passed", async () => {
    const c = await create();
    const status = async (id: string) => ((await api.ok(CAMPAIGN, { id }, as)).node as { status: string }).status;
    expect(await status(c.id)).toBe("OPEN_FOR_APPLICATIONS");
    expect(await status(fx.campaignId)).toBe("RUNNING");
    await api.ok(UPDATE, { input: { id: fx.campaignId, endsOn: todayInBrussels() } }, as);
    expect(await status(fx.campaignId)).toBe("RUNNING");
    await api.ok(UPDATE, { input: { id: fx.campaignId, endsOn: yesterday() } }, as);
    expect(await status(fx.campaignId)).toBe("ENDED");
    await api.ok(UPDATE, { input: { id: c.id, endsOn: yesterday() } }, as);
    expect(await status(c.id)).toBe("ENDED");
  });
});

describe("applyToCampaign and updateCampaignApplication", () => {
  it("lets a board member apply for their own board once, while the campaign is open", async () => {
    const c = await create();
    const member = memberOf(fx.outsiderBoardId);
    expect(((await api.ok(CAMPAIGN, { id: c.id }, { as: member })).node as { viewerCanApply: boolean }).viewerCanApply).toBe(true);
    const data = await api.ok(APPLY, { input: { campaignId: c.id, objectives: "  Meer flexibiliteit.  ", themeAffinity: ["flexibel werken"] } }, { as: member });
    const application = data.applyToCampaign.application;
    expect(application).toMatchObject({
      status: "APPLIED",
      objectives: "Meer flexibiliteit.",
      themeAffinity: ["Flexibel werken"],
      motivationScore: null,
      group: null,
      theme: null,
      example: false,
      board: { id: board(fx.outsiderBoardId) },
      campaign: { id: c.id, viewerCanApply: false },
    });
    const appRow = Buffer.from(application.id, "base64url").toString().split(":")[1]!;
    expect(await events("campaign.application.changed")).toEqual([
      { applicationId: appRow, campaignId: expect.any(String), boardId: fx.outsiderBoardId, status: "APPLIED", operation: "CREATED" },
    ]);
    expect(await auditRows("applyToCampaign")).toHaveLength(1);
    expect(errorOf(await api.exec(APPLY, { input: { campaignId: c.id } }, { as: member }))).toMatchObject({ code: "CONFLICT", field: "input.boardId" });
    expect(errorOf(await api.exec(APPLY, { input: { campaignId: c.id, boardId: board(fx.outsiderBoardId) } }, as))).toMatchObject({ code: "CONFLICT", field: "input.boardId" });
  });

  it("refuses another board's application, an editor's without a board, themes not the campaign's, and applying to a confirmed or ended campaign", async () => {
    const c = await create();
    const member = memberOf(fx.outsiderBoardId);
    const other = board(fx.soundingBoardIds[0]!);
    expect(errorOf(await api.exec(APPLY, { input: { campaignId: c.id, boardId: other } }, { as: member }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(APPLY, { input: { campaignId: c.id, boardId: other } }, { as: expertOf(fx.steeringOrganisationIds[0]!) }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(APPLY, { input: { campaignId: c.id } }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(APPLY, { input: { campaignId: c.id } }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.boardId" });
    expect(errorOf(await api.exec(APPLY, { input: { campaignId: c.id, themeAffinity: ["Welzijn", "Verloning"] } }, { as: member }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.themeAffinity.1",
    });
    expect(errorOf(await api.exec(APPLY, { input: { campaignId: c.id, themeAffinity: ["Welzijn", "WELZIJN"] } }, { as: member }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.themeAffinity.1",
    });
    expect(errorOf(await api.exec(APPLY, { input: { campaignId: c.id, objectives: "x".repeat(2001) } }, { as: member }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.objectives",
    });
    expect(errorOf(await api.exec(APPLY, { input: { campaignId: fx.campaignId } }, { as: member }))).toMatchObject({ code: "CONFLICT", field: "input.campaignId" });
    await api.ok(UPDATE, { input: { id: c.id, endsOn: yesterday() } }, as);
    expect(errorOf(await api.exec(APPLY, { input: { campaignId: c.id } }, { as: member }))).toMatchObject({ code: "CONFLICT", field: "input.campaignId" });
    const [n] = await api.database.db.select({ n: count() }).from(campaignApplications).where(eq(campaignApplications.boardId, fx.outsiderBoardId));
    expect(n!.n).toBe(0);
  });

  it("lets the board's member change objectives and affinity, and only editors score and group", async () => {
    const c = await create();
    const member = memberOf(fx.outsiderBoardId);
    const { id } = (await api.ok(APPLY, { input: { campaignId: c.id } }, { as: member })).applyToCampaign.application;
    const changed = await api.ok(UPDATE_APPLICATION, { input: { id, objectives: "Nieuw doel", themeAffinity: ["Welzijn"] } }, { as: member });
    expect(changed.updateCampaignApplication.application).toMatchObject({ objectives: "Nieuw doel", themeAffinity: ["Welzijn"] });
    const refused = errorOf(await api.exec(UPDATE_APPLICATION, { input: { id, motivationScore: 5 } }, { as: member }));
    expect(refused).toMatchObject({ code: "FORBIDDEN" });
    expect(refused.message).toContain("motivationScore");
    expect(errorOf(await api.exec(UPDATE_APPLICATION, { input: { id, group: "Groep A" } }, { as: member })).message).toContain("group");
    const scored = await api.ok(UPDATE_APPLICATION, { input: { id, motivationScore: 4, maturityScore: 2, group: " Groep A " } }, as);
    expect(scored.updateCampaignApplication.application).toMatchObject({ motivationScore: 4, maturityScore: 2, group: "Groep A", objectives: "Nieuw doel" });
    expect(errorOf(await api.exec(UPDATE_APPLICATION, { input: { id, motivationScore: 6 } }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.motivationScore" });
    expect(errorOf(await api.exec(UPDATE_APPLICATION, { input: { id, maturityScore: 0 } }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.maturityScore" });
    expect(errorOf(await api.exec(UPDATE_APPLICATION, { input: { id, group: "g".repeat(51) } }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.group" });
    expect(errorOf(await api.exec(UPDATE_APPLICATION, { input: { id, themeAffinity: ["Onbekend"] } }, as))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.themeAffinity.0",
    });
    // Another board's member may not change it.
    expect(errorOf(await api.exec(UPDATE_APPLICATION, { input: { id, objectives: "x" } }, { as: memberOf(fx.soundingBoardIds[0]!) })).code).toBe("FORBIDDEN");
    expect(await auditRows("updateCampaignApplication")).toHaveLength(2);
    expect((await events("campaign.application.changed")).filter((e) => (e as { operation: string }).operation === "UPDATED")).toHaveLength(2);
    // After the confirmation nothing changes, not even the scores.
    const [seeded] = await api.database.db.select().from(campaignApplications).where(eq(campaignApplications.boardId, fx.soundingBoardIds[0]!));
    const seededId = globalId("CampaignApplication", seeded!.id);
    expect(errorOf(await api.exec(UPDATE_APPLICATION, { input: { id: seededId, motivationScore: 1 } }, as))).toMatchObject({ code: "CONFLICT", field: "input.id" });
    expect(errorOf(await api.exec(UPDATE_APPLICATION, { input: { id: seededId, objectives: "x" } }, { as: memberOf(fx.soundingBoardIds[0]!) }))).toMatchObject({
      code: "CONFLICT",
    });
  });
});

describe("who sees which application", () => {
  it("shows editors every application, a board member their own board's, others none; node(id) alike", async () => {
    const all = (await api.ok(CAMPAIGN, { id: fx.campaignId, first: 50 }, as)).node as {
      applications: { totalCount: number; edges: { node: { id: string; board: { name: string }; motivationScore: number | null } }[] };
    };
    expect(all.applications.totalCount).toBe(12);
    const names = all.applications.edges.map((e) => e.node.board.name);
    expect(names).toEqual([...SEEDED_CAMPAIGN.selectedBoards, ...SEEDED_CAMPAIGN.soundingBoard].sort());
    // Paged by board name.
    const first = (await api.ok(CAMPAIGN, { id: fx.campaignId, first: 5 }, as)).node as {
      applications: { pageInfo: { hasNextPage: boolean; endCursor: string } } & typeof all.applications;
    };
    expect(first.applications.edges.map((e) => e.node.board.name)).toEqual(names.slice(0, 5));
    const rest = (await api.ok(CAMPAIGN, { id: fx.campaignId, first: 50, after: first.applications.pageInfo.endCursor }, as)).node as typeof all;
    expect(rest.applications.edges.map((e) => e.node.board.name)).toEqual(names.slice(5));

    const own = fx.selectedBoardIds[0]!;
    const mine = (await api.ok(CAMPAIGN, { id: fx.campaignId }, { as: memberOf(own) })).node as typeof all;
    expect(mine.applications.totalCount).toBe(1);
    expect(mine.applications.edges).toHaveLength(1);
    for (const viewer of [memberOf(fx.outsiderBoardId), expertOf(fx.steeringOrganisationIds[0]!), undefined]) {
      const none = (await api.ok(CAMPAIGN, { id: fx.campaignId }, viewer ? { as: viewer } : {})).node as typeof all;
      expect(none.applications).toMatchObject({ totalCount: 0, edges: [] });
    }
    const ownId = mine.applications.edges[0]!.node.id;
    expect((await api.ok(NODE_APPLICATION, { id: ownId }, { as: memberOf(own) })).node).toMatchObject({ id: ownId });
    expect((await api.ok(NODE_APPLICATION, { id: ownId }, as)).node).toMatchObject({ id: ownId });
    expect((await api.ok(NODE_APPLICATION, { id: ownId }, { as: memberOf(fx.outsiderBoardId) })).node).toBeNull();
    expect((await api.ok(NODE_APPLICATION, { id: ownId })).node).toBeNull();
  });
});

describe("the seeded campaign and the lists", () => {
  it("shows the seeded campaign's groups in order: selected boards, sounding board and steering group by name, meetings by day", async () => {
    const node = (await api.ok(CAMPAIGN, { id: fx.campaignId })).node as {
      partner: { name: string };
      status: string;
      viewerCanManage: boolean;
      selectedBoards: { board: { name: string }; theme: string; example: boolean; partner: { id: string } }[];
      soundingBoard: { name: string }[];
      steeringGroup: { board: { name: string } | null; organisation: { name: string } | null; example: boolean }[];
      meetings: { kind: string; heldOn: string; campaign: { id: string } }[];
    };
    expect(node).toMatchObject({ partner: { name: "Mondea" }, status: "RUNNING", viewerCanManage: false });
    expect(node.selectedBoards.map((s) => s.board.name)).toEqual([...SEEDED_CAMPAIGN.selectedBoards].sort());
    expect(node.selectedBoards.every((s) => s.example && s.partner.id === globalId("Organisation", fx.partnerOrganisationId))).toBe(true);
    expect(node.soundingBoard.map((b) => b.name)).toEqual([...SEEDED_CAMPAIGN.soundingBoard].sort());
    expect(node.steeringGroup.map((m) => m.board?.name ?? m.organisation?.name)).toEqual(["Kortrijk", "Mechelen", "VVSG"]);
    expect(node.meetings).toEqual([{ id: expect.any(String), kind: "SOUNDING_BOARD", heldOn: "2024-05-31", title: expect.any(String), campaign: { id: fx.campaignId } }]);
  });

  it("lists campaigns newest first, pages them, and costs the same statements for 2 or 6 campaigns with every nested list", async () => {
    const db = api.database.db;
    const [org] = await db.select({ id: organisations.id }).from(organisations).limit(1);
    const extra: string[] = [];
    async function addCampaign(i: number) {
      const [c] = await db
        .insert(campaigns)
        .values({ title: { nl: `Lijst ${i}` }, themes: ["T"], selectionSize: 1, partnerId: org!.id, selectionConfirmedAt: new Date() })
        .returning();
      const made = await db
        .insert(boards)
        .values([0, 1, 2].map((k) => ({ name: `Lijstbestuur ${i}-${k}`, kind: "MUNICIPALITY" as const, province: "LIMBURG" as const, population: 10_000 * (k + 1) })))
        .returning();
      const [selected] = await db.insert(campaignApplications).values({ campaignId: c!.id, boardId: made[0]!.id, status: "SELECTED", theme: "T" }).returning();
      await db.insert(campaignApplications).values({ campaignId: c!.id, boardId: made[1]!.id, status: "SOUNDING_BOARD" });
      await db.insert(campaignTrajectories).values({ campaignId: c!.id, applicationId: selected!.id, boardId: made[0]!.id, theme: "T", partnerId: org!.id });
      await db.insert(campaignSteeringMembers).values([
        { campaignId: c!.id, boardId: made[2]!.id },
        { campaignId: c!.id, organisationId: org!.id },
      ]);
      await db.insert(campaignMeetings).values({ campaignId: c!.id, kind: "STEERING_GROUP", heldOn: "2025-03-01" });
      extra.push(c!.id);
    }
    await addCampaign(1);
    const two = await api.exec(LIST, { first: 10 }, as);
    expect(two.errors).toBeUndefined();
    expect(two.data!.campaigns.totalCount).toBe(2);
    // Newest first.
    expect(two.data!.campaigns.edges.map((e) => e.node.title)).toEqual(["Lijst 1", "Ondersteunende campagne Duurzaam werkgeverschap"]);
    for (let i = 2; i <= 5; i++) await addCampaign(i);
    const six = await api.exec(LIST, { first: 10 }, as);
    expect(six.errors).toBeUndefined();
    expect(six.data!.campaigns.totalCount).toBe(6);
    expect(six.data!.campaigns.edges[0]!.node).toMatchObject({
      title: "Lijst 5",
      applications: { totalCount: 2 },
      selectedBoards: [{ theme: "T", board: { name: "Lijstbestuur 5-0" } }],
      soundingBoard: [{ name: "Lijstbestuur 5-1" }],
      steeringGroup: [{ board: { name: "Lijstbestuur 5-2" } }, { organisation: { id: globalId("Organisation", org!.id) } }],
      meetings: [{ kind: "STEERING_GROUP", heldOn: "2025-03-01" }],
    });
    expect(six.statements).toBe(two.statements);
    // Paged: 4, then the other 2, with nothing twice.
    const page1 = await api.ok(LIST, { first: 4 });
    expect(page1.campaigns.pageInfo.hasNextPage).toBe(true);
    const page2 = await api.ok(LIST, { first: 4, after: page1.campaigns.pageInfo.endCursor });
    expect(page2.campaigns.pageInfo.hasNextPage).toBe(false);
    expect([...page1.campaigns.edges, ...page2.campaigns.edges].map((e) => e.node.title)).toEqual(six.data!.campaigns.edges.map((e) => e.node.title));
    expect(errorOf(await api.exec(LIST, { first: 101 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});

describe("the steering group and meetings", () => {
  it("adds a board or an organisation, never a selected board, never twice, and removes a member", async () => {
    const addBoard = (boardId: string) => api.exec(ADD_MEMBER, { input: { campaignId: fx.campaignId, boardId: board(boardId) } }, as);
    const added = await addBoard(fx.outsiderBoardId);
    expect(added.errors).toBeUndefined();
    const member = added.data!.addSteeringGroupMember.member;
    expect(member).toMatchObject({ board: { id: board(fx.outsiderBoardId) }, organisation: null, example: false });
    expect(errorOf(await addBoard(fx.outsiderBoardId))).toMatchObject({ code: "CONFLICT", field: "input.boardId" });
    expect(errorOf(await addBoard(fx.selectedBoardIds[0]!))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.boardId" });
    expect(errorOf(await addBoard(MISSING_UUID))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.boardId" });
    const org = globalId("Organisation", fx.partnerOrganisationId);
    expect((await api.ok(ADD_MEMBER, { input: { campaignId: fx.campaignId, organisationId: org } }, as)).addSteeringGroupMember.member.organisation).toEqual({ id: org });
    expect(errorOf(await api.exec(ADD_MEMBER, { input: { campaignId: fx.campaignId, organisationId: org } }, as))).toMatchObject({
      code: "CONFLICT",
      field: "input.organisationId",
    });
    expect(errorOf(await api.exec(ADD_MEMBER, { input: { campaignId: fx.campaignId, organisationId: org, boardId: board(fx.outsiderBoardId) } }, as))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input",
    });
    expect(errorOf(await api.exec(ADD_MEMBER, { input: { campaignId: fx.campaignId } }, as))).toMatchObject({ code: "BAD_USER_INPUT", field: "input" });
    expect(errorOf(await api.exec(ADD_MEMBER, { input: { campaignId: fx.campaignId, boardId: board(fx.outsiderBoardId) } }, { as: memberOf(fx.outsiderBoardId) }))).toMatchObject({
      code: "FORBIDDEN",
    });

    const removed = await api.ok(REMOVE_MEMBER, { id: member.id }, as);
    expect(removed.removeSteeringGroupMember.removedId).toBe(member.id);
    expect(errorOf(await api.exec(REMOVE_MEMBER, { id: member.id }, as))).toMatchObject({ code: "NOT_FOUND", field: "id" });
    const rows = await api.database.db
      .select()
      .from(campaignSteeringMembers)
      .where(and(eq(campaignSteeringMembers.campaignId, fx.campaignRowId), eq(campaignSteeringMembers.boardId, fx.outsiderBoardId)));
    expect(rows).toEqual([]);
    const changes = (await events("campaign.changed")) as { part: string; operation: string }[];
    expect(changes.map((e) => [e.part, e.operation])).toEqual([
      ["STEERING_GROUP", "CREATED"],
      ["STEERING_GROUP", "CREATED"],
      ["STEERING_GROUP", "REMOVED"],
    ]);
    expect((await auditRows("addSteeringGroupMember")).length + (await auditRows("removeSteeringGroupMember")).length).toBe(3);
  });

  it("plans a meeting within the campaign's period, one per kind and day", async () => {
    const c = await create({ startsOn: "2025-01-01", endsOn: "2025-12-31" });
    const plan = (kind: "SOUNDING_BOARD" | "STEERING_GROUP" | "SELECTED_BOARDS", heldOn: string) =>
      api.exec(PLAN, { input: { campaignId: c.id, kind, heldOn, title: { nl: "Overleg" } } }, as);
    const made = await plan("STEERING_GROUP", "2025-03-01");
    expect(made.data?.planCampaignMeeting.meeting).toMatchObject({ kind: "STEERING_GROUP", heldOn: "2025-03-01", title: "Overleg", campaign: { id: c.id } });
    expect((await plan("SOUNDING_BOARD", "2025-03-01")).errors).toBeUndefined();
    expect((await plan("SELECTED_BOARDS", "2025-02-01")).errors).toBeUndefined();
    expect(errorOf(await plan("STEERING_GROUP", "2025-03-01"))).toMatchObject({ code: "CONFLICT", field: "input.heldOn" });
    expect(errorOf(await plan("STEERING_GROUP", "2024-12-31"))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.heldOn" });
    expect(errorOf(await plan("STEERING_GROUP", "2026-01-01"))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.heldOn" });
    expect(errorOf(await api.exec(PLAN, { input: { campaignId: c.id, kind: "STEERING_GROUP", heldOn: "2025-04-01" } }, { as: memberOf(fx.outsiderBoardId) }))).toMatchObject({
      code: "FORBIDDEN",
    });
    const node = (await api.ok(CAMPAIGN, { id: c.id })).node as { meetings: { kind: string; heldOn: string }[] };
    expect(node.meetings.map((m) => [m.heldOn, m.kind])).toEqual([
      ["2025-02-01", "SELECTED_BOARDS"],
      ["2025-03-01", "SOUNDING_BOARD"],
      ["2025-03-01", "STEERING_GROUP"],
    ]);
    // Without a period, any day.
    expect((await api.ok(PLAN, { input: { campaignId: fx.campaignId, kind: "STEERING_GROUP", heldOn: "2024-06-15" } }, as)).planCampaignMeeting.meeting.title).toBeNull();
    expect(((await events("campaign.changed")) as { part: string }[]).filter((e) => e.part === "MEETING")).toHaveLength(4);
    expect(await auditRows("planCampaignMeeting")).toHaveLength(4);
  });
});

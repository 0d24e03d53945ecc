// LaboLokaal's themes and calls: at most 8 themes, added by admins; a call's terms (EUR 5,000 /
// EUR 2,000 by default, EUR only; no own contribution on a VIA theme; an action when one is asked);
// its status from today in Brussels (UPCOMING, OPEN through the deadline day, CLOSED after); the list
// of calls, newest deadline first, paged, filtered by theme and by status in SQL.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { type FundingFixture, globalId, loadFundingFixture, MISSING_UUID, rowId } from "../helpers/funding.js";
import { brusselsDay, createLaboTheme, LABO_ADMIN, LABO_CONSULTANT, laboExpert, laboMember, laboThemeId, openLaboCall } from "../helpers/labolokaal.js";

let api: TestApi;
let fx: FundingFixture;
let viaTheme: string;

beforeEach(async () => {
  api ??= await createTestApi();
  await api.reseed();
  fx ??= await loadFundingFixture(api, { orgs: ["Workitects", "Mondea"], boards: ["Gent"] });
  viaTheme = await laboThemeId(api, "Employer branding");
});

afterAll(async () => api?.close());

const CREATE_THEME = graphql(`
  mutation LaboCreateTheme($input: CreateThemeInput!) {
    createTheme(input: $input) { theme { id name(locale: NL) fundingSource calls { id } projects { id } collectiveSessions { id } viewerIsMember } }
  }
`);

const OPEN_CALL = graphql(`
  mutation LaboOpenCall($input: OpenProjectCallInput!) {
    openProjectCall(input: $input) { call { id title(locale: NL) opensOn deadline status support { cents currency } ownContribution { cents currency } theme { name(locale: NL) } applications { id } } }
  }
`);

const CALLS = graphql(`
  query LaboCalls($first: Int, $after: String, $filter: ProjectCallFilter) {
    projectCalls(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id title(locale: NL) deadline status } }
    }
  }
`);

const callInput = (themeId: string, extra: Record<string, unknown> = {}) => ({
  themeId,
  title: { nl: "Oproep" },
  opensOn: brusselsDay(-1),
  deadline: brusselsDay(30),
  ...extra,
});

describe("createTheme", () => {
  it("lets admins add themes up to 8 and refuses a 9th (CONFLICT); names are unique ignoring case", async () => {
    const added = await api.ok(CREATE_THEME, { input: { name: { nl: "Digitalisering" }, fundingSource: "ADDENDUM" } }, { as: LABO_ADMIN });
    expect(added.createTheme.theme).toMatchObject({ name: "Digitalisering", fundingSource: "ADDENDUM", calls: [], projects: [], collectiveSessions: [], viewerIsMember: false });
    const duplicate = await api.exec(CREATE_THEME, { input: { name: { nl: "digitalisering" }, fundingSource: "VIA" } }, { as: LABO_ADMIN });
    expect(errorOf(duplicate)).toMatchObject({ code: "CONFLICT", field: "input.name.nl" });
    for (const name of ["Diversiteit", "Loopbaan", "Welzijn", "Leiderschap", "Aanwerving"]) await createLaboTheme(api, name);
    const { themes } = await api.ok(graphql(`query LaboThemeCount { themes { id } }`));
    expect(themes).toHaveLength(8);
    const ninth = await api.exec(CREATE_THEME, { input: { name: { nl: "Negende" }, fundingSource: "ADDENDUM" } }, { as: LABO_ADMIN });
    expect(errorOf(ninth).code).toBe("CONFLICT");
    expect((await api.ok(graphql(`query LaboThemeCountAfter { themes { id } }`))).themes).toHaveLength(8);
  });

  it("is for admins only", async () => {
    const input = { name: { nl: "Digitalisering" }, fundingSource: "ADDENDUM" as const };
    expect(errorOf(await api.exec(CREATE_THEME, { input }, { as: LABO_CONSULTANT })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(CREATE_THEME, { input }, { as: laboMember(fx.boards.Gent!) })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(CREATE_THEME, { input }, { as: laboExpert(fx.orgs.Workitects!) })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(CREATE_THEME, { input }, { as: { role: "PARTNER", sub: "p1", org: rowId(fx.orgs.Mondea!) } })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(CREATE_THEME, { input })).code).toBe("UNAUTHENTICATED");
  });
});

describe("openProjectCall", () => {
  it("defaults to EUR 5,000 of support and EUR 2,000 of own contribution on an ADDENDUM theme, with the action required", async () => {
    const theme = await createLaboTheme(api, "Digitalisering");
    const missing = await api.exec(OPEN_CALL, { input: callInput(theme) }, { as: LABO_CONSULTANT });
    expect(errorOf(missing)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    const unknown = await api.exec(OPEN_CALL, { input: callInput(theme, { actionId: globalId("Action", MISSING_UUID) }) }, { as: LABO_CONSULTANT });
    expect(errorOf(unknown)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.actionId" });
    const opened = await api.ok(OPEN_CALL, { input: callInput(theme, { actionId: fx.actions[1]! }) }, { as: LABO_CONSULTANT });
    expect(opened.openProjectCall.call).toMatchObject({
      status: "OPEN",
      support: { cents: 500000, currency: "EUR" },
      ownContribution: { cents: 200000, currency: "EUR" },
      theme: { name: "Digitalisering" },
      applications: [],
    });
    // Other terms, stored with the call.
    const other = await api.ok(
      OPEN_CALL,
      { input: callInput(theme, { support: { cents: 600000 }, ownContribution: { cents: 150000 }, actionId: fx.actions[1]! }) },
      { as: LABO_ADMIN },
    );
    expect(other.openProjectCall.call).toMatchObject({ support: { cents: 600000 }, ownContribution: { cents: 150000 } });
    // No contribution asked: no action needed.
    const none = await api.ok(OPEN_CALL, { input: callInput(theme, { ownContribution: { cents: 0 } }) }, { as: LABO_CONSULTANT });
    expect(none.openProjectCall.call.ownContribution.cents).toBe(0);
  });

  it("asks no own contribution on a VIA theme: 0 by default, anything else refused", async () => {
    const opened = await api.ok(OPEN_CALL, { input: callInput(viaTheme) }, { as: LABO_CONSULTANT });
    expect(opened.openProjectCall.call.ownContribution).toEqual({ cents: 0, currency: "EUR" });
    const refused = await api.exec(OPEN_CALL, { input: callInput(viaTheme, { ownContribution: { cents: 200000 }, actionId: fx.actions[1]! }) }, { as: LABO_CONSULTANT });
    expect(errorOf(refused)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.ownContribution" });
  });

  it("checks the period, the amounts (EUR only), the theme and who opens it", async () => {
    const bad = async (extra: Record<string, unknown>) => errorOf(await api.exec(OPEN_CALL, { input: callInput(viaTheme, extra) }, { as: LABO_CONSULTANT }));
    expect(await bad({ opensOn: brusselsDay(5), deadline: brusselsDay(4) })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.deadline" });
    expect(await bad({ support: { cents: 500000, currency: "USD" } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.support.currency" });
    expect(await bad({ support: { cents: 0 } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.support.cents" });
    expect(await bad({ ownContribution: { cents: -1 } })).toMatchObject({ code: "BAD_USER_INPUT", field: "input.ownContribution.cents" });
    expect(await bad({ themeId: globalId("Theme", MISSING_UUID) })).toMatchObject({ code: "NOT_FOUND", field: "input.themeId" });
    // The same day for both is a one-day call.
    await api.ok(OPEN_CALL, { input: callInput(viaTheme, { opensOn: brusselsDay(0), deadline: brusselsDay(0) }) }, { as: LABO_CONSULTANT });
    const input = callInput(viaTheme);
    expect(errorOf(await api.exec(OPEN_CALL, { input }, { as: laboMember(fx.boards.Gent!) })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(OPEN_CALL, { input }, { as: laboExpert(fx.orgs.Workitects!) })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(OPEN_CALL, { input }, { as: { role: "PARTNER", sub: "p1", org: rowId(fx.orgs.Mondea!) } })).code).toBe("FORBIDDEN");
    expect(errorOf(await api.exec(OPEN_CALL, { input })).code).toBe("UNAUTHENTICATED");
  });
});

describe("projectCalls", () => {
  it("derives the status from today in Brussels and filters on it in SQL, newest deadline first, paged", async () => {
    const upcoming = await openLaboCall(api, viaTheme, { opensOn: brusselsDay(1), deadline: brusselsDay(40) });
    const open = await openLaboCall(api, viaTheme, { opensOn: brusselsDay(-5), deadline: brusselsDay(0) });
    const closed = await openLaboCall(api, viaTheme, { opensOn: brusselsDay(-10), deadline: brusselsDay(-1) });
    const all = await api.ok(CALLS, { first: 10 });
    expect(all.projectCalls.totalCount).toBe(5);
    const statuses = Object.fromEntries(all.projectCalls.edges.map((e) => [e.node.id, e.node.status]));
    expect(statuses).toMatchObject({ [upcoming]: "UPCOMING", [open]: "OPEN", [closed]: "CLOSED" });
    const deadlines = all.projectCalls.edges.map((e) => e.node.deadline);
    expect(deadlines).toEqual([...deadlines].sort().reverse());
    for (const status of ["UPCOMING", "OPEN", "CLOSED"] as const) {
      const page = await api.ok(CALLS, { first: 10, filter: { status } });
      expect(page.projectCalls.edges.every((e) => e.node.status === status)).toBe(true);
      expect(page.projectCalls.totalCount).toBe(status === "CLOSED" ? 3 : 1);
    }
    // Paged: two at a time, nothing lost or repeated.
    const seen: string[] = [];
    const pageAfter = (after: string | null) => api.ok(CALLS, { first: 2, after });
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const page = await pageAfter(after);
      seen.push(...page.projectCalls.edges.map((e) => e.node.id));
      if (!page.projectCalls.pageInfo.hasNextPage) break;
      after = page.projectCalls.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.projectCalls.edges.map((e) => e.node.id));
    // By theme.
    const theme = await createLaboTheme(api, "Digitalisering");
    await openLaboCall(api, theme);
    const ofTheme = await api.ok(CALLS, { filter: { themeId: theme } });
    expect(ofTheme.projectCalls.totalCount).toBe(1);
    expect(errorOf(await api.exec(CALLS, { first: 101 })).code).toBe("BAD_USER_INPUT");
  });
});

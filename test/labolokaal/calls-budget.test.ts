// LaboLokaal's statement budgets: the themes with their calls, projects (board, expert, counts) and
// collective sessions (boards), and a page of calls with their theme and applications, cost the same
// number of SQL statements with the seeded data as with more themes, calls, projects and sessions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type TestApi } from "../helpers/api.js";
import { type FundingFixture, loadFundingFixture } from "../helpers/funding.js";
import { brusselsDay, createLaboTheme, LABO_CONSULTANT, laboMember, laboThemeId, openLaboCall, startLaboProject } from "../helpers/labolokaal.js";

let api: TestApi;
let fx: FundingFixture;

beforeAll(async () => {
  api = await createTestApi();
  await api.reseed();
  fx = await loadFundingFixture(api, { orgs: ["Workitects", "Excello", "Mondea"], boards: ["Gent", "Brugge", "Lier", "Geel"] });
});

afterAll(async () => api?.close());

const THEMES = graphql(`
  query LaboBudgetThemes {
    themes {
      id name(locale: NL) fundingSource viewerIsMember
      calls { id status support { cents } ownContribution { cents } viewerCanApply }
      projects { id board { name } expert { name(locale: NL) } support { cents } collectiveSessionsAttended coachingSessionsHeld coachingSessions { heldOn } finalReport { experiences } call { id } }
      collectiveSessions { id heldOn expert { name(locale: NL) } boards { name } }
    }
  }
`);

const CALLS = graphql(`
  query LaboBudgetCalls {
    projectCalls(first: 50) {
      totalCount
      edges { node { id status theme { name(locale: NL) } applications { id board { name } project { id expert { name(locale: NL) } } } } }
    }
  }
`);

const RECORD = graphql(`
  mutation LaboBudgetRecord($input: RecordLearningSessionInput!) { recordLearningSession(input: $input) { session { id } } }
`);

async function measure(as: Actor) {
  const themes = await api.exec(THEMES, {}, { as });
  const calls = await api.exec(CALLS, {}, { as });
  expect(themes.errors).toBeUndefined();
  expect(calls.errors).toBeUndefined();
  return {
    themes: themes.statements,
    calls: calls.statements,
    projects: themes.data!.themes.flatMap((t) => t.projects).length,
    applications: calls.data!.projectCalls.edges.flatMap((e) => e.node.applications).length,
  };
}

/** A theme's network: a project per board, a collective session with all of them, a coaching session each. */
async function network(theme: string, boards: string[], experts: string[]) {
  const call = await openLaboCall(api, theme);
  const projects = [];
  for (const [i, board] of boards.entries()) projects.push(await startLaboProject(api, { theme, call, board, expert: experts[i % experts.length]! }));
  await api.ok(RECORD, { input: { kind: "COLLECTIVE", themeId: theme, heldOn: brusselsDay(-1), boardIds: boards } }, { as: LABO_CONSULTANT });
  for (const p of projects) await api.ok(RECORD, { input: { kind: "COACHING", projectId: p.projectId, heldOn: brusselsDay(-1) } }, { as: LABO_CONSULTANT });
}

describe("LaboLokaal's statement budgets", () => {
  it("are the same for the seeded themes and calls as for more of them, for a consultant and a board member", async () => {
    const member = laboMember(fx.boards.Gent!);
    await network(await laboThemeId(api, "Employer branding"), [fx.boards.Gent!], [fx.orgs.Workitects!]);
    const small = { consultant: await measure(LABO_CONSULTANT), member: await measure(member) };
    expect(small.consultant.projects).toBe(1);

    await network(await laboThemeId(api, "Combinatiejobs"), [fx.boards.Brugge!, fx.boards.Lier!, fx.boards.Geel!], [fx.orgs.Excello!, fx.orgs.Mondea!]);
    await network(await createLaboTheme(api, "Digitalisering"), [fx.boards.Gent!, fx.boards.Brugge!], [fx.orgs.Workitects!, fx.orgs.Excello!]);
    const large = { consultant: await measure(LABO_CONSULTANT), member: await measure(member) };
    expect(large.consultant.projects).toBe(6);
    expect(large.consultant.applications).toBe(6);
    // Bounded, not per row: a loader asked at several depths (organisations for experts of
    // projects and of sessions, boards for projects and sessions) batches once per depth it is
    // asked at, and on a networked database which of those asks share a tick varies from run to
    // run by a statement. Six projects instead of one would add at least 5 statements per field
    // read row by row.
    for (const who of ["consultant", "member"] as const) {
      expect(large[who].themes, `${who} themes`).toBeLessThanOrEqual(small[who].themes + 2);
      expect(large[who].calls, `${who} calls`).toBeLessThanOrEqual(small[who].calls + 2);
      expect(small[who].themes, who).toBeLessThanOrEqual(16);
    }
  });
});

// Issue 13's "done when", as one story on the seeded data: one query lists every programme with its
// phases and status; a talent and a company each get ranked matches with their reasons; a mentor
// registers without an account, confirms their address by the link in the mail, and is confirmed
// by the project; the project logs its activities and reads its statistics.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type TestApi } from "../helpers/api.js";
import { rowId } from "../helpers/funding.js";
import { readMails } from "../helpers/mail.js";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await api.reseed();
});
afterAll(() => api.close());

const PROGRAMMES = graphql(`
  query JourneyProgrammes {
    programmes {
      slug kind title(locale: NL) status
      phases { position title(locale: NL) status }
      strategicGoals { declaredCount missing goals { position } }
      milestones { reachedOn }
      projectStaff { count atLeast }
    }
  }
`);
const MATCHES = graphql(`
  query JourneyMatches($talent: TalentProfileInput, $company: CompanyProfileInput) {
    mentoringMatches(forTalent: $talent, forCompany: $company, first: 5) { rank score project { id name } reasons { criterion explanation points } }
  }
`);
const ORGANISATION = graphql(`
  query JourneyMentoringOrganisation { organisations(first: 5, filter: { search: "YouthStart" }) { edges { node { id name(locale: NL) } } } }
`);
const CREATE_PROJECT = graphql(`
  mutation JourneyCreateMentoringProject($input: CreateMentoringProjectInput!) {
    createMentoringProject(input: $input) { project { id name confirmedMentorCount organisation { id } } }
  }
`);
const REGISTER = graphql(`
  mutation JourneyRegisterAsMentor($input: RegisterAsMentorInput!) { registerAsMentor(input: $input) { status confirmBefore project { id } } }
`);
const CONFIRM_EMAIL = graphql(`
  mutation JourneyConfirmMentorEmail($token: String!) { confirmMentorEmail(token: $token) { status } }
`);
const REGISTRATIONS = graphql(`
  query JourneyMentorRegistrations($id: ID!) {
    node(id: $id) { ... on MentoringProject { confirmedMentorCount registrations { edges { node { id name email status emailConfirmedAt } } } } }
  }
`);
const DECIDE = graphql(`
  mutation JourneyDecideMentor($input: DecideMentorRegistrationInput!) { decideMentorRegistration(input: $input) { registration { status decidedAt } } }
`);
const LOG = graphql(`
  mutation JourneyLogActivity($input: LogMentoringActivityInput!) { logMentoringActivity(input: $input) { activity { id kind count } } }
`);
const STATISTICS = graphql(`
  query JourneyStatistics($id: ID!) {
    node(id: $id) {
      ... on MentoringProject {
        activities { totalCount }
        statistics(period: QUARTER, from: "2025-01-01", to: "2025-06-30") { periodStart periodEnd sessions matches outcomes outcomesByKind { outcome count } }
      }
    }
  }
`);

describe("programmes and mentoring, as the issue's done-when describes", () => {
  it("lists every programme with its phases and status in one query", async () => {
    const { programmes } = await api.ok(PROGRAMMES);
    expect(programmes.map((p) => p.slug).sort()).toEqual(["addendum-2023-2025", "decent-work-for-all", "labolokaal", "modern-hr-beleid"]);
    const modernHr = programmes.find((p) => p.slug === "modern-hr-beleid")!;
    expect(modernHr).toMatchObject({ kind: "KEY_PROJECT", status: "ONGOING", projectStaff: { count: 200, atLeast: true } });
    expect(modernHr.phases.map((p) => [p.position, p.status])).toEqual([
      [1, "COMPLETED"],
      [2, "COMPLETED"],
      [3, "ONGOING"],
    ]);
    // Five goals declared by the source, none listed in it: none invented.
    expect(modernHr.strategicGoals).toEqual({ declaredCount: 5, missing: 5, goals: [] });
    expect(modernHr.milestones.map((m) => m.reachedOn)).toEqual(["2011-04-07", "2012-12-13", "2013-01-11"]);
  });

  it("ranks projects for a talent and for a company, with reasons", async () => {
    const talent = await api.ok(MATCHES, { talent: { region: "ANTWERP", languages: ["nl"], targetGroups: ["NEWCOMERS"] } });
    const company = await api.ok(MATCHES, { company: { regions: ["BRUSSELS"], sectors: ["ict"], languages: ["fr"] } });
    for (const { mentoringMatches } of [talent, company]) {
      expect(mentoringMatches.length).toBeGreaterThan(0);
      expect(mentoringMatches.map((m) => m.rank)).toEqual(mentoringMatches.map((_, i) => i + 1));
      const scores = mentoringMatches.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const match of mentoringMatches) {
        expect(match.reasons.length).toBeGreaterThan(0);
        expect(match.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(match.score);
      }
    }
    // Asked twice, the same answer: the ranking is deterministic.
    expect(await api.ok(MATCHES, { talent: { region: "ANTWERP", languages: ["nl"], targetGroups: ["NEWCOMERS"] } })).toEqual(talent);
  });

  it("registers a mentor who confirms by the mailed link and is confirmed by the project, which logs its activities and reads its statistics", async () => {
    // A consultant adds YouthStart's mentoring project to the directory; YouthStart's staff run it.
    const youthStart = (await api.ok(ORGANISATION)).organisations.edges.find((e) => e.node.name === "YouthStart")!.node;
    const { createMentoringProject } = await api.ok(
      CREATE_PROJECT,
      { input: { name: "YouthStart mentoring", organisationId: youthStart.id, regions: ["ANTWERP"], languages: ["nl", "fr"], targetGroups: ["YOUNG_PEOPLE"], capacity: 20 } },
      { as: { role: "CONSULTANT", sub: "c1" } },
    );
    const project = createMentoringProject.project;
    const staff: Actor = { role: "PARTNER", sub: "project-staff", org: rowId(youthStart.id) };

    const receipt = await api.ok(
      REGISTER,
      { input: { projectId: project.id, name: "Mira Mentor", email: "mira@example.org", languages: ["nl"], regions: ["ANTWERP"] } },
      { clientAddress: "198.51.100.7" },
    );
    expect(receipt.registerAsMentor).toMatchObject({ status: "PENDING", project: { id: project.id } });

    // The mail (an .eml file locally) holds the signed link; following it confirms the address.
    const [mail] = readMails(join(api.dataDir, "mail"));
    expect(mail?.to).toContain("mira@example.org");
    expect((await api.ok(CONFIRM_EMAIL, { token: mail!.confirm })).confirmMentorEmail.status).toBe("PENDING");

    // The project sees its mentor's contact details, and confirms them.
    const before = await api.ok(REGISTRATIONS, { id: project.id }, { as: staff });
    const registration = (before.node as { registrations: { edges: { node: { id: string; email: string | null; emailConfirmedAt: string | null } }[] } }).registrations.edges[0]!
      .node;
    expect(registration).toMatchObject({ email: "mira@example.org", emailConfirmedAt: expect.anything() });
    expect((await api.ok(DECIDE, { input: { id: registration.id, decision: "CONFIRM" } }, { as: staff })).decideMentorRegistration.registration.status).toBe("CONFIRMED");
    const after = await api.ok(REGISTRATIONS, { id: project.id }, { as: staff });
    expect((after.node as { confirmedMentorCount: number }).confirmedMentorCount).toBe(project.confirmedMentorCount + 1);

    // The project logs what it did, and reads it back per quarter.
    const log = (input: { kind: "SESSION" | "MATCH" | "OUTCOME"; occurredOn: string; count: number; outcome?: "JOB" }) =>
      api.ok(LOG, { input: { projectId: project.id, ...input } }, { as: staff });
    await log({ kind: "SESSION", occurredOn: "2025-02-10", count: 4 });
    await log({ kind: "MATCH", occurredOn: "2025-03-31", count: 2 });
    await log({ kind: "SESSION", occurredOn: "2025-04-01", count: 3 });
    await log({ kind: "OUTCOME", occurredOn: "2025-05-20", count: 1, outcome: "JOB" });
    const statistics = await api.ok(STATISTICS, { id: project.id }, { as: staff });
    const node = statistics.node as { activities: { totalCount: number }; statistics: unknown[] };
    expect(node.activities.totalCount).toBe(4);
    expect(node.statistics).toEqual([
      { periodStart: "2025-01-01", periodEnd: "2025-03-31", sessions: 4, matches: 2, outcomes: 0, outcomesByKind: [] },
      { periodStart: "2025-04-01", periodEnd: "2025-06-30", sessions: 3, matches: 0, outcomes: 1, outcomesByKind: [{ outcome: "JOB", count: 1 }] },
    ]);
  });
});

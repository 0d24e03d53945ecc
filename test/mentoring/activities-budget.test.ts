// The follow-up's statement budget: a page of mentoring projects with their activities and their
// statistics (in two ranges at once) costs the same number of SQL statements with two projects
// of the organisation as with twelve that logged more activities and confirmed more mentors.
import { beforeAll, describe, expect, it } from "vitest";
import { mentoringActivities, mentoringProjects, mentorRegistrations } from "../../db/schema/mentoring.js";
import { organisations } from "../../db/schema/organisations.js";
import { seedDatabase } from "../../db/seed/index.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, type TestApi } from "../helpers/api.js";
import { CONSULTANT } from "../helpers/campaigns.js";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  return () => api.close();
});

const PAGE = graphql(`
  query BudgetMentoringFollowUp {
    mentoringProjects(first: 100, filter: { search: "Budget follow-up" }) {
      totalCount
      edges {
        node {
          id name
          activities(first: 5) { totalCount edges { node { id kind count outcome occurredOn loggedAt project { id } } } }
          months: statistics(period: MONTH, from: "2024-01-01", to: "2024-12-31") { periodStart sessions matches outcomes outcomesByKind { outcome count } mentorsConfirmed }
          years: statistics(period: YEAR, from: "2020-01-01", to: "2024-12-31") { periodStart sessions mentorsConfirmed }
        }
      }
    }
  }
`);

async function addProjects(from: number, to: number, organisationId: string): Promise<void> {
  const db = api.database.db;
  for (let i = from; i < to; i++) {
    const [project] = await db
      .insert(mentoringProjects)
      .values({ name: `Budget follow-up ${i}`, organisationId })
      .returning();
    const projectId = project!.id;
    await db
      .insert(mentoringActivities)
      .values([
        { projectId, kind: "SESSION", occurredOn: `2024-0${(i % 9) + 1}-10`, count: i + 1 },
        { projectId, kind: "MATCH", occurredOn: "2024-05-05", count: 2 },
        { projectId, kind: "OUTCOME", occurredOn: "2023-11-30", count: 1, outcome: "JOB" },
        ...(i % 2 ? [{ projectId, kind: "OUTCOME" as const, occurredOn: "2024-12-31", count: 3, outcome: "INTERNSHIP" as const }] : []),
      ]);
    await db.insert(mentorRegistrations).values({
      projectId,
      status: "CONFIRMED",
      name: `Mentor ${i}`,
      email: `budget${i}@example.org`,
      emailConfirmedAt: new Date("2024-01-01T00:00:00Z"),
      decidedAt: new Date("2024-02-01T10:00:00Z"),
    });
  }
}

describe("the follow-up's statement budget", () => {
  it("is the same for a page of two projects as for twelve", async () => {
    const [org] = await api.database.db.select({ id: organisations.id }).from(organisations).limit(1);
    await addProjects(0, 2, org!.id);
    const small = await api.exec(PAGE, {}, { as: CONSULTANT });
    expect(small.errors).toBeUndefined();
    expect(small.data!.mentoringProjects.edges).toHaveLength(2);
    await addProjects(2, 12, org!.id);
    const large = await api.exec(PAGE, {}, { as: CONSULTANT });
    expect(large.errors).toBeUndefined();
    expect(large.data!.mentoringProjects.edges).toHaveLength(12);
    const years = large.data!.mentoringProjects.edges.map((e) => e.node.years.find((y) => y.periodStart === "2024-01-01")!.mentorsConfirmed);
    expect(years).toEqual(Array(12).fill(1));
    expect(large.statements).toBe(small.statements);
    // The page, its count, the activities and their count, and two statements per statistics range.
    expect(small.statements).toBeLessThanOrEqual(10);
  });
});

// The registrations' statement budget: an admin's page of mentoring projects with each project's
// mentors (a page of registrations with their total) costs the same number of SQL statements with
// two projects as with twelve that have more mentors: the pages are asked once for the whole page.
import { beforeAll, describe, expect, it } from "vitest";
import { mentoringProjects, mentorRegistrations } from "../../db/schema/mentoring.js";
import { organisations } from "../../db/schema/organisations.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, type TestApi } from "../helpers/api.js";
import { ADMIN } from "../helpers/campaigns.js";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await api.reseed();
  return () => api.close();
});

const PAGE = graphql(`
  query BudgetMentorRegistrations {
    mentoringProjects(first: 100, filter: { search: "Budget mentors" }) {
      totalCount
      edges {
        node {
          id name confirmedMentorCount
          registrations(first: 3) { totalCount pageInfo { hasNextPage } edges { node { id status email project { id } } } }
          pending: registrations(first: 3, status: PENDING) { totalCount edges { node { id } } }
        }
      }
    }
  }
`);

async function addProjects(from: number, to: number, organisationId: string): Promise<void> {
  for (let i = from; i < to; i++) {
    const [project] = await api.database.db
      .insert(mentoringProjects)
      .values({ name: `Budget mentors ${i}`, organisationId })
      .returning();
    await api.database.db.insert(mentorRegistrations).values(
      Array.from({ length: 1 + (i % 5) }, (_, j) => ({
        projectId: project!.id,
        status: j % 2 ? ("PENDING" as const) : ("CONFIRMED" as const),
        name: `Mentor ${i}.${j}`,
        email: `budget${i}.${j}@example.org`,
        emailConfirmedAt: new Date("2024-01-01T00:00:00Z"),
        decidedAt: j % 2 ? null : new Date("2024-02-01T10:00:00Z"),
      })),
    );
  }
}

describe("an admin's page of projects with their mentors", () => {
  it("costs the same number of statements with 2 projects as with 12", async () => {
    const [organisation] = await api.database.db.select().from(organisations).limit(1);
    await addProjects(0, 2, organisation!.id);
    const small = await api.exec(PAGE, {}, { as: ADMIN });
    expect(small.errors).toBeUndefined();
    expect(small.data?.mentoringProjects.totalCount).toBe(2);

    await addProjects(2, 12, organisation!.id);
    const large = await api.exec(PAGE, {}, { as: ADMIN });
    expect(large.errors).toBeUndefined();
    expect(large.data?.mentoringProjects.totalCount).toBe(12);
    // Each project's page holds at most 3 of its mentors and says whether there are more.
    const sizes = large.data!.mentoringProjects.edges.map((e) => e.node.registrations.edges.length);
    expect(Math.max(...sizes)).toBe(3);
    expect(large.data!.mentoringProjects.edges.some((e) => e.node.registrations.pageInfo.hasNextPage)).toBe(true);
    expect(large.statements).toBe(small.statements);
  });
});

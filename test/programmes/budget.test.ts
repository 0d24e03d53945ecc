// The programme list's statement budget: every programme with its phases, status, goals,
// principles, milestones, steering group, projects, owner and funding agreement costs the same
// number of SQL statements with the four seeded programmes as with ten more that have phases,
// goals, principles, milestones, steering members and projects of their own.
import { beforeAll, describe, expect, it } from "vitest";
import { organisations } from "../../db/schema/organisations.js";
import { programmeGoals, programmeMilestones, programmePhases, programmePrinciples, programmeProjects, programmeSteeringMembers, programmes } from "../../db/schema/programmes.js";
import { seedDatabase } from "../../db/seed/index.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, type TestApi } from "../helpers/api.js";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  return () => api.close();
});

const EVERYTHING = graphql(`
  query BudgetProgrammes {
    programmes {
      id slug kind title status startsOn endsOn
      owner { name }
      vision { text source year }
      strategicGoals { declaredCount missing goals { id position title } }
      principles
      phases { id position title status }
      milestones { id reachedOn title }
      steeringGroup { description members { role organisation { id name } } }
      projects { id title sponsor staffCount status }
      projectStaff { count atLeast }
      fundingAgreement { id title }
    }
  }
`);

describe("the programme list's statement budget", () => {
  it("is the same for the four seeded programmes as for fourteen with nested rows", async () => {
    const small = await api.exec(EVERYTHING);
    expect(small.errors).toBeUndefined();
    expect(small.data!.programmes).toHaveLength(4);

    const db = api.database.db;
    const orgs = await db.select({ id: organisations.id }).from(organisations).limit(5);
    for (let i = 0; i < 10; i++) {
      const [p] = await db
        .insert(programmes)
        .values({ slug: `budget-${i}`, kind: "KEY_PROJECT", title: { nl: `Budget ${i}` }, ownerId: orgs[i % orgs.length]!.id, declaredGoalCount: 3, vision: { nl: "Visie" } })
        .returning();
      const programmeId = p!.id;
      await db.insert(programmePhases).values([1, 2, 3].map((position) => ({ programmeId, position, title: { nl: `Fase ${position}` }, status: "PLANNED" as const })));
      await db.insert(programmeGoals).values([1, 2].map((position) => ({ programmeId, position, title: { nl: `Doel ${position}` } })));
      await db.insert(programmePrinciples).values([1, 2].map((position) => ({ programmeId, position, text: { nl: `Principe ${position}` } })));
      await db.insert(programmeMilestones).values({ programmeId, reachedOn: "2020-01-01", title: { nl: "Mijlpaal" } });
      await db.insert(programmeSteeringMembers).values(orgs.slice(0, 2).map((o) => ({ programmeId, organisationId: o.id })));
      await db.insert(programmeProjects).values([1, 2].map((n) => ({ programmeId, title: { nl: `Project ${n}` }, sponsor: "leidend ambtenaar", staffCount: 10 })));
    }
    const large = await api.exec(EVERYTHING);
    expect(large.errors).toBeUndefined();
    expect(large.data!.programmes).toHaveLength(14);
    expect(large.data!.programmes.flatMap((p) => p.projects)).toHaveLength(20);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(12);
  });
});

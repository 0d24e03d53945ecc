// The mentoring module's statement budgets: the directory page with each project's organisation
// and charter, the trainings with their company and partners, the charter with its signatories,
// events and initiatives, and a ranked match list with each project's organisation, each cost the
// same number of SQL statements on the seeded directory as with many more projects, trainings and
// partners.
import { beforeAll, describe, expect, it } from "vitest";
import { charters, mentoringProjects, onTheJobTrainingPartners, onTheJobTrainings } from "../../db/schema/mentoring.js";
import { organisations } from "../../db/schema/organisations.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type TestApi } from "../helpers/api.js";
import { partnerOf } from "../helpers/campaigns.js";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await api.reseed();
  return () => api.close();
});

// One operation per list: root fields run side by side, and which of their loaders' asks share a
// tick varies on PostgreSQL by a statement from run to run; within one list it does not.
const PROJECTS = graphql(`
  query MentoringBudgetProjects {
    mentoringProjects(first: 100) {
      totalCount
      edges { node { id name organisation { name(locale: NL) } charter { title(locale: NL) signatories { role } } viewerCanManage } }
    }
  }
`);

const TRAININGS = graphql(`
  query MentoringBudgetTrainings {
    onTheJobTrainings(first: 100) {
      totalCount
      edges { node { title(locale: NL) company { name(locale: NL) } partners { role organisation { name(locale: NL) } } } }
    }
  }
`);

const CHARTERS = graphql(`
  query MentoringBudgetCharters {
    charters {
      title(locale: NL)
      signatories { organisation { name(locale: NL) } role }
      events { day month }
      initiatives { name organisation { id } charter { id } }
    }
  }
`);

const MATCHES = graphql(`
  query MentoringBudgetMatches {
    mentoringMatches(forCompany: { regions: [ANTWERP, BRUSSELS], sectors: ["ict", "retail"] }, first: 50) {
      rank score project { name organisation { name(locale: NL) } charter { id } } reasons { criterion points }
    }
  }
`);

describe("the directory's statement budget", () => {
  it("is the same with 12 projects and 4 trainings as with 70 projects and 33 trainings, anonymous and as a partner", async () => {
    const db = api.database.db;
    const orgs = await db.select({ id: organisations.id }).from(organisations).limit(12);
    const partner = partnerOf(orgs[0]!.id);
    const measure = async (as?: Actor) => {
      const options = as ? { as } : {};
      const projects = await api.exec(PROJECTS, {}, options);
      const trainings = await api.exec(TRAININGS, {}, options);
      const charterPage = await api.exec(CHARTERS, {}, options);
      const matches = await api.exec(MATCHES, {}, options);
      for (const result of [projects, trainings, charterPage, matches]) expect(result.errors).toBeUndefined();
      return {
        statements: [projects.statements, trainings.statements, charterPage.statements, matches.statements],
        projects: projects.data!.mentoringProjects.edges.length,
        trainings: trainings.data!.onTheJobTrainings.edges.length,
        matches: matches.data!.mentoringMatches.length,
      };
    };
    // Every kind of row at both sizes (a project with an organisation in the charter and matching
    // the company, a training with partners), so the two sizes differ in rows only.
    const [charter] = await db.select({ id: charters.id }).from(charters);
    const addProjects = (n: number, from: number) =>
      db.insert(mentoringProjects).values(
        Array.from({ length: n }, (_, k) => {
          const i = from + k;
          return {
            name: `Budget project ${String(i).padStart(2, "0")}`,
            organisationId: orgs[i % orgs.length]!.id,
            charterId: i % 3 === 0 ? charter!.id : null,
            regions: [i % 2 === 0 ? ("ANTWERP" as const) : ("BRUSSELS" as const)],
            languages: ["nl", "fr"],
            sectors: [i % 2 === 0 ? "ict" : "retail"],
            capacity: 5,
          };
        }),
      );
    const addTrainings = async (n: number, from: number) => {
      const trainings = await db
        .insert(onTheJobTrainings)
        .values(Array.from({ length: n }, (_, k) => ({ title: { nl: `Budget training ${from + k}` }, companyId: orgs[(from + k) % orgs.length]!.id, jobProfile: "Profiel" })))
        .returning({ id: onTheJobTrainings.id });
      await db.insert(onTheJobTrainingPartners).values(
        trainings.flatMap((t, i) => [
          { trainingId: t.id, organisationId: orgs[(from + i + 1) % orgs.length]!.id, role: "SOCIAL" as const },
          { trainingId: t.id, organisationId: orgs[(from + i + 2) % orgs.length]!.id, role: "PUBLIC" as const },
        ]),
      );
    };
    await addProjects(2, 0);
    await addTrainings(1, 0);
    const small = { anonymous: await measure(), partner: await measure(partner) };
    expect(small.anonymous.projects).toBe(12);
    expect(small.anonymous.trainings).toBe(4);

    await addProjects(58, 2);
    await addTrainings(29, 1);
    const large = { anonymous: await measure(), partner: await measure(partner) };
    expect(large.anonymous.projects).toBe(70);
    expect(large.anonymous.trainings).toBe(33);
    expect(large.anonymous.matches).toBe(50);
    expect(small.anonymous.matches).toBeLessThan(50);
    expect(large.anonymous.statements).toEqual(small.anonymous.statements);
    expect(large.partner.statements).toEqual(small.partner.statements);
    // A sanity bound: each list is a handful of statements, not one per row.
    for (const n of large.anonymous.statements) expect(n).toBeLessThanOrEqual(6);
  });
});

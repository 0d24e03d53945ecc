// The charter "Decent Work for All" (seed 004) as the public reads it through the API: signed in
// December of a year the source does not give by about fifty, the signatories it names (Accenture
// as initiator), the Change Lab of 14 September without a year, and the two initiatives it names
// with nothing the source does not say. The example projects and trainings are marked as such.
import { beforeAll, describe, expect, it } from "vitest";
import { DECENT_WORK_FOR_ALL, EXAMPLE_PROJECTS, EXAMPLE_TRAININGS, SIGNATORIES } from "../../db/seed/mentoring.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, type TestApi } from "../helpers/api.js";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await api.reseed();
  return () => api.close();
});

const CHARTERS = graphql(`
  query MentoringSeedCharters {
    charters {
      id
      title(locale: NL)
      description(locale: EN)
      signedMonth
      signedYear
      approximateSignatoryCount
      contact
      signatories { organisation { name(locale: NL) kind } role }
      events { title(locale: NL) day month year }
      initiatives {
        name organisation { id } charter { title(locale: NL) } description(locale: NL) regions targetGroups languages sectors format capacity
        contactEmail contactPhone website acceptsMentors example
      }
    }
  }
`);

const DIRECTORY = graphql(`
  query MentoringSeedDirectory {
    mentoringProjects(first: 100) { totalCount edges { node { name example contactEmail website charter { id } } } }
    onTheJobTrainings(first: 100) {
      totalCount
      edges { node { title(locale: NL) example contactEmail company { name(locale: NL) } partners { organisation { name(locale: NL) } role } } }
    }
  }
`);

describe("the seeded charter Decent Work for All", () => {
  it("is signed in December of an unknown year by about fifty, and names its signatories by name", async () => {
    const { charters } = await api.ok(CHARTERS);
    expect(charters).toHaveLength(1);
    const charter = charters[0]!;
    expect(charter.title).toBe("Decent Work for All");
    expect(charter.signedMonth).toBe(12);
    expect(charter.signedYear).toBeNull();
    expect(charter.approximateSignatoryCount).toBe(50);
    expect(charter.contact).toBeNull();
    expect(charter.description).toContain("fifty");

    const names = charter.signatories.map((s) => s.organisation.name);
    expect(names).toHaveLength(SIGNATORIES.length);
    // By name; "microStart" is left out of the check, since where a lower-case initial sorts depends on the collation.
    const upper = names.filter((n) => n !== "microStart");
    expect(upper).toEqual([...upper].sort());
    for (const expected of [
      "Accenture",
      "Iris Group",
      "Engie",
      "Randstad",
      "Securex",
      "IBM",
      "Proximus",
      "IKEA",
      "VDAB",
      "Actiris",
      "Agentschap Integratie en Inburgering",
      "YouthStart",
      "Ashoka",
      "Koning Boudewijnstichting",
      "VBO",
      "microStart",
      "The Shift",
    ])
      expect(names).toContain(expected);
    expect(charter.signatories.filter((s) => s.role !== null)).toEqual([{ organisation: { name: "Accenture", kind: "COMPANY" }, role: "initiatiefnemer" }]);
    // The signatories no other seed had are added with the kind they are.
    for (const company of ["Iris Group", "Engie", "IBM", "Proximus", "IKEA"])
      expect(charter.signatories.find((s) => s.organisation.name === company)?.organisation.kind).toBe("COMPANY");
  });

  it("has the Change Lab of 14 September, with no year", async () => {
    const { charters } = await api.ok(CHARTERS);
    expect(charters[0]!.events).toEqual([{ title: "Change Lab 'Decent Work for All'", day: 14, month: 9, year: null }]);
  });

  it("names Discover Your Talent and Rising You(th) as its initiatives, with nothing the source does not say", async () => {
    const { charters } = await api.ok(CHARTERS);
    const initiatives = charters[0]!.initiatives;
    expect(initiatives.map((i) => i.name)).toEqual([...DECENT_WORK_FOR_ALL.initiatives]);
    for (const initiative of initiatives) {
      expect(initiative).toMatchObject({
        organisation: null,
        charter: { title: "Decent Work for All" },
        description: null,
        regions: [],
        targetGroups: [],
        languages: [],
        sectors: [],
        format: null,
        capacity: null,
        contactEmail: null,
        contactPhone: null,
        website: null,
        example: false,
      });
    }
  });

  it("lists the example projects and trainings marked as examples, with example.org contacts only", async () => {
    const { mentoringProjects, onTheJobTrainings } = await api.ok(DIRECTORY);
    expect(mentoringProjects.totalCount).toBe(2 + EXAMPLE_PROJECTS.length);
    const examples = mentoringProjects.edges.map((e) => e.node).filter((p) => p.example);
    expect(examples).toHaveLength(EXAMPLE_PROJECTS.length);
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const p of examples) {
      expect(p.contactEmail).toMatch(/@example\.org$/);
      expect(p.website).toMatch(/^https:\/\/example\.org\//);
      expect(p.charter).toBeNull();
    }
    expect(onTheJobTrainings.totalCount).toBe(EXAMPLE_TRAININGS.length);
    for (const { node } of onTheJobTrainings.edges) {
      expect(node.example).toBe(true);
      expect(node.contactEmail).toMatch(/@example\.org$/);
      expect(node.partners.map((p) => p.role).sort()).toEqual(["PUBLIC", "SOCIAL"]);
    }
    expect(onTheJobTrainings.edges.map((e) => e.node.company.name).sort()).toEqual(EXAMPLE_TRAININGS.map((t) => t.company).sort());
  });
});

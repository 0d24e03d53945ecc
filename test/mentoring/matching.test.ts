// Matching talents and companies with mentoring projects: the pure ranking of matching.ts (its
// weights, its exclusions, its order and, as properties over any projects and profile, that it is
// sorted, deterministic, within 0-100 and that the reasons add up to the score), and
// mentoringMatches through the API on the seeded directory, with its input rules.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type MatchableProject, type MatchProfile, type Region, rankProjects, type TargetGroup, WEIGHTS } from "../../schema/mentoring/matching.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";

const project = (over: Partial<MatchableProject> & { id: string; name: string }): MatchableProject => ({
  regions: [],
  targetGroups: [],
  languages: ["nl"],
  sectors: [],
  capacity: null,
  acceptsMentors: true,
  ...over,
});

const talent = (over: Partial<Extract<MatchProfile, { talent: unknown }>["talent"]> = {}): MatchProfile => ({
  talent: { region: "ANTWERP", targetGroups: [], languages: ["nl"], sector: null, ...over },
});

describe("rankProjects (pure)", () => {
  it("gives region 40, target group 25, language 20 and sector 15 points, with the reasons in words", () => {
    const [match] = rankProjects(
      [project({ id: "1", name: "A", regions: ["ANTWERP", "LIMBURG"], targetGroups: ["NEWCOMERS", "WOMEN"], languages: ["nl", "fr"], sectors: ["ict"], capacity: 5 })],
      talent({ targetGroups: ["NEWCOMERS"], languages: ["fr", "nl"], sector: "ict" }),
      10,
    );
    expect(WEIGHTS.REGION + WEIGHTS.TARGET_GROUP + WEIGHTS.LANGUAGE + WEIGHTS.SECTOR).toBe(100);
    expect(match).toEqual({
      rank: 1,
      score: 100,
      project: expect.objectContaining({ id: "1" }),
      reasons: [
        { criterion: "REGION", explanation: "works in Antwerp", points: 40 },
        { criterion: "TARGET_GROUP", explanation: "for newcomers", points: 25 },
        { criterion: "LANGUAGE", explanation: "in Dutch and French", points: 20 },
        { criterion: "SECTOR", explanation: "sector ict", points: 15 },
        { criterion: "CAPACITY", explanation: "takes up to 5 mentees at once", points: 0 },
      ],
    });
  });

  it("excludes for a talent a project sharing no language, or one that names none, and a full one; keeps one not taking mentors", () => {
    const ranked = rankProjects(
      [
        project({ id: "1", name: "French only", regions: ["ANTWERP"], languages: ["fr"] }),
        project({ id: "2", name: "No language said", regions: ["ANTWERP"], languages: [] }),
        project({ id: "3", name: "Full", regions: ["ANTWERP"], capacity: 0 }),
        project({ id: "4", name: "Closed to mentors", regions: ["ANTWERP"], acceptsMentors: false }),
      ],
      talent(),
      10,
    );
    expect(ranked.map((m) => m.project.name)).toEqual(["Closed to mentors"]);
  });

  it("excludes for a company a project not taking mentors, keeps a full one, and scores its overlaps", () => {
    const ranked = rankProjects(
      [
        project({ id: "1", name: "Closed", regions: ["BRUSSELS"], acceptsMentors: false }),
        project({ id: "2", name: "Full", regions: ["BRUSSELS"], sectors: ["ict"], capacity: 0 }),
        project({ id: "3", name: "Elsewhere", regions: ["NAMUR"], languages: ["fr"] }),
      ],
      { company: { regions: ["BRUSSELS", "ANTWERP"], sectors: ["ict", "finance"], languages: [], targetGroups: [] } },
      10,
    );
    expect(ranked.map((m) => [m.project.name, m.score])).toEqual([["Full", 55]]);
    expect(ranked[0]!.reasons.map((r) => r.explanation)).toEqual(["works in Brussels", "sector ict"]);
  });

  it("orders equal scores by name, then id, and ranks from 1 up to first", () => {
    const ranked = rankProjects(
      [
        project({ id: "b", name: "Same", regions: ["ANTWERP"] }),
        project({ id: "a", name: "Same", regions: ["ANTWERP"] }),
        project({ id: "c", name: "Alpha", regions: ["ANTWERP"] }),
        project({ id: "d", name: "Best", regions: ["ANTWERP"], sectors: ["ict"] }),
      ],
      talent({ sector: "ict" }),
      3,
    );
    expect(ranked.map((m) => [m.rank, m.project.id])).toEqual([
      [1, "d"],
      [2, "c"],
      [3, "a"],
    ]);
  });

  const REGIONS: Region[] = ["ANTWERP", "BRUSSELS", "LIEGE", "NAMUR", "LIMBURG"];
  const GROUPS: TargetGroup[] = ["YOUNG_PEOPLE", "NEWCOMERS", "WOMEN"];
  const LANGS = ["nl", "fr", "en", "ar"];
  const SECTORS = ["ict", "care", "retail"];
  const arbProject = fc.record({
    id: fc.uuid(),
    name: fc.constantFrom("A", "B", "C", "Project", "project", "Ä"),
    regions: fc.subarray(REGIONS),
    targetGroups: fc.subarray(GROUPS),
    languages: fc.subarray(LANGS),
    sectors: fc.subarray(SECTORS),
    capacity: fc.option(fc.nat(30), { nil: null }),
    acceptsMentors: fc.boolean(),
  });
  const arbProfile: fc.Arbitrary<MatchProfile> = fc.oneof(
    fc.record({
      talent: fc.record({
        region: fc.constantFrom(...REGIONS),
        targetGroups: fc.subarray(GROUPS),
        languages: fc.subarray(LANGS, { minLength: 1 }),
        sector: fc.option(fc.constantFrom(...SECTORS), { nil: null }),
      }),
    }),
    fc.record({
      company: fc.record({
        regions: fc.subarray(REGIONS, { minLength: 1 }),
        sectors: fc.subarray(SECTORS, { minLength: 1 }),
        languages: fc.subarray(LANGS),
        targetGroups: fc.subarray(GROUPS),
      }),
    }),
  );

  it("is sorted, deterministic whatever the input order, within 0-100, and its reasons add up to the score (properties)", () => {
    fc.assert(
      fc.property(fc.array(arbProject, { maxLength: 25 }), arbProfile, fc.integer({ min: 1, max: 50 }), (projects, profile, first) => {
        const ranked = rankProjects(projects, profile, first);
        expect(ranked.length).toBeLessThanOrEqual(first);
        for (const [i, m] of ranked.entries()) {
          expect(m.rank).toBe(i + 1);
          expect(m.score).toBeGreaterThan(0);
          expect(m.score).toBeLessThanOrEqual(100);
          expect(m.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(m.score);
          const next = ranked[i + 1];
          if (next) {
            const key = (x: typeof m) => [x.project.name, x.project.id] as const;
            expect(m.score > next.score || (m.score === next.score && key(m) <= key(next))).toBe(true);
          }
          if ("talent" in profile) {
            expect(m.project.capacity).not.toBe(0);
            expect(m.project.languages.some((l) => profile.talent.languages.includes(l))).toBe(true);
          } else expect(m.project.acceptsMentors).toBe(true);
        }
        // The same projects in reverse order rank the same.
        expect(rankProjects([...projects].reverse(), profile, first)).toEqual(ranked);
      }),
      { numRuns: 300 },
    );
  });
});

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await api.reseed();
  return () => api.close();
});

const MATCH_TALENT = graphql(`
  query MentoringMatchTalent($talent: TalentProfileInput!, $first: Int) {
    mentoringMatches(forTalent: $talent, first: $first) { rank score project { name languages capacity acceptsMentors example } reasons { criterion explanation points } }
  }
`);

const MATCH_COMPANY = graphql(`
  query MentoringMatchCompany($company: CompanyProfileInput!, $first: Int) {
    mentoringMatches(forCompany: $company, first: $first) { rank score project { name acceptsMentors } reasons { criterion explanation points } }
  }
`);

const MATCH_BOTH = graphql(`
  query MentoringMatchBoth($talent: TalentProfileInput, $company: CompanyProfileInput, $first: Int) {
    mentoringMatches(forTalent: $talent, forCompany: $company, first: $first) { rank }
  }
`);

describe("mentoringMatches through the API", () => {
  it("ranks the seeded projects for a young talent in Antwerp speaking Dutch, best first, with reasons, the same each time", async () => {
    const variables = { talent: { region: "ANTWERP" as const, targetGroups: ["YOUNG_PEOPLE" as const], languages: ["nl"], sector: "retail" } };
    const first = await api.ok(MATCH_TALENT, variables);
    const matches = first.mentoringMatches;
    expect(matches[0]).toMatchObject({ rank: 1, score: 100, project: { name: "Voorbeeld: Jobmentor Antwerpen" } });
    expect(matches[0]!.reasons.map((r) => r.explanation)).toEqual(["works in Antwerp", "for young people", "in Dutch", "sector retail", "takes up to 20 mentees at once"]);
    for (const m of matches) {
      expect(m.project.languages).toContain("nl");
      expect(m.project.capacity).not.toBe(0);
    }
    // The initiatives name no language: a talent cannot be promised a mentor who understands them.
    expect(matches.map((m) => m.project.name)).not.toContain("Discover Your Talent");
    const again = await api.exec(MATCH_TALENT, variables);
    expect(again.data?.mentoringMatches).toEqual(matches);
    // Nothing of the profile is stored: asking writes no row (no audit, no event).
    expect(again.writes).toBe(0);
    // Anyone may ask; nothing of the profile is kept in the logs.
    expect(JSON.stringify(api.logs)).not.toContain("retail");
  });

  it("leaves out a full project for a French-speaking talent in Hainaut, and keeps one not taking mentors for a Turkish speaker in Limburg", async () => {
    const hainaut = await api.ok(MATCH_TALENT, { talent: { region: "HAINAUT", languages: ["fr"], targetGroups: ["PEOPLE_WITH_DISABILITIES"] } });
    expect(hainaut.mentoringMatches.map((m) => m.project.name)).not.toContain("Exemple : Mentorat inclusif Hainaut");
    const limburg = await api.ok(MATCH_TALENT, { talent: { region: "LIMBURG", languages: ["tr"], targetGroups: ["WOMEN"] } });
    expect(limburg.mentoringMatches).toHaveLength(1);
    expect(limburg.mentoringMatches[0]).toMatchObject({ score: 85, project: { name: "Voorbeeld: Vrouwen aan het werk Limburg", acceptsMentors: false } });
  });

  it("ranks projects for an ICT company in Brussels, leaving out those not taking mentors", async () => {
    const { mentoringMatches } = await api.ok(MATCH_COMPANY, { company: { regions: ["BRUSSELS"], sectors: ["ict"], languages: ["en"], targetGroups: ["WOMEN"] } });
    expect(mentoringMatches[0]).toMatchObject({ rank: 1, score: 100, project: { name: "Example: Brussels Tech Mentoring" } });
    expect(mentoringMatches[1]).toMatchObject({ rank: 2, project: { name: "Exemple : Mentorat emploi Bruxelles" } });
    expect(mentoringMatches.every((m) => m.project.acceptsMentors)).toBe(true);
    expect(mentoringMatches.map((m) => m.score)).toEqual([...mentoringMatches.map((m) => m.score)].sort((a, b) => b - a));
  });

  it("limits the list to first", async () => {
    const { mentoringMatches } = await api.ok(MATCH_COMPANY, { company: { regions: ["BRUSSELS", "ANTWERP", "LIEGE"], sectors: ["ict"] }, first: 2 });
    expect(mentoringMatches.map((m) => m.rank)).toEqual([1, 2]);
  });

  it("wants exactly one of forTalent and forCompany", async () => {
    expect(errorOf(await api.exec(MATCH_BOTH, {}))).toMatchObject({ code: "BAD_USER_INPUT", field: "forTalent" });
    const both = await api.exec(MATCH_BOTH, { talent: { region: "ANTWERP", languages: ["nl"] }, company: { regions: ["ANTWERP"], sectors: ["ict"] } });
    expect(errorOf(both)).toMatchObject({ code: "BAD_USER_INPUT", field: "forTalent" });
  });

  it("checks languages as ISO 639-1, sectors as lower-case tags and first from 1 to 50", async () => {
    const bad = async (variables: Record<string, unknown>, field: string) =>
      expect(errorOf(await api.exec(MATCH_BOTH, variables as never))).toMatchObject({ code: "BAD_USER_INPUT", field });
    await bad({ talent: { region: "ANTWERP", languages: ["NL"] } }, "forTalent.languages.0");
    await bad({ talent: { region: "ANTWERP", languages: ["dutch"] } }, "forTalent.languages.0");
    await bad({ talent: { region: "ANTWERP", languages: [] } }, "forTalent.languages");
    await bad({ talent: { region: "ANTWERP", languages: ["nl"], sector: "ICT" } }, "forTalent.sector");
    await bad({ company: { regions: ["ANTWERP"], sectors: ["Retail trade"] } }, "forCompany.sectors.0");
    await bad({ company: { regions: [], sectors: ["ict"] } }, "forCompany.regions");
    await bad({ company: { regions: ["ANTWERP"], sectors: ["ict"], languages: ["xx1"] } }, "forCompany.languages.0");
    await bad({ talent: { region: "ANTWERP", languages: ["nl"] }, first: 0 }, "first");
    await bad({ talent: { region: "ANTWERP", languages: ["nl"] }, first: 51 }, "first");
  });
});

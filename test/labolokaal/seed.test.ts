// The seeded LaboLokaal, from seed 002 and no more: the two VIA-funded themes the source names
// ("Employer branding" and "Combinatiejobs"), each with a call closed since 31 January 2020 with
// EUR 5,000 of support and no own contribution, and no project (the source names none).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LABO_DEADLINE } from "../../db/seed/labolokaal.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, type TestApi } from "../helpers/api.js";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await api.reseed();
});

afterAll(async () => api?.close());

describe("the seeded LaboLokaal", () => {
  it("has the source's two VIA themes, each with its closed call of 31 January 2020 and its terms, and no project", async () => {
    const data = await api.ok(
      graphql(`
        query LaboSeeded {
          themes {
            name(locale: NL) fundingSource
            calls { title(locale: NL) deadline status support { cents currency } ownContribution { cents currency } applications { id } }
            projects { id }
            collectiveSessions { id }
          }
          projects { id }
          projectCalls(filter: { status: CLOSED }) { totalCount }
        }
      `),
    );
    expect(data.themes.map((t) => t.name)).toEqual(["Combinatiejobs", "Employer branding"]);
    for (const theme of data.themes) {
      expect(theme.fundingSource).toBe("VIA");
      expect(theme.calls).toHaveLength(1);
      expect(theme.calls[0]).toMatchObject({
        deadline: LABO_DEADLINE,
        status: "CLOSED",
        support: { cents: 500000, currency: "EUR" },
        ownContribution: { cents: 0, currency: "EUR" },
        applications: [],
      });
      expect(theme.projects).toEqual([]);
      expect(theme.collectiveSessions).toEqual([]);
    }
    expect(data.projects).toEqual([]);
    expect(data.projectCalls.totalCount).toBe(2);
  });
});

// The seeded campaign "Duurzaam werkgeverschap" (seed 000) as the public reads it through the API:
// its partner and focus from the source, its 5 selected boards each on a theme with Mondea, its
// sounding board of every other applicant, its steering group and the sounding board's meeting of
// 31 May 2024 with a pitch of 3 options per selected board. What the source does not name is
// marked as an example.
import { beforeAll, describe, expect, it } from "vitest";
import { DUURZAAM_WERKGEVERSCHAP, SEEDED_CAMPAIGN } from "../../db/seed/campaigns.js";
import { seedDatabase } from "../../db/seed/index.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, type TestApi } from "../helpers/api.js";

let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  return () => api.close();
});

const SEEDED = graphql(`
  query CampaignSeedPublic {
    campaigns(first: 10) {
      totalCount
      edges {
        node {
          id
          title(locale: NL)
          focus(locale: NL)
          partner { name(locale: NL) }
          themes
          selectionSize
          status
          selectedBoards { board { name } theme partner { name(locale: NL) } example }
          soundingBoard { name }
          steeringGroup { board { name } organisation { name(locale: NL) } example }
          meetings { kind heldOn title(locale: NL) pitches { board { name } example options { position kind title(locale: NL) } voteStatus } }
          applications { totalCount }
          results { totalCount }
        }
      }
    }
  }
`);

describe("the seeded campaign", () => {
  it("shows its 5 selected boards, its sounding board and the 31 May 2024 meeting to anyone", async () => {
    const { campaigns } = await api.ok(SEEDED);
    expect(campaigns.totalCount).toBe(1);
    const campaign = campaigns.edges[0]!.node;
    expect(campaign.title).toBe(DUURZAAM_WERKGEVERSCHAP.title.nl);
    expect(campaign.focus).toContain("rechtspositiebesluit");
    expect(campaign.partner?.name).toBe("Mondea");
    expect(campaign.selectionSize).toBe(5);
    expect(campaign.status).toBe("RUNNING");

    expect(campaign.selectedBoards.map((s) => s.board.name)).toEqual([...SEEDED_CAMPAIGN.selectedBoards].sort());
    for (const selected of campaign.selectedBoards) {
      expect(campaign.themes).toContain(selected.theme);
      expect(selected.partner?.name).toBe("Mondea");
      expect(selected.example).toBe(true);
    }
    // One theme per selected board: each trajectory is on its own HR theme.
    expect(new Set(campaign.selectedBoards.map((s) => s.theme)).size).toBe(5);

    expect(campaign.soundingBoard.map((b) => b.name)).toEqual([...SEEDED_CAMPAIGN.soundingBoard].sort());
    expect(campaign.steeringGroup.every((m) => m.example)).toBe(true);
    expect(campaign.steeringGroup.flatMap((m) => (m.board ? [m.board.name] : []))).toEqual([...SEEDED_CAMPAIGN.steeringBoards].sort());
    expect(campaign.steeringGroup.flatMap((m) => (m.organisation ? [m.organisation.name] : []))).toEqual([...SEEDED_CAMPAIGN.steeringOrganisations]);

    expect(campaign.meetings).toHaveLength(1);
    const meeting = campaign.meetings[0]!;
    expect(meeting).toMatchObject({ kind: "SOUNDING_BOARD", heldOn: DUURZAAM_WERKGEVERSCHAP.soundingBoardMeeting });
    expect(meeting.pitches.map((p) => p.board.name)).toEqual([...SEEDED_CAMPAIGN.selectedBoards].sort());
    for (const pitch of meeting.pitches) {
      expect(pitch.example).toBe(true);
      expect(pitch.voteStatus).toBe("OPEN");
      expect(pitch.options.map((o) => o.position)).toEqual([1, 2, 3]);
    }

    // Applications carry scores: the public sees none. No result is seeded: the source does not say which options were chosen.
    expect(campaign.applications.totalCount).toBe(0);
    expect(campaign.results.totalCount).toBe(0);
  });

  it("gives consultants every application, marked as an example", async () => {
    const data = await api.ok(
      graphql(`
        query CampaignSeedApplications {
          campaigns(first: 1) { edges { node { applications(first: 50) { totalCount edges { node { status example motivationScore board { name } } } } } } }
        }
      `),
      {},
      { as: { role: "CONSULTANT", sub: "seed-reader" } },
    );
    const applications = data.campaigns.edges[0]!.node.applications;
    expect(applications.totalCount).toBe(SEEDED_CAMPAIGN.selectedBoards.length + SEEDED_CAMPAIGN.soundingBoard.length);
    expect(applications.edges.every((e) => e.node.example && e.node.motivationScore !== null)).toBe(true);
    expect(applications.edges.filter((e) => e.node.status === "SELECTED")).toHaveLength(5);
    expect(applications.edges.filter((e) => e.node.status === "SOUNDING_BOARD")).toHaveLength(SEEDED_CAMPAIGN.soundingBoard.length);
  });
});

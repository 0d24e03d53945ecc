// Issue 12's "done when", as one story on the seeded data, through the real local server: a
// consultant opens a call on a seeded theme, two boards apply, one is selected and gets its expert,
// its support and its own contribution (charged in the co-financing ledger; a VIA theme asks none);
// its members share a document, discuss it on the forum and read each other's posts, and download
// the same bytes; a member of another theme's board and an anonymous caller see none of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, errorOf, type TestApi } from "../helpers/api.js";
import { loadFundingFixture, rowId } from "../helpers/funding.js";
import { brusselsDay, extendAgreementPastToday, LABO_CONSULTANT, laboThemeId } from "../helpers/labolokaal.js";

let api: TestApi;
let server: LocalServer;

beforeAll(async () => {
  api = await createTestApi();
  await api.reseed();
  server = await startLocalServer(api.app, { port: 0, ping: async () => {}, storage: api.services.storage });
});
afterAll(async () => {
  await server.close();
  await api.close();
});

/** Links are signed for PUBLIC_URL (localhost:4000); this test's server listens elsewhere. */
const local = (url: string) => url.replace("http://localhost:4000", new URL(server.url).origin);

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

const CREATE_THEME = graphql(`
  mutation JourneyLaboTheme($input: CreateThemeInput!) { createTheme(input: $input) { theme { id fundingSource } } }
`);
const OPEN_CALL = graphql(`
  mutation JourneyLaboOpenCall($input: OpenProjectCallInput!) {
    openProjectCall(input: $input) { call { id status support { cents currency } ownContribution { cents currency } } }
  }
`);
const APPLY = graphql(`
  mutation JourneyLaboApply($input: ApplyToCallInput!) { applyToCall(input: $input) { application { id board { name } } } }
`);
const DECIDE = graphql(`
  mutation JourneyLaboDecide($input: DecideApplicationInput!) {
    decideApplication(input: $input) {
      application { id decision }
      project { id board { name } expert { name } support { cents } ownContribution { cents } ownContributionCharge { kind amount { cents } } }
    }
  }
`);
const LEDGER = graphql(`
  query JourneyLaboLedger($agreement: ID!, $board: ID!) {
    node(id: $agreement) { ... on FundingAgreement { coFinancing(boardId: $board) { entries { edges { node { kind type amount { cents } } } } } } }
  }
`);
const REQUEST = graphql(`
  mutation JourneyLaboRequestUpload($input: RequestDocumentUploadInput!) {
    requestDocumentUpload(input: $input) { document { id status } upload { url headers } }
  }
`);
const CONFIRM = graphql(`
  mutation JourneyLaboConfirmUpload($id: ID!) { confirmDocumentUpload(id: $id) { document { id status contentType } } }
`);
const START = graphql(`
  mutation JourneyLaboStartThread($input: StartThreadInput!) { startThread(input: $input) { thread { id } } }
`);
const REPLY = graphql(`
  mutation JourneyLaboReply($input: ReplyInput!) { replyToThread(input: $input) { reply { id } } }
`);
const SPACE = graphql(`
  query JourneyLaboSpace($id: ID!) {
    node(id: $id) {
      ... on Theme {
        viewerIsMember
        space {
          boards { name }
          experts { name }
          documents { totalCount edges { node { id title downloadUrl author { board { name } } } } }
          threads {
            totalCount
            edges { node { id title bodyHtml author { board { name } } replies { edges { node { bodyHtml author { organisation { name } } } } } } }
          }
        }
      }
    }
  }
`);

describe("LaboLokaal from a call to a shared document", () => {
  it("runs as the issue describes, and keeps outsiders out", async () => {
    const funding = await loadFundingFixture(api, { orgs: ["Workitects"], boards: ["Gent", "Brugge", "Leuven"] });
    // The seeded addendum's ledger takes no entry dated today (its period ended): extended for the story.
    await extendAgreementPastToday(api, funding.agreementId);
    const gent: Actor = { role: "BOARD_MEMBER", sub: "gent-1", board: rowId(funding.boards.Gent!) };
    const gentColleague: Actor = { role: "BOARD_MEMBER", sub: "gent-2", board: rowId(funding.boards.Gent!) };
    const brugge: Actor = { role: "BOARD_MEMBER", sub: "brugge-1", board: rowId(funding.boards.Brugge!) };
    const expert: Actor = { role: "EXPERT", sub: "workitects-1", org: rowId(funding.orgs.Workitects!) };

    // An admin adds an addendum-funded theme beside the two seeded VIA themes; a consultant opens a call.
    const { createTheme } = await api.ok(CREATE_THEME, { input: { name: { nl: "Digitale vaardigheden" }, fundingSource: "ADDENDUM" } }, { as: { role: "ADMIN", sub: "a1" } });
    const { openProjectCall } = await api.ok(
      OPEN_CALL,
      {
        input: { themeId: createTheme.theme.id, title: { nl: "Oproep digitale vaardigheden" }, opensOn: brusselsDay(-1), deadline: brusselsDay(30), actionId: funding.actions[1] },
      },
      { as: LABO_CONSULTANT },
    );
    expect(openProjectCall.call).toMatchObject({ status: "OPEN", support: { cents: 500_000, currency: "EUR" }, ownContribution: { cents: 200_000 } });

    // Two boards apply; the second application of the same board is refused.
    const application = { callId: openProjectCall.call.id, motivation: "Wij willen een lokaal labo.", contactName: "Contact", contactEmail: "contact@example.org" };
    const gentApplication = await api.ok(APPLY, { input: { ...application, boardId: funding.boards.Gent! } }, { as: gent });
    const bruggeApplication = await api.ok(APPLY, { input: { ...application, boardId: funding.boards.Brugge! } }, { as: brugge });
    expect(errorOf(await api.exec(APPLY, { input: { ...application, boardId: funding.boards.Gent! } }, { as: gentColleague }))).toMatchObject({ code: "CONFLICT" });

    // Gent is selected with Workitects as its expert: support, own contribution and its ledger charge.
    const { decideApplication } = await api.ok(
      DECIDE,
      { input: { id: gentApplication.applyToCall.application.id, decision: "SELECTED", reason: "Sterk plan", score: 5, expertId: funding.orgs.Workitects! } },
      { as: LABO_CONSULTANT },
    );
    expect(decideApplication.project).toMatchObject({
      board: { name: "Gent" },
      expert: { name: "Workitects" },
      support: { cents: 500_000 },
      ownContribution: { cents: 200_000 },
      ownContributionCharge: { kind: "OWN_CONTRIBUTION", amount: { cents: 200_000 } },
    });
    await api.ok(DECIDE, { input: { id: bruggeApplication.applyToCall.application.id, decision: "NOT_SELECTED", reason: "Volgende ronde", score: 3 } }, { as: LABO_CONSULTANT });
    const ledger = await api.ok(LEDGER, { agreement: funding.agreementId, board: funding.boards.Gent! }, { as: LABO_CONSULTANT });
    const entries = (ledger.node as { coFinancing: { entries: { edges: { node: { kind: string; type: string; amount: { cents: number } } }[] } } }).coFinancing.entries.edges;
    expect(entries.filter((e) => e.node.kind === "OWN_CONTRIBUTION")).toEqual([{ node: { kind: "OWN_CONTRIBUTION", type: "CHARGE", amount: { cents: 200_000 } } }]);

    // A VIA theme asks no own contribution: Leuven's project on a seeded theme, through the same steps.
    const via = await laboThemeId(api, "Combinatiejobs");
    const viaCall = await api.ok(
      OPEN_CALL,
      { input: { themeId: via, title: { nl: "Oproep combinatiejobs" }, opensOn: brusselsDay(-1), deadline: brusselsDay(30) } },
      { as: LABO_CONSULTANT },
    );
    expect(viaCall.openProjectCall.call.ownContribution.cents).toBe(0);
    const leuven: Actor = { role: "BOARD_MEMBER", sub: "leuven-1", board: rowId(funding.boards.Leuven!) };
    const leuvenApplication = await api.ok(APPLY, { input: { ...application, callId: viaCall.openProjectCall.call.id, boardId: funding.boards.Leuven! } }, { as: leuven });
    const viaProject = await api.ok(
      DECIDE,
      { input: { id: leuvenApplication.applyToCall.application.id, decision: "SELECTED", reason: "Zorg en kinderopvang", score: 4, expertId: funding.orgs.Workitects! } },
      { as: LABO_CONSULTANT },
    );
    expect(viaProject.decideApplication.project).toMatchObject({ support: { cents: 500_000 }, ownContribution: { cents: 0 }, ownContributionCharge: null });

    // A member of Gent shares a document: upload link, PUT, confirm (its bytes say PDF).
    const theme = createTheme.theme.id;
    const { requestDocumentUpload } = await api.ok(
      REQUEST,
      { input: { themeId: theme, title: "Plan van aanpak", filename: "plan.pdf", contentType: "application/pdf", sizeBytes: PDF.length } },
      { as: gent },
    );
    const put = await fetch(local(requestDocumentUpload.upload.url), { method: "PUT", headers: requestDocumentUpload.upload.headers as Record<string, string>, body: PDF });
    expect(put.status).toBe(200);
    expect((await api.ok(CONFIRM, { id: requestDocumentUpload.document.id }, { as: gent })).confirmDocumentUpload.document).toMatchObject({
      status: "AVAILABLE",
      contentType: "application/pdf",
    });

    // They discuss it on the forum: Gent opens a thread, the expert replies.
    const { startThread } = await api.ok(START, { input: { themeId: theme, title: "Ons plan", body: "Wat vinden jullie van **ons plan**?" } }, { as: gent });
    await api.ok(REPLY, { input: { threadId: startThread.thread.id, body: "Sterk, zie [de gids](https://example.org/gids)." } }, { as: expert });

    // A colleague of Gent reads both posts and downloads the same bytes.
    const read = await api.ok(SPACE, { id: theme }, { as: gentColleague });
    const space = (read.node as { viewerIsMember: boolean; space: Space }).space;
    expect((read.node as { viewerIsMember: boolean }).viewerIsMember).toBe(true);
    expect(space.boards.map((b) => b.name)).toEqual(["Gent"]);
    expect(space.experts.map((o) => o.name)).toEqual(["Workitects"]);
    expect(space.documents.edges.map((e) => [e.node.title, e.node.author?.board?.name])).toEqual([["Plan van aanpak", "Gent"]]);
    const [thread] = space.threads.edges;
    expect(thread?.node.bodyHtml).toContain("<strong>ons plan</strong>");
    expect(thread?.node.replies.edges[0]?.node.author?.organisation?.name).toBe("Workitects");
    expect(thread?.node.replies.edges[0]?.node.bodyHtml).toContain('rel="nofollow');
    const redirect = await fetch(local(space.documents.edges[0]!.node.downloadUrl!), { redirect: "manual" });
    expect(redirect.status).toBe(302);
    const download = await fetch(local(redirect.headers.get("location")!));
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);

    // Brugge (not selected), a member of another theme's board, and an anonymous caller see none of it.
    expect(errorOf(await api.exec(SPACE, { id: theme }, { as: brugge }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(SPACE, { id: theme }, { as: leuven }))).toMatchObject({ code: "FORBIDDEN" });
    expect(errorOf(await api.exec(SPACE, { id: theme }))).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(errorOf(await api.exec(START, { input: { themeId: theme, title: "Ook wij", body: "Mogen wij meedoen?" } }, { as: brugge }))).toMatchObject({ code: "FORBIDDEN" });
  });
});

interface Space {
  boards: { name: string }[];
  experts: { name: string }[];
  documents: { edges: { node: { id: string; title: string; downloadUrl: string | null; author: { board: { name: string } | null } | null } }[] };
  threads: {
    edges: {
      node: { id: string; bodyHtml: string | null; replies: { edges: { node: { bodyHtml: string | null; author: { organisation: { name: string } | null } | null } }[] } };
    }[];
  };
}

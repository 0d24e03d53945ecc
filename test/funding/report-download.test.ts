// The justification report as a file download over HTTP: the funder and consultants get the
// CSV as an attachment, in the language the request asks for (Dutch unless it asks for French or
// English); everyone else a typed error with the matching status.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../db/seed/index.js";
import { type LocalServer, startLocalServer } from "../../functions/http.js";
import { graphql } from "../graphql/index.js";
import { type Actor, createTestApi, type TestApi, token } from "../helpers/api.js";
import { rowId } from "../helpers/funding.js";

let api: TestApi;
let server: LocalServer;
let url: string;
let funderOrg: string;
let boardId: string;

beforeAll(async () => {
  api = await createTestApi();
  await seedDatabase(api.database, "sources");
  server = await startLocalServer(api.app, { port: 0, ping: async () => void (await api.database.db.execute(sql`select 1`)) });
  const ids = await api.ok(graphql(`query ReportDownloadIds { fundingAgreements { edges { node { id funder { id } } } } boards(first: 1) { edges { node { id } } } }`));
  const agreement = ids.fundingAgreements.edges[0]!.node;
  funderOrg = rowId(agreement.funder.id);
  boardId = rowId(ids.boards.edges[0]!.node.id);
  url = server.url.replace("/graphql", `/reports/funding-agreements/${agreement.id}/justification.csv`);
});
afterAll(async () => {
  await server.close();
  await api.close();
});

async function download(as?: Actor | "CONSULTANT", target = url, acceptLanguage?: string) {
  const headers: Record<string, string> = as ? { authorization: `Bearer ${await token(as)}` } : {};
  if (acceptLanguage) headers["accept-language"] = acceptLanguage;
  return fetch(target, { headers });
}

describe("GET /reports/funding-agreements/{id}/justification.csv", () => {
  it("gives the funder's partner the CSV as an attachment", async () => {
    const response = await download({ role: "PARTNER", org: funderOrg });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="justification-2023-07-01-2025-06-30.csv"');
    const body = await response.text();
    expect(body.split("\r\n")[0]).toMatch(/^sectie,referentie,omschrijving,/);
    // Every text cell is quoted (the header is not: it is ours).
    expect(body).toContain('"afrekening","PAYABLE",');
    expect(body).toContain('"begunstigde",,"VVSG","0451.857.573",');
  });

  it("speaks the language the request asks for", async () => {
    const french = await (await download("CONSULTANT", url, "fr-BE,fr;q=0.9,nl;q=0.8")).text();
    expect(french.split("\r\n")[0]).toMatch(/^section,reference,description,organisation,numero_entreprise,/);
    expect(french).toContain('"décompte","PAYABLE",');
    const english = await (await download("CONSULTANT", url, "en")).text();
    expect(english).toContain('"settlement","PAYABLE",');
    expect(english).toContain("bank account BE10 0910 1156 9604");
    // A language the API does not speak falls back to Dutch.
    expect((await (await download("CONSULTANT", url, "de")).text()).split("\r\n")[0]).toMatch(/^sectie,/);
  });

  it("gives consultants the CSV too", async () => {
    expect((await download("CONSULTANT")).status).toBe(200);
  });

  it("answers 401 without a token, 403 for a board member, 404 for an unknown agreement", async () => {
    const anonymous = await download();
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect((await download({ role: "BOARD_MEMBER", board: boardId })).status).toBe(403);
    const unknown = Buffer.from("FundingAgreement:00000000-0000-4000-8000-000000000000").toString("base64url");
    expect((await download("CONSULTANT", url.replace(/funding-agreements\/[^/]+\//, `funding-agreements/${unknown}/`))).status).toBe(404);
    expect((await download("CONSULTANT", url.replace(/funding-agreements\/[^/]+\//, "funding-agreements/nonsense/"))).status).toBe(404);
  });
});

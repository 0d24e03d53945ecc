// Relay conventions and the N+1 rule: global ids resolve through node/nodes, and a list with
// its fields costs the same, fixed number of SQL statements whatever its length.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boards } from "../../db/schema/boards.js";
import { organisations } from "../../db/schema/organisations.js";
import { fromGlobalId, toGlobalId } from "../../schema/shared/relay.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
  await api.database.db.insert(boards).values(
    Array.from({ length: 60 }, (_, i) => ({
      name: `Gemeente ${String(i).padStart(2, "0")}`,
      kind: "MUNICIPALITY" as const,
      nisCode: String(11000 + i),
      province: "ANTWERP" as const,
      population: 1000 + i,
    })),
  );
  await api.database.db
    .insert(organisations)
    .values(Array.from({ length: 60 }, (_, i) => ({ name: { nl: `Organisatie ${i}`, fr: `Organisation ${i}` }, kind: "COMPANY" as const })));
});
afterAll(() => api.close());

// Every field of a board, for the documents below.
graphql(`fragment RelayBoardFields on Board { id name kind nisCode province population belfiusCluster createdAt updatedAt }`);

describe("global ids", () => {
  it("are opaque, typed and round-trip", () => {
    const id = toGlobalId("Board", "6f1c2d4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f");
    expect(id).not.toContain("Board");
    expect(fromGlobalId(id)).toEqual({ type: "Board", id: "6f1c2d4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f" });
    expect(fromGlobalId("garbage")).toBeNull();
    expect(fromGlobalId(toGlobalId("Board", "not-a-uuid"))).toBeNull();
  });

  it("resolve through node() to the right type, and unknown ids to null", async () => {
    const { boards: list } = await api.ok(
      graphql(`query RelayFirstBoardAndOrganisation { boards(first: 1) { edges { node { id name } } } organisations(first: 1) { edges { node { id } } } }`),
    );
    const boardId = list.edges[0]!.node.id;
    const data = await api.ok(graphql(`query RelayBoardNode($id: ID!) { node(id: $id) { __typename id ... on Board { name } } }`), { id: boardId });
    expect(data.node).toEqual({ __typename: "Board", id: boardId, name: list.edges[0]!.node.name });
    expect((await api.ok(graphql(`query RelayNonsenseNode { node(id: "nonsense") { id } }`))).node).toBeNull();
    const unknownType = toGlobalId("Spaceship", "6f1c2d4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f");
    expect((await api.ok(graphql(`query RelayNodeId($id: ID!) { node(id: $id) { id } }`), { id: unknownType })).node).toBeNull();
  });

  it("hide audit entries from everyone but admins", async () => {
    const created = await api.ok(
      graphql(`mutation RelayCreateBoard { createBoard(input: { name: "Zichtbaar", kind: POLICE_ZONE, province: LIMBURG, population: 5 }) { board { id } } }`),
      {},
      { as: "ADMIN" },
    );
    const log = await api.ok(
      graphql(`query RelayAuditEntries($id: ID!) { auditLog(filter: { entityId: $id }) { edges { node { id } } } }`),
      { id: created.createBoard.board.id },
      { as: "ADMIN" },
    );
    const entryId = log.auditLog.edges[0]!.node.id;
    const query = graphql(`query RelayNodeTypename($id: ID!) { node(id: $id) { __typename id } }`);
    expect((await api.ok(query, { id: entryId }, { as: "ADMIN" })).node).toEqual({ __typename: "AuditEntry", id: entryId });
    expect((await api.ok(query, { id: entryId }, { as: "CONSULTANT" })).node).toBeNull();
    expect((await api.ok(query, { id: entryId })).node).toBeNull();
  });
});

describe("statement budget (no N+1)", () => {
  it("lists 50 boards with every field in the same number of statements as 5", async () => {
    const query = graphql(
      `query RelayBoardsPage($first: Int) { boards(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...RelayBoardFields } } } }`,
    );
    const small = await api.exec(query, { first: 5 });
    const large = await api.exec(query, { first: 50 });
    expect(large.data?.boards.edges).toHaveLength(50);
    // One statement for the page, one for the total.
    expect(large.statements).toBe(2);
    expect(small.statements).toBe(large.statements);
  });

  it("skips the count when totalCount is not asked for", async () => {
    const result = await api.exec(graphql(`query RelayBoardsWithoutTotal { boards(first: 50) { edges { node { ...RelayBoardFields } } } }`));
    expect(result.statements).toBe(1);
  });

  it("lists 50 organisations in their translations in a fixed number of statements", async () => {
    const result = await api.exec(
      graphql(`query RelayOrganisationsPage { organisations(first: 50) { totalCount edges { node { id name(locale: FR) nameTranslations { nl fr en } description kind } } } }`),
    );
    expect(result.data?.organisations.edges).toHaveLength(50);
    expect(result.statements).toBe(2);
  });

  it("resolves 50 node ids of two types in one statement per type", async () => {
    const list = await api.ok(graphql(`query RelayBoardAndOrganisationIds { boards(first: 30) { edges { node { id } } } organisations(first: 20) { edges { node { id } } } }`));
    const ids = [...list.boards.edges, ...list.organisations.edges].map((e) => e.node.id);
    expect(ids).toHaveLength(50);
    const result = await api.exec(graphql(`query RelayNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Board { name } ... on Organisation { name } } }`), { ids });
    expect(result.data?.nodes.map((n) => n?.id)).toEqual(ids);
    expect(result.statements).toBe(2);
  });

  it("refuses more than 100 ids at once", async () => {
    const ids = Array.from({ length: 101 }, () => "x");
    expect(errorOf(await api.exec(graphql(`query RelayNodeIds($ids: [ID!]!) { nodes(ids: $ids) { id } }`), { ids }))).toMatchObject({ code: "BAD_USER_INPUT", field: "ids" });
  });
});

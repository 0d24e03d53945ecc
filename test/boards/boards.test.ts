// Boards through the API: reading with filters and pages, the input rules of createBoard and
// updateBoard, who may write, and the audit row every write leaves.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { BoardsListQuery, CreateBoardInput } from "../graphql/graphql.js";
import { graphql } from "../graphql/index.js";
import { createTestApi, errorOf, type TestApi } from "../helpers/api.js";

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

const CREATE = graphql(`
  mutation BoardsCreate($input: CreateBoardInput!) {
    createBoard(input: $input) { board { id name kind nisCode province population belfiusCluster } }
  }
`);
const UPDATE = graphql(`
  mutation BoardsUpdate($input: UpdateBoardInput!) {
    updateBoard(input: $input) { board { id name kind nisCode province population belfiusCluster } }
  }
`);
const LIST = graphql(`
  query BoardsList($first: Int, $after: String, $filter: BoardFilter) {
    boards(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name nisCode province kind } }
    }
  }
`);

const gent: CreateBoardInput = { name: "Gent", kind: "MUNICIPALITY", nisCode: "44021", province: "EAST_FLANDERS", population: 267000, belfiusCluster: "Grootsteden" };

async function create(input: CreateBoardInput) {
  const data = await api.ok(CREATE, { input }, { as: "CONSULTANT" });
  return data.createBoard.board;
}

describe("createBoard", () => {
  it("creates a board for a consultant and returns it with an opaque id", async () => {
    const board = await create(gent);
    expect(board).toMatchObject({ ...gent });
    expect(board.id).not.toContain("-");
    const read = await api.ok(graphql(`query BoardsRead($id: ID!) { board(id: $id) { name nisCode } }`), { id: board.id });
    expect(read.board).toEqual({ name: "Gent", nisCode: "44021" });
  });

  it("trims the name and refuses a blank one, naming the field", async () => {
    expect((await create({ ...gent, name: "  Gent  " })).name).toBe("Gent");
    const result = await api.exec(CREATE, { input: { ...gent, nisCode: "44022", name: "   " } }, { as: "ADMIN" });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.name" });
    expect(result.errors?.[0]?.message).toContain("must not be empty");
  });

  it.each([
    ["four digits", { nisCode: "4402" }, "input.nisCode", "five digits"],
    ["letters", { nisCode: "4402a" }, "input.nisCode", "five digits"],
    ["a negative population", { population: -1 }, "input.population", "negative"],
    ["a missing NIS code for a municipality", { nisCode: null }, "input.nisCode", "required"],
  ])("refuses %s", async (_label, patch, field, reason) => {
    const result = await api.exec(CREATE, { input: { ...gent, ...patch } }, { as: "ADMIN" });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(result.errors?.[0]?.message).toContain(reason);
    const list = await api.ok(LIST, {});
    expect(list.boards.totalCount).toBe(0);
  });

  it("refuses a population that is not an integer (GraphQL Int)", async () => {
    const result = await api.exec(CREATE, { input: { ...gent, population: 12.5 } }, { as: "ADMIN" });
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("keeps a NIS code to one board, except that a municipality and its OCMW share it", async () => {
    await create(gent);
    const dup = await api.exec(CREATE, { input: { ...gent, name: "Gent bis" } }, { as: "ADMIN" });
    expect(errorOf(dup)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.nisCode" });
    expect(dup.errors?.[0]?.message).not.toMatch(/duplicate key|constraint|insert/i);
    const province = await api.exec(CREATE, { input: { ...gent, name: "Provincie Gent?", kind: "PROVINCE" } }, { as: "ADMIN" });
    expect(errorOf(province)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.nisCode" });
    const ocmw = await create({ ...gent, name: "OCMW Gent", kind: "OCMW", belfiusCluster: null });
    expect(ocmw.nisCode).toBe("44021");
    const secondOcmw = await api.exec(CREATE, { input: { ...gent, name: "OCMW Gent bis", kind: "OCMW" } }, { as: "ADMIN" });
    expect(errorOf(secondOcmw)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.nisCode" });
    expect(secondOcmw.errors?.[0]?.message).toContain("another OCMW");
  });

  it("lets police zones and partnerships go without a NIS code", async () => {
    const zone = await create({ name: "Politiezone Gent", kind: "POLICE_ZONE", province: "EAST_FLANDERS", population: 267000 });
    expect(zone.nisCode).toBeNull();
  });

  it("needs ADMIN or CONSULTANT: anonymous is UNAUTHENTICATED, other roles FORBIDDEN", async () => {
    expect(errorOf(await api.exec(CREATE, { input: gent }))).toMatchObject({ code: "UNAUTHENTICATED" });
    const board = await create(gent);
    const boardId = Buffer.from(board.id, "base64url").toString().split(":")[1];
    for (const actor of [
      { role: "BOARD_MEMBER" as const, board: boardId },
      { role: "PARTNER" as const, org: boardId },
      { role: "EXPERT" as const, org: boardId },
    ]) {
      const result = await api.exec(CREATE, { input: { ...gent, nisCode: "11002" } }, { as: actor });
      expect(errorOf(result).code).toBe("FORBIDDEN");
    }
    expect((await api.ok(LIST, {})).boards.totalCount).toBe(1);
  });

  it("writes an audit row with the actor, the operation and the state after", async () => {
    const board = await create(gent);
    const log = await api.ok(
      graphql(
        `query BoardsAudit($id: ID!) { auditLog(filter: { entityId: $id }) { totalCount edges { node { actorRole actorSubject operation entityType entityId before after at } } } }`,
      ),
      { id: board.id },
      { as: "ADMIN" },
    );
    expect(log.auditLog.totalCount).toBe(1);
    const entry = log.auditLog.edges[0]!.node;
    expect(entry).toMatchObject({ actorRole: "CONSULTANT", actorSubject: "dev-consultant", operation: "createBoard", entityType: "Board", entityId: board.id, before: null });
    expect(entry.after).toMatchObject({ name: "Gent", nisCode: "44021", population: 267000 });
    expect(new Date(entry.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("leaves no audit row and no event when the write is refused", async () => {
    await create(gent);
    await api.exec(CREATE, { input: { ...gent, name: "Gent bis" } }, { as: "ADMIN" });
    const log = await api.ok(graphql(`query BoardsAuditCount { auditLog { totalCount } }`), {}, { as: "ADMIN" });
    expect(log.auditLog.totalCount).toBe(1);
  });
});

describe("updateBoard", () => {
  it("changes only the fields given and audits before and after", async () => {
    const board = await create(gent);
    const updated = (await api.ok(UPDATE, { input: { id: board.id, population: 270000 } }, { as: "ADMIN" })).updateBoard.board;
    expect(updated).toMatchObject({ ...gent, population: 270000 });
    const log = await api.ok(
      graphql(`query BoardsUpdateAudit($id: ID!) { auditLog(filter: { entityId: $id, operation: "updateBoard" }) { edges { node { actorRole before after } } } }`),
      { id: board.id },
      { as: "ADMIN" },
    );
    const entry = log.auditLog.edges[0]!.node;
    expect(entry.actorRole).toBe("ADMIN");
    expect((entry.before as { population: number }).population).toBe(267000);
    expect((entry.after as { population: number }).population).toBe(270000);
  });

  it("clears an optional field with an explicit null", async () => {
    const board = await create(gent);
    const updated = (await api.ok(UPDATE, { input: { id: board.id, belfiusCluster: null } }, { as: "ADMIN" })).updateBoard.board;
    expect(updated.belfiusCluster).toBeNull();
  });

  it("refuses null for a field that cannot be empty, and checks the rules on the result", async () => {
    const board = await create(gent);
    expect(errorOf(await api.exec(UPDATE, { input: { id: board.id, name: null } }, { as: "ADMIN" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.name" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: board.id, nisCode: null } }, { as: "ADMIN" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.nisCode" });
    const zone = await create({ name: "Politiezone Gent", kind: "POLICE_ZONE", province: "EAST_FLANDERS", population: 1 });
    expect(errorOf(await api.exec(UPDATE, { input: { id: zone.id, kind: "MUNICIPALITY" } }, { as: "ADMIN" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.nisCode" });
  });

  it("refuses taking another board's NIS code", async () => {
    await create(gent);
    const brugge = await create({ ...gent, name: "Brugge", nisCode: "31005", province: "WEST_FLANDERS" });
    const result = await api.exec(UPDATE, { input: { id: brugge.id, nisCode: "44021" } }, { as: "ADMIN" });
    expect(errorOf(result)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.nisCode" });
  });

  it("answers NOT_FOUND for an unknown board and BAD_USER_INPUT for an id of another type", async () => {
    const missing = Buffer.from("Board:00000000-0000-4000-8000-000000000000").toString("base64url");
    expect(errorOf(await api.exec(UPDATE, { input: { id: missing, population: 1 } }, { as: "ADMIN" })).code).toBe("NOT_FOUND");
    const org = Buffer.from("Organisation:00000000-0000-4000-8000-000000000000").toString("base64url");
    expect(errorOf(await api.exec(UPDATE, { input: { id: org, population: 1 } }, { as: "ADMIN" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "input.id" });
    expect(errorOf(await api.exec(UPDATE, { input: { id: "nonsense", population: 1 } }, { as: "ADMIN" })).code).toBe("BAD_USER_INPUT");
  });
});

describe("boards", () => {
  beforeEach(async () => {
    await create(gent);
    await create({ ...gent, name: "Brugge", nisCode: "31005", province: "WEST_FLANDERS", belfiusCluster: "Centrumsteden" });
    await create({ ...gent, name: "Kortrijk", nisCode: "34022", province: "WEST_FLANDERS", belfiusCluster: "Centrumsteden" });
    await create({ ...gent, name: "OCMW Gent", kind: "OCMW" });
    await create({ ...gent, name: "100% Test_Stad", nisCode: "99999", province: "LIMBURG" });
  });

  it("lists by name with a total, and filters by province, kind, cluster and search", async () => {
    const all = await api.ok(LIST, {});
    expect(all.boards.totalCount).toBe(5);
    expect(all.boards.edges.map((e) => e.node.name)).toContain("Brugge");
    const west = await api.ok(LIST, { filter: { province: "WEST_FLANDERS" } });
    expect(west.boards.edges.map((e) => e.node.name).sort()).toEqual(["Brugge", "Kortrijk"]);
    expect((await api.ok(LIST, { filter: { kind: "OCMW" } })).boards.totalCount).toBe(1);
    expect((await api.ok(LIST, { filter: { belfiusCluster: "Centrumsteden" } })).boards.totalCount).toBe(2);
    expect((await api.ok(LIST, { filter: { search: "GENT" } })).boards.totalCount).toBe(2);
    expect((await api.ok(LIST, { filter: { search: "310" } })).boards.edges[0]!.node.name).toBe("Brugge");
    // LIKE wildcards in a search are literal text.
    expect((await api.ok(LIST, { filter: { search: "%" } })).boards.totalCount).toBe(1);
    expect((await api.ok(LIST, { filter: { search: "_" } })).boards.totalCount).toBe(1);
    expect((await api.ok(LIST, { filter: { province: "LIMBURG", kind: "OCMW" } })).boards.totalCount).toBe(0);
  });

  it("pages with first/after through every board exactly once", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: BoardsListQuery["boards"] = (await api.ok(LIST, { first: 2, after })).boards;
      seen.push(...page.edges.map((e) => e.node.id));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
  });

  it("refuses more than 100 a page, a negative page, and a forged cursor", async () => {
    expect(errorOf(await api.exec(LIST, { first: 101 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(LIST, { first: -1 }))).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(errorOf(await api.exec(LIST, { after: "bm90LWEtY3Vyc29y" }))).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    expect((await api.ok(LIST, { first: 100 })).boards.edges).toHaveLength(5);
  });

  it("returns null for an unknown board id", async () => {
    const missing = Buffer.from("Board:00000000-0000-4000-8000-000000000000").toString("base64url");
    expect((await api.ok(graphql(`query BoardsReadId($id: ID!) { board(id: $id) { id } }`), { id: missing })).board).toBeNull();
  });
});

// Fixtures of the funding tests: the seeded addendum's ids, looked up through the API as a
// client would, and the id conversions token claims need.
import { expect } from "vitest";
import { graphql } from "../graphql/index.js";
import type { TestApi } from "./api.js";

/** The row uuid behind a global id, for token claims. */
export const rowId = (globalId: string): string => Buffer.from(globalId, "base64url").toString().split(":")[1]!;
export const globalId = (type: string, id: string): string => Buffer.from(`${type}:${id}`).toString("base64url");
export const MISSING_UUID = "00000000-0000-4000-8000-000000000000";

export interface FundingFixture {
  agreementId: string;
  /** Action global ids by action number. */
  actions: Record<number, string>;
  /** Track number of each action number. */
  trackOf: Record<number, number>;
  /** Organisation global ids by Dutch name. */
  orgs: Record<string, string>;
  /** Board global ids by name. */
  boards: Record<string, string>;
}

/** The ids of the one seeded agreement and of the named organisations and boards. */
export async function loadFundingFixture(api: TestApi, names: { orgs: string[]; boards: string[] }): Promise<FundingFixture> {
  const agreements = await api.ok(graphql(`query FixtureAgreement { fundingAgreements { edges { node { id tracks { number actions { id number } } } } } }`));
  expect(agreements.fundingAgreements.edges).toHaveLength(1);
  const agreement = agreements.fundingAgreements.edges[0]!.node;
  const actions: Record<number, string> = {};
  const trackOf: Record<number, number> = {};
  for (const track of agreement.tracks) {
    for (const action of track.actions) {
      actions[action.number] = action.id;
      trackOf[action.number] = track.number;
    }
  }
  expect(Object.keys(actions)).toHaveLength(9);
  const orgs: Record<string, string> = {};
  for (const name of names.orgs) {
    const found = await api.ok(graphql(`query FixtureOrganisations($s: String) { organisations(first: 100, filter: { search: $s }) { edges { node { id name(locale: NL) } } } }`), {
      s: name,
    });
    const match = found.organisations.edges.find((e) => e.node.name === name);
    expect(match, `organisation ${name}`).toBeDefined();
    orgs[name] = match!.node.id;
  }
  const boards: Record<string, string> = {};
  for (const name of names.boards) {
    const found = await api.ok(graphql(`query FixtureBoards($s: String) { boards(first: 100, filter: { search: $s }) { edges { node { id name } } } }`), { s: name });
    const match = found.boards.edges.find((e) => e.node.name === name);
    expect(match, `board ${name}`).toBeDefined();
    boards[name] = match!.node.id;
  }
  return { agreementId: agreement.id, actions, trackOf, orgs, boards };
}

// Fixtures of the LaboLokaal tests, made through the API as a client would: a theme, an open call
// (opened yesterday, deadline in a month, in Brussels), and a project started by a board's
// application and a consultant's selection. Seed the sources profile first (api.reseed()) when a
// test uses the seeded themes or the funding agreement's actions.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { fundingAgreements } from "../../db/schema/funding.js";
import { todayInBrussels } from "../../schema/funding/lifecycle.js";
import { graphql } from "../graphql/index.js";
import type { Actor, TestApi } from "./api.js";
import { rowId } from "./funding.js";

export const LABO_ADMIN: Actor = { role: "ADMIN", sub: "labo-admin" };
export const LABO_CONSULTANT: Actor = { role: "CONSULTANT", sub: "labo-consultant" };
/** A member of a board, by the board's global id. */
export const laboMember = (boardId: string, sub = "m1"): Actor => ({ role: "BOARD_MEMBER", sub, board: rowId(boardId) });
/** An expert of an organisation, by the organisation's global id. */
export const laboExpert = (organisationId: string, sub = "e1"): Actor => ({ role: "EXPERT", sub, org: rowId(organisationId) });

/** A day relative to today in Brussels, as YYYY-MM-DD. */
export function brusselsDay(offsetDays: number): string {
  const today = todayInBrussels();
  const day = new Date(`${today}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offsetDays);
  return day.toISOString().slice(0, 10);
}

const THEMES = graphql(`
  query LaboFixtureThemes {
    themes { id name(locale: NL) fundingSource }
  }
`);

/** The seeded or added theme with this Dutch name: its global id. */
export async function laboThemeId(api: TestApi, name: string): Promise<string> {
  const { themes } = await api.ok(THEMES);
  const theme = themes.find((t) => t.name === name);
  expect(theme, `theme ${name}`).toBeDefined();
  return theme!.id;
}

const CREATE_THEME = graphql(`
  mutation LaboFixtureCreateTheme($input: CreateThemeInput!) {
    createTheme(input: $input) { theme { id } }
  }
`);

/** Adds a theme as an admin: its global id. */
export async function createLaboTheme(api: TestApi, name: string, fundingSource: "ADDENDUM" | "VIA" = "ADDENDUM"): Promise<string> {
  const { createTheme } = await api.ok(CREATE_THEME, { input: { name: { nl: name }, fundingSource } }, { as: LABO_ADMIN });
  return createTheme.theme.id;
}

const OPEN_CALL = graphql(`
  mutation LaboFixtureOpenCall($input: OpenProjectCallInput!) {
    openProjectCall(input: $input) { call { id } }
  }
`);

export interface LaboCallOptions {
  /** The action whose ledger takes own contributions; without it the call asks none (own contribution 0). */
  actionId?: string;
  opensOn?: string;
  deadline?: string;
}

/** Opens a call on the theme as a consultant (opened yesterday, deadline in a month): its global id. */
export async function openLaboCall(api: TestApi, themeId: string, options: LaboCallOptions = {}): Promise<string> {
  const { openProjectCall } = await api.ok(
    OPEN_CALL,
    {
      input: {
        themeId,
        title: { nl: "Projectoproep" },
        opensOn: options.opensOn ?? brusselsDay(-1),
        deadline: options.deadline ?? brusselsDay(30),
        ...(options.actionId ? { actionId: options.actionId } : { ownContribution: { cents: 0, currency: "EUR" } }),
      },
    },
    { as: LABO_CONSULTANT },
  );
  return openProjectCall.call.id;
}

const APPLY = graphql(`
  mutation LaboFixtureApply($input: ApplyToCallInput!) {
    applyToCall(input: $input) { application { id } }
  }
`);

/** The board applies to the call (as its own member): the application's global id. */
export async function applyForBoard(api: TestApi, callId: string, boardId: string): Promise<string> {
  const { applyToCall } = await api.ok(
    APPLY,
    { input: { callId, boardId, motivation: "Wij willen een lokaal labo starten.", contactName: "Contactpersoon", contactEmail: "contact@example.org" } },
    { as: laboMember(boardId) },
  );
  return applyToCall.application.id;
}

const SELECT = graphql(`
  mutation LaboFixtureSelect($input: DecideApplicationInput!) {
    decideApplication(input: $input) { project { id } }
  }
`);

export interface LaboProject {
  /** Global ids. */
  themeId: string;
  callId: string;
  applicationId: string;
  projectId: string;
  boardId: string;
  expertId: string;
  /** Row ids, for token claims. */
  boardRowId: string;
  expertRowId: string;
}

/**
 * A started project through the API: a call opened on the theme (unless `call` is given), the
 * board's application, and a consultant's selection with the expert. All ids are global ids.
 */
export async function startLaboProject(
  api: TestApi,
  { theme, board, expert, call, actionId }: { theme: string; board: string; expert: string; call?: string; actionId?: string },
): Promise<LaboProject> {
  const callId = call ?? (await openLaboCall(api, theme, { actionId }));
  const applicationId = await applyForBoard(api, callId, board);
  const { decideApplication } = await api.ok(
    SELECT,
    { input: { id: applicationId, decision: "SELECTED", reason: "Sterk project", score: 4, expertId: expert } },
    { as: LABO_CONSULTANT },
  );
  return {
    themeId: theme,
    callId,
    applicationId,
    projectId: decideApplication.project!.id,
    boardId: board,
    expertId: expert,
    boardRowId: rowId(board),
    expertRowId: rowId(expert),
  };
}

/**
 * The seeded agreement's period ended before today, so its ledger takes no charge dated today: this
 * moves its end a year after today, for a test that selects on an ADDENDUM theme (direct write: a
 * fixture, not a rule under test).
 */
export async function extendAgreementPastToday(api: TestApi, agreementId: string): Promise<void> {
  await api.database.db
    .update(fundingAgreements)
    .set({ periodEnd: brusselsDay(365) })
    .where(eq(fundingAgreements.id, rowId(agreementId)));
}

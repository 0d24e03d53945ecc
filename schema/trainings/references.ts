// The references a write of the trainings module names, checked to exist: each answers the row id,
// or null when the input leaves the reference out, and a reference to nothing is a BAD_USER_INPUT
// on its field. One place, so a provider, a partner, an expert's organisation, an action and a host
// board are checked alike in every part of the module.
import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { boards } from "../../db/schema/boards.js";
import { actions } from "../../db/schema/funding.js";
import { organisations } from "../../db/schema/organisations.js";
import { badInput } from "../shared/errors.js";
import { expectGlobalId } from "../shared/relay.js";

/** An organisation (a provider, a partner, the expert's organisation), named by `field`. */
export async function organisationOf(tx: Tx, globalId: string | null | undefined, field: string): Promise<string | null> {
  if (globalId == null) return null;
  const id = expectGlobalId(globalId, "Organisation", field);
  const [found] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
  if (!found) throw badInput(field, "is not an organisation");
  return id;
}

/** The action of a funding agreement a record carries out (input.actionId). */
export async function actionOf(tx: Tx, globalId: string | null | undefined): Promise<string | null> {
  if (globalId == null) return null;
  const id = expectGlobalId(globalId, "Action", "input.actionId");
  const [found] = await tx.select({ id: actions.id }).from(actions).where(eq(actions.id, id));
  if (!found) throw badInput("input.actionId", "is not an action of a funding agreement");
  return id;
}

/** The board that hosts a session or a meeting (input.hostBoardId). */
export async function boardOf(tx: Tx, globalId: string | null | undefined): Promise<string | null> {
  if (globalId == null) return null;
  const id = expectGlobalId(globalId, "Board", "input.hostBoardId");
  const [found] = await tx.select({ id: boards.id }).from(boards).where(eq(boards.id, id));
  if (!found) throw badInput("input.hostBoardId", "is not a board");
  return id;
}

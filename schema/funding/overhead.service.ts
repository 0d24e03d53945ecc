// PLACEHOLDER (being written): the consultants' overhead costs, counted within the agreement's ceiling.
import { overheadCosts } from "../../db/schema/funding.js";
import type { Context } from "../shared/context.js";
import { rowsById } from "../shared/loaders.js";
import { can } from "../shared/policy.js";
import { type Agreement, agreementLoader } from "./agreements.service.js";
import { fundingReadFinancials } from "./funding.policy.js";
import type { OverheadView } from "./views.js";

export type OverheadCost = typeof overheadCosts.$inferSelect;
export const overheadCostLoader = (ctx: Context) => rowsById<OverheadCost>(ctx, overheadCosts);

const pending = (name: string): never => {
  throw new Error(`${name} is not built yet`);
};
export const overheadOf = async (_ctx: Context, _agreement: Agreement): Promise<OverheadView> => pending("overheadOf");
export const recordOverheadCost = async (_ctx: Context, _input: unknown): Promise<OverheadCost> => pending("recordOverheadCost");
export const reverseOverheadCost = async (_ctx: Context, _input: unknown): Promise<OverheadCost> => pending("reverseOverheadCost");

/** An overhead cost by row id for node(id): only for those who read its agreement's financials. */
export async function findOverheadCost(ctx: Context, id: string): Promise<OverheadCost | null> {
  const entry = await overheadCostLoader(ctx).load(id);
  if (!entry) return null;
  const agreement = await agreementLoader(ctx).load(entry.agreementId);
  return agreement && (await can(ctx, fundingReadFinancials, agreement)) ? entry : null;
}

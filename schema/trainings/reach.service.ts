// PLACEHOLDER (being written): distinct employees reached, and the metric sources funding needs.
import type { Context } from "../shared/context.js";

/** Distinct employees reached within a period (Brussels days), overall or for one board. */
export interface ReachView {
  start: string;
  end: string;
  boardId: string | null;
}
export const reachOf = async (_ctx: Context, _args: unknown): Promise<ReachView> => {
  throw new Error("reachOf is not built yet");
};

// PLACEHOLDER (being written): closing an agreement with a frozen snapshot, and reopening it.
import type { agreementClosings } from "../../db/schema/funding.js";
import type { Context } from "../shared/context.js";
import type { Locale } from "../shared/i18n.js";
import type { Agreement } from "./agreements.service.js";
import type { SettlementView } from "./views.js";

type Closing = typeof agreementClosings.$inferSelect;
export interface ReportFile {
  filename: string;
  contentType: string;
  content: string;
}
const pending = (name: string): never => {
  throw new Error(`${name} is not built yet`);
};
export const closeAgreement = async (_ctx: Context, _input: { id: string }): Promise<Agreement> => pending("closeAgreement");
export const reopenAgreement = async (_ctx: Context, _input: unknown): Promise<Agreement> => pending("reopenAgreement");
export const closingsOf = async (_ctx: Context, _agreement: Agreement): Promise<Closing[]> => pending("closingsOf");
/** The FINAL settlement frozen by the closing in force, in the context's locale. */
export const frozenSettlement = async (_ctx: Context, _agreement: Agreement): Promise<SettlementView> => pending("frozenSettlement");
/** The justification report: frozen for a closed agreement, built now for an open one. */
export const reportFor = async (_ctx: Context, _agreement: Agreement, _locale: Locale): Promise<ReportFile> => pending("reportFor");

// Placeholder: written by the LaboLokaal storage and documents helper.
import type { Context } from "../shared/context.js";
import type { DocumentConnectionMapper, DocumentMapper, ThemeSpaceMapper } from "./labolokaal.mappers.js";

export async function findDocument(_ctx: Context, _id: string): Promise<DocumentMapper | null> {
  throw new Error("not implemented");
}
/** The space's AVAILABLE documents, newest first (the caller has let the viewer in). */
export async function documentsOf(_ctx: Context, _space: ThemeSpaceMapper, _args: { first?: number | null; after?: string | null }): Promise<DocumentConnectionMapper> {
  throw new Error("not implemented");
}

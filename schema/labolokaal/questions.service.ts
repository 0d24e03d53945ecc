// Placeholder: written by the LaboLokaal forum helper.
import type { Context } from "../shared/context.js";
import type { ContactQuestionMapper } from "./labolokaal.mappers.js";

export async function findContactQuestion(_ctx: Context, _id: string): Promise<ContactQuestionMapper | null> {
  throw new Error("not implemented");
}

// Partner organisations' API keys. (Being built: placeholders with the signatures others call.)
import type { Context } from "../shared/context.js";
import type { ApiKeyMapper } from "./partners.mappers.js";

export async function findApiKey(_ctx: Context, _id: string): Promise<ApiKeyMapper | null> {
  throw new Error("api-keys.service: not built yet");
}

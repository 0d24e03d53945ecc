import { organisationLoader } from "../../organisations/organisations.service.js";
import { toGlobalId } from "../../shared/relay.js";
import type { ApiKeyResolvers } from "./../../types.generated.js";
import { isActive } from "../api-keys.service.js";

export const ApiKey: ApiKeyResolvers = {
  id: (key) => toGlobalId("ApiKey", key.id),
  organisation: async ({ organisationId }, _args, ctx) => {
    const organisation = await organisationLoader(ctx).load(organisationId);
    if (!organisation) throw new Error("API key without its organisation");
    return organisation;
  },
  active: (key) => isActive(key),
};

import { localized } from "../../shared/i18n.js";
import { can } from "../../shared/policy.js";
import { toGlobalId } from "../../shared/relay.js";
import type { OrganisationResolvers } from "./../../types.generated.js";
import { organisationUpdate } from "../organisations.policy.js";

export const Organisation: OrganisationResolvers = {
  id: (organisation) => toGlobalId("Organisation", organisation.id),
  name: localized((row) => row.name),
  nameTranslations: ({ name }) => name,
  description: localized((row) => row.description),
  descriptionTranslations: ({ description }) => description,
  viewerCanUpdate: (_organisation, _args, ctx) => can(ctx, organisationUpdate, undefined),
};

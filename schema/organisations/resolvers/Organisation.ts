import { localeFromEnum, localize } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { OrganisationResolvers } from "./../../types.generated.js";

export const Organisation: OrganisationResolvers = {
  id: (organisation) => toGlobalId("Organisation", organisation.id),
  name: ({ name }, { locale }, ctx) => localize(name, localeFromEnum(locale) ?? ctx.locale),
  nameTranslations: ({ name }) => name,
  description: ({ description }, { locale }, ctx) => localize(description, localeFromEnum(locale) ?? ctx.locale),
  descriptionTranslations: ({ description }) => description,
};

import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { CharterResolvers } from "./../../types.generated.js";
import { eventsOf, initiativesOf, signatoriesOf } from "../directory.service.js";

export const Charter: CharterResolvers = {
  id: (charter) => toGlobalId("Charter", charter.id),
  title: localized((row) => row.title),
  description: localized((row) => row.description),
  signatories: (charter, _args, ctx) => signatoriesOf(ctx, charter),
  events: (charter, _args, ctx) => eventsOf(ctx, charter),
  initiatives: (charter, _args, ctx) => initiativesOf(ctx, charter),
};

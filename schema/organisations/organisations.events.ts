// The organisations module's events: public, like organisations themselves.
import { z } from "zod";
import { defineEvent } from "../shared/events.js";

const organisationFields = z.enum(["name", "kind", "description", "website", "enterpriseNumber"]);
export const ORGANISATION_FIELDS = organisationFields.options;

export const organisationCreated = defineEvent({
  name: "organisation.created",
  version: 1,
  entityType: "Organisation",
  description: "An organisation was added.",
  payload: z.strictObject({ organisationId: z.string(), kind: z.string() }),
  audience: "public",
});

export const organisationUpdated = defineEvent({
  name: "organisation.updated",
  version: 1,
  entityType: "Organisation",
  description: "An organisation's fields changed; `changed` names them.",
  payload: z.strictObject({ organisationId: z.string(), changed: z.array(organisationFields) }),
  audience: "public",
});

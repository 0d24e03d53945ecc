// Who may change organisations. Reading them is public.
import { definePolicy, editors } from "../shared/policy.js";

export const organisationCreate = definePolicy("organisation.create", "Create an organisation", editors);
export const organisationUpdate = definePolicy("organisation.update", "Change an organisation", editors);

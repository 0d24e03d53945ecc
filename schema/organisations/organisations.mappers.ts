import type { organisations } from "../../db/schema/organisations.js";
import type { Connection } from "../shared/relay.js";

export type OrganisationMapper = typeof organisations.$inferSelect;
export type OrganisationConnectionMapper = Connection<OrganisationMapper>;

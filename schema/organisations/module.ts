// The organisations module: the partners, providers, funders and social partners the programmes name.
import { count } from "drizzle-orm";
import { organisations } from "../../db/schema/organisations.js";
import { ORGANISATIONS } from "../../db/seed/data.js";
import { defineModule } from "../shared/module.js";
import { organisationCreated, organisationUpdated } from "./organisations.events.js";
import { organisationCreate, organisationUpdate } from "./organisations.policy.js";
import { organisationLoader } from "./organisations.service.js";

export const organisationsModule = defineModule({
  name: "organisations",
  nodes: { Organisation: (ctx, id) => organisationLoader(ctx).load(id) },
  events: [organisationCreated, organisationUpdated],
  policies: [organisationCreate, organisationUpdate],
  access: [
    { field: "Query.organisations", action: "public" },
    { field: "Query.organisation", action: "public" },
    { field: "Mutation.createOrganisation", action: organisationCreate },
    { field: "Mutation.updateOrganisation", action: organisationUpdate },
  ],
  seed: {
    async sources(database, progress) {
      const [existing] = await database.db.select({ n: count() }).from(organisations);
      if ((existing?.n ?? 0) > 0) return {};
      await database.db.transaction((tx) => tx.insert(organisations).values(ORGANISATIONS));
      progress("organisations", ORGANISATIONS.length, ORGANISATIONS.length);
      return { organisations: ORGANISATIONS.length };
    },
  },
});

// The organisations module: the partners, providers, funders and social partners the programmes name.
import { organisations } from "../../db/schema/organisations.js";
import { defineModule, seedOnce } from "../shared/module.js";
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
  // Seed data is imported when a seed runs: serving requests (a Lambda cold start) never loads it.
  seed: {
    sources: seedOnce(organisations, "organisations", async (tx) => {
      const { ORGANISATIONS } = await import("../../db/seed/data.js");
      await tx.insert(organisations).values(ORGANISATIONS);
      return { organisations: ORGANISATIONS.length };
    }),
  },
});

// The programmes module: every programme the sector runs or follows in one shape (Modern
// HR-beleid from seed 003, the addendum, LaboLokaal, the charter Decent Work for All), with its
// vision, strategic goals, principles, phases, milestones, steering group and projects.
import { programmes } from "../../db/schema/programmes.js";
import { defineModule, seedOnce } from "../shared/module.js";
import { programmeEvents } from "./programmes.events.js";
import { programmeManage } from "./programmes.policy.js";
import { findMilestone, findPhase, findProgramme, findProgrammeProject, findStrategicGoal } from "./programmes.service.js";

export const programmesModule = defineModule({
  name: "programmes",
  nodes: { Programme: findProgramme, StrategicGoal: findStrategicGoal, ProgrammePhase: findPhase, ProgrammeMilestone: findMilestone, ProgrammeProject: findProgrammeProject },
  events: programmeEvents,
  policies: [programmeManage],
  access: [
    { field: "Query.programmes", action: "public" },
    { field: "Query.programme", action: "public" },
    { field: "Mutation.setStrategicGoal", action: programmeManage },
    { field: "Mutation.updateProgrammePhase", action: programmeManage },
  ],
  // Seed data is imported when a seed runs: serving requests (a Lambda cold start) never loads it.
  seed: {
    // Once, after the funding and mentoring modules' seeds: the addendum programme refers to the
    // seeded agreement, the charter programme to the charter's owner.
    sources: seedOnce(programmes, "programmes", async (tx) => (await import("../../db/seed/programmes.js")).seedProgrammes(tx)),
  },
});

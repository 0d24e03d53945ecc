import { organisationLoader } from "../../organisations/organisations.service.js";
import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { MentoringProjectResolvers } from "./../../types.generated.js";
import { activitiesOf, statisticsOf } from "../activities.service.js";
import { charterOf, viewerCanManageProject } from "../directory.service.js";
import { confirmedMentorCount, registrationsOf } from "../registrations.service.js";

export const MentoringProject: MentoringProjectResolvers = {
  id: (project) => toGlobalId("MentoringProject", project.id),
  description: localized((row) => row.description),
  organisation: ({ organisationId }, _args, ctx) => (organisationId ? organisationLoader(ctx).load(organisationId) : null),
  charter: (project, _args, ctx) => charterOf(ctx, project),
  confirmedMentorCount: (project, _args, ctx) => confirmedMentorCount(ctx, project),
  registrations: (project, args, ctx) => registrationsOf(ctx, project, args),
  activities: (project, args, ctx) => activitiesOf(ctx, project, args),
  statistics: (project, args, ctx) => statisticsOf(ctx, project, args),
  viewerCanManage: (project, _args, ctx) => viewerCanManageProject(ctx, project),
};

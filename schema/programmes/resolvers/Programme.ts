import { agreementLoader } from "../../funding/agreements.service.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { localeFromEnum, localize, localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { ProgrammeResolvers } from "./../../types.generated.js";
import { milestonesOf, phasesOf, principlesOf, projectStaffOf, projectsOf, statusOf, steeringGroupOf, strategicGoalsOf, visionOf } from "../programmes.service.js";

export const Programme: ProgrammeResolvers = {
  id: (programme) => toGlobalId("Programme", programme.id),
  title: localized((row) => row.title),
  titleTranslations: ({ title }) => title,
  summary: localized((row) => row.summary),
  partOf: localized((row) => row.partOf),
  owner: ({ ownerId }, _args, ctx) => (ownerId ? organisationLoader(ctx).load(ownerId) : null),
  fundingAgreement: ({ fundingAgreementId }, _args, ctx) => (fundingAgreementId ? agreementLoader(ctx).load(fundingAgreementId) : null),
  status: (programme, _args, ctx) => statusOf(ctx, programme),
  vision: (programme) => visionOf(programme),
  strategicGoals: (programme, _args, ctx) => strategicGoalsOf(ctx, programme),
  principles: async (programme, args, ctx) => (await principlesOf(ctx, programme)).map((text) => localize(text, localeFromEnum(args.locale) ?? ctx.locale)),
  phases: (programme, _args, ctx) => phasesOf(ctx, programme),
  milestones: (programme, _args, ctx) => milestonesOf(ctx, programme),
  steeringGroup: (programme) => steeringGroupOf(programme),
  projects: (programme, _args, ctx) => projectsOf(ctx, programme),
  projectStaff: (programme) => projectStaffOf(programme),
};

import { boardLoader } from "../../boards/boards.service.js";
import { organisationLoader } from "../../organisations/organisations.service.js";
import { toGlobalId } from "../../shared/relay.js";
import type { ContactQuestionResolvers } from "./../../types.generated.js";
import { themeOfQuestion } from "../questions.service.js";

export const ContactQuestion: ContactQuestionResolvers = {
  id: (question) => toGlobalId("ContactQuestion", question.id),
  theme: (question, _args, ctx) => themeOfQuestion(ctx, question),
  board: ({ askerBoardId }, _args, ctx) => (askerBoardId ? boardLoader(ctx).load(askerBoardId) : null),
  organisation: ({ askerOrganisationId }, _args, ctx) => (askerOrganisationId ? organisationLoader(ctx).load(askerOrganisationId) : null),
  askedAt: ({ createdAt }) => createdAt,
};

import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { PitchOptionResolvers } from "./../../types.generated.js";
import { isKept, pitchOfOption, votesOf } from "../votes.service.js";

export const PitchOption: PitchOptionResolvers = {
  id: (option) => toGlobalId("PitchOption", option.id),
  pitch: (option, _args, ctx) => pitchOfOption(ctx, option),
  title: localized((option) => option.title),
  titleTranslations: ({ title }) => title,
  description: localized((option) => option.description),
  votes: (option, _args, ctx) => votesOf(ctx, option),
  kept: (option, _args, ctx) => isKept(ctx, option),
};

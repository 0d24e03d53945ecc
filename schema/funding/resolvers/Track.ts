import { localeFromEnum, localize } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import { actionsOfTrack } from "../agreements.service.js";
import type { TrackResolvers } from "./../../types.generated.js";

export const Track: TrackResolvers = {
  id: (track) => toGlobalId("Track", track.id),
  title: ({ title }, { locale }, ctx) => localize(title, localeFromEnum(locale) ?? ctx.locale),
  titleTranslations: ({ title }) => title,
  description: ({ description }, { locale }, ctx) => localize(description, localeFromEnum(locale) ?? ctx.locale),
  actions: (track, _args, ctx) => actionsOfTrack(ctx).load(track.id),
};

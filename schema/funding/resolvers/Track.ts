import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { TrackResolvers } from "./../../types.generated.js";
import { actionsOfTrack } from "../agreements.service.js";

export const Track: TrackResolvers = {
  id: (track) => toGlobalId("Track", track.id),
  title: localized((row) => row.title),
  titleTranslations: ({ title }) => title,
  description: localized((row) => row.description),
  actions: (track, _args, ctx) => actionsOfTrack(ctx).load(track.id),
};

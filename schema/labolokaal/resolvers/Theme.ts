import { localized } from "../../shared/i18n.js";
import { toGlobalId } from "../../shared/relay.js";
import type { ThemeResolvers } from "./../../types.generated.js";
import { callsOfTheme, collectiveSessionsOfTheme, projectsOfTheme } from "../calls.service.js";
import { isMemberOfTheme } from "../membership.js";
import { spaceOf } from "../space.service.js";

export const Theme: ThemeResolvers = {
  id: (theme) => toGlobalId("Theme", theme.id),
  name: localized((row) => row.name),
  nameTranslations: ({ name }) => name,
  description: localized((row) => row.description),
  calls: (theme, _args, ctx) => callsOfTheme(ctx, theme),
  projects: (theme, _args, ctx) => projectsOfTheme(ctx, theme),
  collectiveSessions: (theme, _args, ctx) => collectiveSessionsOfTheme(ctx, theme),
  space: (theme, _args, ctx) => spaceOf(ctx, theme),
  viewerIsMember: (theme, _args, ctx) => isMemberOfTheme(ctx, theme.id),
};

import type { ThemeSpaceResolvers } from "./../../types.generated.js";
import { documentsOf } from "../documents.service.js";
import { threadsOf } from "../forum.service.js";
import { spaceBoards, spaceExperts } from "../space.service.js";

export const ThemeSpace: ThemeSpaceResolvers = {
  documents: (space, args, ctx) => documentsOf(ctx, space, args),
  threads: (space, args, ctx) => threadsOf(ctx, space, args),
  boards: (space, _args, ctx) => spaceBoards(ctx, space),
  experts: (space, _args, ctx) => spaceExperts(ctx, space),
};

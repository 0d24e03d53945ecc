import { boardLoader } from "../../boards/boards.service.js";
import { can } from "../../shared/policy.js";
import { toGlobalId } from "../../shared/relay.js";
import type { WorktableMeetingResolvers } from "./../../types.generated.js";
import { worktableManage } from "../trainings.policy.js";
import { attendingBoardsOf, worktableGroupLoader } from "../worktables.service.js";

export const WorktableMeeting: WorktableMeetingResolvers = {
  id: (meeting) => toGlobalId("WorktableMeeting", meeting.id),
  group: async ({ groupId }, _args, ctx) => (await worktableGroupLoader(ctx).load(groupId))!,
  date: ({ meetingDate }) => meetingDate,
  hostBoard: ({ hostBoardId }, _args, ctx) => (hostBoardId ? boardLoader(ctx).load(hostBoardId) : null),
  attendingBoards: (meeting, _args, ctx) => attendingBoardsOf(ctx, meeting),
  viewerCanUpdate: (_meeting, _args, ctx) => can(ctx, worktableManage, undefined),
};

import type   { WorktableMeetingResolvers } from './../../types.generated.js';
    export const WorktableMeeting: WorktableMeetingResolvers = {
    /* Implement WorktableMeeting resolver logic here */
        attendingBoards: async (_parent, _arg, _ctx) => { /* WorktableMeeting.attendingBoards resolver is required because WorktableMeeting.attendingBoards exists but WorktableMeetingMapper.attendingBoards does not */ },
        date: async (_parent, _arg, _ctx) => { /* WorktableMeeting.date resolver is required because WorktableMeeting.date exists but WorktableMeetingMapper.date does not */ },
        group: async (_parent, _arg, _ctx) => { /* WorktableMeeting.group resolver is required because WorktableMeeting.group exists but WorktableMeetingMapper.group does not */ },
        hostBoard: async (_parent, _arg, _ctx) => { /* WorktableMeeting.hostBoard resolver is required because WorktableMeeting.hostBoard exists but WorktableMeetingMapper.hostBoard does not */ },
        viewerCanUpdate: async (_parent, _arg, _ctx) => { /* WorktableMeeting.viewerCanUpdate resolver is required because WorktableMeeting.viewerCanUpdate exists but WorktableMeetingMapper.viewerCanUpdate does not */ }
    };
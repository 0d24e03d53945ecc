import type   { ForumReplyResolvers } from './../../types.generated.js';
    export const ForumReply: ForumReplyResolvers = {
    /* Implement ForumReply resolver logic here */
        author: async (_parent, _arg, _ctx) => { /* ForumReply.author resolver is required because ForumReply.author exists but ForumReplyMapper.author does not */ },
        removed: async (_parent, _arg, _ctx) => { /* ForumReply.removed resolver is required because ForumReply.removed exists but ForumReplyMapper.removed does not */ },
        thread: async (_parent, _arg, _ctx) => { /* ForumReply.thread resolver is required because ForumReply.thread exists but ForumReplyMapper.thread does not */ },
        viewerCanEdit: async (_parent, _arg, _ctx) => { /* ForumReply.viewerCanEdit resolver is required because ForumReply.viewerCanEdit exists but ForumReplyMapper.viewerCanEdit does not */ },
        viewerCanRemove: async (_parent, _arg, _ctx) => { /* ForumReply.viewerCanRemove resolver is required because ForumReply.viewerCanRemove exists but ForumReplyMapper.viewerCanRemove does not */ }
    };
import type   { ForumThreadResolvers } from './../../types.generated.js';
    export const ForumThread: ForumThreadResolvers = {
    /* Implement ForumThread resolver logic here */
        author: async (_parent, _arg, _ctx) => { /* ForumThread.author resolver is required because ForumThread.author exists but ForumThreadMapper.author does not */ },
        removed: async (_parent, _arg, _ctx) => { /* ForumThread.removed resolver is required because ForumThread.removed exists but ForumThreadMapper.removed does not */ },
        replies: async (_parent, _arg, _ctx) => { /* ForumThread.replies resolver is required because ForumThread.replies exists but ForumThreadMapper.replies does not */ },
        theme: async (_parent, _arg, _ctx) => { /* ForumThread.theme resolver is required because ForumThread.theme exists but ForumThreadMapper.theme does not */ },
        viewerCanEdit: async (_parent, _arg, _ctx) => { /* ForumThread.viewerCanEdit resolver is required because ForumThread.viewerCanEdit exists but ForumThreadMapper.viewerCanEdit does not */ },
        viewerCanRemove: async (_parent, _arg, _ctx) => { /* ForumThread.viewerCanRemove resolver is required because ForumThread.viewerCanRemove exists but ForumThreadMapper.viewerCanRemove does not */ }
    };
import type   { DocumentResolvers } from './../../types.generated.js';
    export const Document: DocumentResolvers = {
    /* Implement Document resolver logic here */
        author: async (_parent, _arg, _ctx) => { /* Document.author resolver is required because Document.author exists but DocumentMapper.author does not */ },
        downloadUrl: async (_parent, _arg, _ctx) => { /* Document.downloadUrl resolver is required because Document.downloadUrl exists but DocumentMapper.downloadUrl does not */ },
        theme: async (_parent, _arg, _ctx) => { /* Document.theme resolver is required because Document.theme exists but DocumentMapper.theme does not */ },
        uploadedAt: async (_parent, _arg, _ctx) => { /* Document.uploadedAt resolver is required because Document.uploadedAt exists but DocumentMapper.uploadedAt does not */ },
        viewerCanRemove: async (_parent, _arg, _ctx) => { /* Document.viewerCanRemove resolver is required because Document.viewerCanRemove exists but DocumentMapper.viewerCanRemove does not */ }
    };
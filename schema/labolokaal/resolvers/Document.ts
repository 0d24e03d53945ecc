import { toGlobalId } from "../../shared/relay.js";
import type { DocumentResolvers } from "./../../types.generated.js";
import { documentDownloadUrl, documentTheme, viewerCanRemoveDocument } from "../documents.service.js";
import { authorProfileOf } from "../profiles.service.js";

export const Document: DocumentResolvers = {
  id: (doc) => toGlobalId("Document", doc.id),
  theme: (doc, _args, ctx) => documentTheme(ctx, doc),
  author: (doc, _args, ctx) => authorProfileOf(ctx, { subject: doc.uploadedBy, boardId: doc.uploaderBoardId, organisationId: doc.uploaderOrganisationId }),
  uploadedAt: (doc) => doc.confirmedAt ?? doc.createdAt,
  downloadUrl: (doc, _args, ctx) => documentDownloadUrl(ctx, doc),
  viewerCanRemove: (doc, _args, ctx) => viewerCanRemoveDocument(ctx, doc),
};

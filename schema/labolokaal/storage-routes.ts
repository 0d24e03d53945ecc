// No download routes of this module: the folder store's signed links carry bytes both ways (PUT
// and GET), which the download mechanism (GET, text bodies, a token) does not serve, so the local
// server routes /storage/* to the store itself (functions/http.ts, FolderStore.serve). On AWS the
// links point at S3.
import type { DownloadRoute } from "../shared/module.js";

export const storageRoutes: DownloadRoute[] = [];

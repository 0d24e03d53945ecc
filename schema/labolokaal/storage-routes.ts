// Placeholder: written by the LaboLokaal storage and documents helper (GET routes the local object
// store's signed download links point to, if it serves them through the download mechanism).
import type { DownloadRoute } from "../shared/module.js";

export const storageRoutes: DownloadRoute[] = [];

// Placeholder: written by the mentor registration helper (the signed links' GET routes).
import type { DownloadRoute } from "../shared/module.js";

export const mentorConfirmationRoutes: DownloadRoute[] = [];

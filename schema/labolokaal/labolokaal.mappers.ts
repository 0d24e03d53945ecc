import type { laboApplications, laboDocuments, laboProjects, laboQuestions, laboReplies, laboSessions, laboThemes, laboThreads, projectCalls } from "../../db/schema/labolokaal.js";
import type { Connection } from "../shared/relay.js";

export type ThemeMapper = typeof laboThemes.$inferSelect;
export type ProjectCallMapper = typeof projectCalls.$inferSelect;
export type ProjectCallConnectionMapper = Connection<ProjectCallMapper>;
export type CallApplicationMapper = typeof laboApplications.$inferSelect;
export type ProjectMapper = typeof laboProjects.$inferSelect;
export type LearningSessionMapper = typeof laboSessions.$inferSelect;
export type DocumentMapper = typeof laboDocuments.$inferSelect;
export type DocumentConnectionMapper = Connection<DocumentMapper>;
export type ForumThreadMapper = typeof laboThreads.$inferSelect;
export type ForumThreadConnectionMapper = Connection<ForumThreadMapper>;
export type ForumReplyMapper = typeof laboReplies.$inferSelect;
export type ForumReplyConnectionMapper = Connection<ForumReplyMapper>;
export type ContactQuestionMapper = typeof laboQuestions.$inferSelect;
export type ContactQuestionConnectionMapper = Connection<ContactQuestionMapper>;
/** A theme's space, for a viewer already let in. */
export interface ThemeSpaceMapper {
  theme: ThemeMapper;
}
/** A participant as shown: the profile's name and photo (if any) and their board or organisation. */
export interface ParticipantProfileMapper {
  subject: string;
  displayName: string;
  photoKey: string | null;
  photoContentType: string | null;
  photoAvailable: boolean;
  boardId: string | null;
  organisationId: string | null;
}
/** A project's final report columns, once submitted. */
export interface FinalReportMapper {
  experiences: string;
  recommendations: string;
  submittedAt: Date;
}

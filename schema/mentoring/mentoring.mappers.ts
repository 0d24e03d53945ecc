import type { charterEvents, charters, mentoringActivities, mentoringProjects, mentorRegistrations, onTheJobTrainings } from "../../db/schema/mentoring.js";
import type { Connection } from "../shared/relay.js";

export type CharterMapper = typeof charters.$inferSelect;
export type CharterEventMapper = typeof charterEvents.$inferSelect;
export type MentoringProjectMapper = typeof mentoringProjects.$inferSelect;
export type MentoringProjectConnectionMapper = Connection<MentoringProjectMapper>;
export type MentorRegistrationMapper = typeof mentorRegistrations.$inferSelect;
export type MentorRegistrationConnectionMapper = Connection<MentorRegistrationMapper>;
export type MentoringActivityMapper = typeof mentoringActivities.$inferSelect;
export type MentoringActivityConnectionMapper = Connection<MentoringActivityMapper>;
export type OnTheJobTrainingMapper = typeof onTheJobTrainings.$inferSelect;
export type OnTheJobTrainingConnectionMapper = Connection<OnTheJobTrainingMapper>;
/** A registration as its mentor learns of it: the project, the status, the link's expiry. */
export interface MentorRegistrationReceiptMapper {
  projectId: string;
  status: MentorRegistrationMapper["status"];
  confirmBefore: Date | null;
}
/** A ranked project with its score and reasons (schema/mentoring/matching.ts). */
export interface MentoringMatchMapper {
  rank: number;
  score: number;
  project: MentoringProjectMapper;
  reasons: { criterion: "REGION" | "TARGET_GROUP" | "LANGUAGE" | "SECTOR" | "CAPACITY"; explanation: string; points: number }[];
}

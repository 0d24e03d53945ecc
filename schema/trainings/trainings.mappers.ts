import type {
  communicationFigures,
  learningTools,
  professions,
  trajectories,
  trajectoryParticipations,
  trajectorySessions,
  worktableGroups,
  worktableMeetings,
} from "../../db/schema/programme.js";
import type { employees, enrolments, trainingSessions, trainings } from "../../db/schema/trainings.js";
import type { Connection } from "../shared/relay.js";
import type { ReachView } from "./reach.service.js";

export type TrainingMapper = typeof trainings.$inferSelect;
export type TrainingConnectionMapper = Connection<TrainingMapper>;
export type TrainingSessionMapper = typeof trainingSessions.$inferSelect;
export type TrainingSessionConnectionMapper = Connection<TrainingSessionMapper>;
export type EmployeeMapper = typeof employees.$inferSelect;
export type EmployeeConnectionMapper = Connection<EmployeeMapper>;
export type EnrolmentMapper = typeof enrolments.$inferSelect;
export type ReachMapper = ReachView;

export type TrajectoryMapper = typeof trajectories.$inferSelect;
export type TrajectoryConnectionMapper = Connection<TrajectoryMapper>;
export type TrajectoryParticipationMapper = typeof trajectoryParticipations.$inferSelect;
export type TrajectoryParticipationConnectionMapper = Connection<TrajectoryParticipationMapper>;
export type TrajectorySessionMapper = typeof trajectorySessions.$inferSelect;
export type TrajectorySessionConnectionMapper = Connection<TrajectorySessionMapper>;
export type WorktableGroupMapper = typeof worktableGroups.$inferSelect;
export type WorktableGroupConnectionMapper = Connection<WorktableGroupMapper>;
export type WorktableMeetingMapper = typeof worktableMeetings.$inferSelect;
export type WorktableMeetingConnectionMapper = Connection<WorktableMeetingMapper>;
/** Meetings held within a period (see worktables.service.ts). */
export interface WorktableTallyMapper {
  start: string;
  end: string;
}
export type LearningToolMapper = typeof learningTools.$inferSelect;
export type LearningToolConnectionMapper = Connection<LearningToolMapper>;
export type ProfessionMapper = typeof professions.$inferSelect;
export type ProfessionConnectionMapper = Connection<ProfessionMapper>;
export type CommunicationFigureMapper = typeof communicationFigures.$inferSelect;
export type CommunicationFigureConnectionMapper = Connection<CommunicationFigureMapper>;
/** A period whose channel growth is asked (see communication.service.ts). */
export interface CommunicationReachMapper {
  start: string;
  end: string;
}

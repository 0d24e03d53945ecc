import type { programmeGoals, programmeMilestones, programmePhases, programmeProjects, programmes } from "../../db/schema/programmes.js";

export type ProgrammeMapper = typeof programmes.$inferSelect;
export type StrategicGoalMapper = typeof programmeGoals.$inferSelect;
export type ProgrammePhaseMapper = typeof programmePhases.$inferSelect;
export type ProgrammeMilestoneMapper = typeof programmeMilestones.$inferSelect;
export type ProgrammeProjectMapper = typeof programmeProjects.$inferSelect;
/** The goals of one programme, with its declared count. */
export interface StrategicGoalsMapper {
  declaredCount: number | null;
  goals: StrategicGoalMapper[];
}
/** A programme's vision columns. */
export interface ProgrammeVisionMapper {
  text: ProgrammeMapper["vision"] & object;
  source: string | null;
  year: number | null;
}
/** A programme's steering group: its description and the programme whose members to load. */
export interface ProgrammeSteeringGroupMapper {
  programmeId: string;
  description: ProgrammeMapper["steeringGroup"];
}

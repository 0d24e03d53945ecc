// Placeholder: written by the mentoring follow-up helper.
import type { Context } from "../shared/context.js";
import type { MentoringActivityConnectionMapper, MentoringActivityMapper, MentoringProjectMapper } from "./mentoring.mappers.js";

export interface PeriodStatistics {
  periodStart: string;
  periodEnd: string;
  sessions: number;
  matches: number;
  outcomes: number;
  outcomesByKind: { outcome: "JOB" | "TRAINING" | "INTERNSHIP" | "VOLUNTEERING" | "OTHER"; count: number }[];
  mentorsConfirmed: number;
}

export async function findMentoringActivity(_ctx: Context, _id: string): Promise<MentoringActivityMapper | null> {
  throw new Error("not implemented");
}
/** The project's activities, newest first; FORBIDDEN unless mentoringProjectManage. */
export async function activitiesOf(_ctx: Context, _project: MentoringProjectMapper, _args: { first?: number | null; after?: string | null }): Promise<MentoringActivityConnectionMapper> {
  throw new Error("not implemented");
}
/** The project's statistics per period; FORBIDDEN unless mentoringProjectManage. */
export async function statisticsOf(_ctx: Context, _project: MentoringProjectMapper, _args: { period: "MONTH" | "QUARTER" | "YEAR"; from: string; to: string }): Promise<PeriodStatistics[]> {
  throw new Error("not implemented");
}

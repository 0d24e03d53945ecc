// Who may do what with trainings. The catalogue, sessions with free places and counts are
// public; people (employees, enrolments) are for consultants and admins, a board's own members,
// and the expert who teaches a session, for that session's participants.
import { type ActorOf, definePolicy, editors } from "../shared/policy.js";

/** What the people rules look at: the board an employee belongs to. */
export interface BoardScope {
  boardId: string;
}
/** A session, for the expert who teaches it. */
export interface SessionScope {
  expertOrganisationId: string | null;
  expertSubject: string | null;
}

/** The expert who teaches the session: their subject and organisation are the session's. */
const teachingExpert = {
  describe: "they teach the session",
  when: (actor: ActorOf<"EXPERT">, session: SessionScope) =>
    session.expertSubject !== null && actor.subject === session.expertSubject && actor.organisationId === session.expertOrganisationId,
};

const ownBoard = { describe: "the employee is of their own board", when: (actor: ActorOf<"BOARD_MEMBER">, scope: BoardScope) => actor.boardId === scope.boardId };

export const trainingManage = definePolicy("training.manage", "Create or change trainings and their sessions", editors);
export const employeeRead = definePolicy<BoardScope>(
  "employee.read",
  "See a board's employees and their enrolments",
  { ...editors, BOARD_MEMBER: ownBoard },
  "Only consultants, admins and the board's own members see its employees",
);
export const employeeManage = definePolicy<BoardScope>(
  "employee.manage",
  "Add, change, forget or enrol a board's employees",
  { ...editors, BOARD_MEMBER: ownBoard },
  "Only consultants, admins and the board's own members manage its employees",
);
export const sessionParticipantsRead = definePolicy<SessionScope>(
  "session.readParticipants",
  "See every participant of a session",
  {
    ...editors,
    EXPERT: teachingExpert,
  },
  "Only consultants, admins and the teaching expert see every participant of a session",
);
export const attendanceRecord = definePolicy<SessionScope>(
  "attendance.record",
  "Record who attended a session",
  {
    ...editors,
    EXPERT: teachingExpert,
  },
  "Only consultants, admins and the teaching expert record attendance",
);

// The rest of the programme: trajectories, worktables, the knowledge platform, LokaalWerkt and
// action 9's figures are managed by the sector's consultants and admins; what they hold is public
// (counts and boards, never a person), except a board's fee charge, which follows co-financing.
export const trajectoryManage = definePolicy("trajectory.manage", "Create or change trajectories, their sessions and the boards taking part", editors);
export const worktableManage = definePolicy("worktable.manage", "Create or change worktable groups and their meetings", editors);
export const platformManage = definePolicy("platform.manage", "Create or change learning tools and LokaalWerkt professions", editors);
export const communicationRecord = definePolicy("communication.record", "Enter, correct or remove action 9's communication figures", editors);

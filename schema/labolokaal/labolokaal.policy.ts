// Who may do what in LaboLokaal. Admins keep the themes (at most 8); consultants and admins run the
// calls: they open them, review and decide applications, and record sessions. A board applies for
// itself and sees its own applications and submits its projects' final reports. The theme's
// experts record their sessions. The participants' platform of a theme is for its members (members
// of a participating board, the experts of its projects) and its moderators (consultants, admins).
import { type ActorOf, definePolicy, editors } from "../shared/policy.js";

/** A board's own record: an application, a project. */
export interface BoardScope {
  boardId: string;
}

/** A theme's space as the viewer stands to it: whether they belong (schema/labolokaal/membership.ts). */
export interface SpaceScope {
  themeId: string;
  member: boolean;
}

/** A record in a space with an author: a document, a thread, a reply. */
export interface AuthoredScope extends SpaceScope {
  authorSubject: string;
}

/** A session: the expert organisation that coaches it. */
export interface SessionScope {
  expertIds: readonly string[];
}

/** A contact question: who asked it, for which board or organisation. */
export interface QuestionScope {
  askedBy: string;
  askerBoardId: string | null;
  askerOrganisationId: string | null;
}

const ownBoard = { describe: "the board is their own", when: (actor: ActorOf<"BOARD_MEMBER">, r: BoardScope) => actor.boardId === r.boardId };
const inSpace = { describe: "they belong to the theme's space", when: (_actor: ActorOf<"BOARD_MEMBER" | "EXPERT">, r: SpaceScope) => r.member };
const ownPost = {
  describe: "they wrote it and still belong to the theme's space",
  when: (actor: ActorOf<"BOARD_MEMBER" | "EXPERT">, r: AuthoredScope) => r.member && actor.subject === r.authorSubject,
};

export const themeManage = definePolicy("labo.manageThemes", "Add LaboLokaal themes", { ADMIN: true });

export const callManage = definePolicy("labo.manageCalls", "Open project calls, review and decide applications", editors);

export const callApply = definePolicy<BoardScope>(
  "labo.apply",
  "Apply to a project call for a board",
  { ...editors, BOARD_MEMBER: ownBoard },
  "Only a board's own members, consultants and admins apply for it",
);

export const laboApplicationRead = definePolicy<BoardScope>(
  "labo.readApplication",
  "See a board's application to a project call with its contact person",
  { ...editors, BOARD_MEMBER: ownBoard },
  "Only consultants, admins and the board's own members see its application",
);

export const sessionRecord = definePolicy<SessionScope>(
  "labo.recordSession",
  "Record a learning-network or coaching session",
  {
    ...editors,
    EXPERT: { describe: "their organisation is the session's expert", when: (actor: ActorOf<"EXPERT">, r: SessionScope) => r.expertIds.includes(actor.organisationId) },
  },
  "Only consultants, admins and the theme's or project's expert record its sessions",
);

export const reportSubmit = definePolicy<BoardScope>(
  "labo.submitReport",
  "Submit a project's final report",
  { ADMIN: true, BOARD_MEMBER: ownBoard },
  "Only the project's board (or an admin) submits its final report",
);

export const spaceEnter = definePolicy<SpaceScope>(
  "labo.enterSpace",
  "Enter a theme's participants' space: its documents, forum, members and final reports",
  { ...editors, BOARD_MEMBER: inSpace, EXPERT: inSpace },
  "Only the theme's participants and their coaches enter its space",
);

export const spacePost = definePolicy<SpaceScope>(
  "labo.post",
  "Share a document or post on a theme's forum",
  { ...editors, BOARD_MEMBER: inSpace, EXPERT: inSpace },
  "Only the theme's participants and their coaches share and post in its space",
);

export const postEdit = definePolicy<AuthoredScope>(
  "labo.editPost",
  "Edit a post one wrote",
  // Moderators remove posts (postRemove); nobody rewrites another's words, admins included.
  {
    ADMIN: { describe: "they wrote it", when: (actor: ActorOf<"ADMIN">, r: AuthoredScope) => actor.subject === r.authorSubject },
    CONSULTANT: { describe: "they wrote it", when: (actor: ActorOf<"CONSULTANT">, r: AuthoredScope) => actor.subject === r.authorSubject },
    BOARD_MEMBER: ownPost,
    EXPERT: ownPost,
  },
  "Only its author edits a post",
);

export const uploadConfirm = definePolicy<AuthoredScope>(
  "labo.confirmUpload",
  "Confirm the upload of a document one shared",
  { ...editors, BOARD_MEMBER: ownPost, EXPERT: ownPost },
  "Only its uploader and moderators confirm an upload",
);

export const postRemove = definePolicy<AuthoredScope>(
  "labo.removePost",
  "Remove a document, thread or reply",
  { ...editors, BOARD_MEMBER: ownPost, EXPERT: ownPost },
  "Only its author and moderators remove a post or document",
);

export const profileUpdate = definePolicy(
  "labo.updateProfile",
  "Set one's own platform profile: display name and photo",
  { ...editors, BOARD_MEMBER: true, EXPERT: true },
  "Only participants, coaches and moderators have a platform profile",
);

export const questionAsk = definePolicy(
  "labo.askQuestion",
  "Send a question through the contact form",
  { ...editors, BOARD_MEMBER: true, EXPERT: true },
  "Sign in as a participant to send a question",
);

export const questionRead = definePolicy<QuestionScope>(
  "labo.readQuestion",
  "See a contact question and its answer",
  {
    ...editors,
    BOARD_MEMBER: {
      describe: "they asked it for their board",
      when: (actor: ActorOf<"BOARD_MEMBER">, r: QuestionScope) => actor.subject === r.askedBy && actor.boardId === r.askerBoardId,
    },
    EXPERT: {
      describe: "they asked it for their organisation",
      when: (actor: ActorOf<"EXPERT">, r: QuestionScope) => actor.subject === r.askedBy && actor.organisationId === r.askerOrganisationId,
    },
  },
  "Only the asker, consultants and admins see a question",
);

export const questionAnswer = definePolicy("labo.answerQuestion", "Answer a contact question", editors);

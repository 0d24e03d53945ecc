// Who may do what in the mentoring directory. Consultants and admins keep the directory. A mentoring
// project's own organisation (its PARTNER or EXPERT accounts) runs the project: it edits it, sees and
// decides its mentors' registrations and logs its activities. A mentor's contact details are for
// that project and admins only: consultants keep the directory but do not see who registered.
// A company (PARTNER of it) adds its own on-the-job training initiatives.
import { type ActorOf, definePolicy, editors } from "../shared/policy.js";

/** The organisation that runs a mentoring project, or the company of an on-the-job training. */
export interface ProjectScope {
  organisationId: string | null;
}

const ownOrganisation = {
  describe: "the project is their organisation's",
  when: (actor: ActorOf<"PARTNER" | "EXPERT">, r: ProjectScope) => r.organisationId !== null && actor.organisationId === r.organisationId,
};

export const mentoringDirectoryManage = definePolicy("mentoring.manageDirectory", "Add mentoring projects to the directory", editors);

export const mentoringProjectManage = definePolicy<ProjectScope>(
  "mentoring.manageProject",
  "Change a mentoring project, log its activities and see its follow-up",
  { ...editors, PARTNER: ownOrganisation, EXPERT: ownOrganisation },
  "Only consultants, admins and the project's own organisation run a mentoring project",
);

export const mentorRegistrationRead = definePolicy<ProjectScope>(
  "mentoring.readRegistrations",
  "See and decide the mentors' registrations of a project, with their contact details",
  { ADMIN: true, PARTNER: ownOrganisation, EXPERT: ownOrganisation },
  "Only the project's own organisation and admins see its mentors",
);

export const onTheJobTrainingCreate = definePolicy<ProjectScope>(
  "mentoring.addOnTheJobTraining",
  "Add an on-the-job training initiative for a company",
  { ...editors, PARTNER: { describe: "the company is their organisation", when: (actor: ActorOf<"PARTNER">, r: ProjectScope) => actor.organisationId === r.organisationId } },
  "Only consultants, admins and the company itself add its on-the-job trainings",
);

// Ranking mentoring projects for a talent or a company: a pure function, no database, so the rules
// are tested directly and every run on the same projects and profile gives the same list.
//
// Points per criterion (they add up to 100, the best fit):
//   region 40       the project works where the talent lives / where the company works: being
//                   able to get there matters most;
//   target group 25 the project is for a group the talent belongs to / the company wants to reach;
//   language 20     the project works in a language the talent speaks / the company's mentors speak;
//   sector 15       the project's mentors and companies come from the sector wanted.
// A criterion scores all of its points or none: a partial overlap is still a fit, and a list a
// person can read back ("works in Antwerp") explains itself better than fractions would.
//
// Exclusions: for a talent, a project that shares no language with them (a mentee must understand
// their mentor; a project that names no language cannot promise that) and a project with no room
// (capacity 0). A project not taking mentors now is still listed for a talent, who is a mentee.
// For a company, which brings mentors, a project not taking mentors is left out. A project that
// fits on no criterion (score 0) is no match. Equal scores are ordered by name, then id, by code
// points, so the order does not depend on a collation.

export type Region = "ANTWERP" | "EAST_FLANDERS" | "FLEMISH_BRABANT" | "LIMBURG" | "WEST_FLANDERS" | "BRUSSELS" | "WALLOON_BRABANT" | "HAINAUT" | "LIEGE" | "LUXEMBOURG" | "NAMUR";
export type TargetGroup = "YOUNG_PEOPLE" | "NEWCOMERS" | "LONG_TERM_JOBSEEKERS" | "PEOPLE_WITH_DISABILITIES" | "OLDER_JOBSEEKERS" | "LOW_QUALIFIED" | "WOMEN";
export type Criterion = "REGION" | "TARGET_GROUP" | "LANGUAGE" | "SECTOR" | "CAPACITY";

export const WEIGHTS = { REGION: 40, TARGET_GROUP: 25, LANGUAGE: 20, SECTOR: 15 } as const;

export interface MatchableProject {
  id: string;
  name: string;
  regions: readonly Region[];
  targetGroups: readonly TargetGroup[];
  languages: readonly string[];
  sectors: readonly string[];
  capacity: number | null;
  acceptsMentors: boolean;
}

export interface TalentProfile {
  region: Region;
  targetGroups: readonly TargetGroup[];
  languages: readonly string[];
  sector: string | null;
}

export interface CompanyProfile {
  regions: readonly Region[];
  sectors: readonly string[];
  languages: readonly string[];
  targetGroups: readonly TargetGroup[];
}

export type MatchProfile = { talent: TalentProfile } | { company: CompanyProfile };

export interface MatchReason {
  criterion: Criterion;
  explanation: string;
  points: number;
}

export interface RankedMatch<P extends MatchableProject> {
  rank: number;
  score: number;
  project: P;
  reasons: MatchReason[];
}

const REGION_NAMES: Record<Region, string> = {
  ANTWERP: "Antwerp",
  EAST_FLANDERS: "East Flanders",
  FLEMISH_BRABANT: "Flemish Brabant",
  LIMBURG: "Limburg",
  WEST_FLANDERS: "West Flanders",
  BRUSSELS: "Brussels",
  WALLOON_BRABANT: "Walloon Brabant",
  HAINAUT: "Hainaut",
  LIEGE: "Liège",
  LUXEMBOURG: "Luxembourg",
  NAMUR: "Namur",
};

const GROUP_NAMES: Record<TargetGroup, string> = {
  YOUNG_PEOPLE: "young people",
  NEWCOMERS: "newcomers",
  LONG_TERM_JOBSEEKERS: "long-term jobseekers",
  PEOPLE_WITH_DISABILITIES: "people with disabilities",
  OLDER_JOBSEEKERS: "older jobseekers",
  LOW_QUALIFIED: "people with few qualifications",
  WOMEN: "women",
};

const LANGUAGE_NAMES: Record<string, string> = {
  nl: "Dutch",
  fr: "French",
  en: "English",
  de: "German",
  ar: "Arabic",
  tr: "Turkish",
  es: "Spanish",
  it: "Italian",
  pt: "Portuguese",
  pl: "Polish",
  ro: "Romanian",
  ru: "Russian",
  uk: "Ukrainian",
  fa: "Persian",
  ps: "Pashto",
  so: "Somali",
  ti: "Tigrinya",
  zh: "Chinese",
};

/** "a", "a and b", "a, b and c". */
function words(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** The project's values the profile also has, in the project's order. */
function shared<T>(project: readonly T[], wanted: readonly T[]): T[] {
  const set = new Set(wanted);
  return project.filter((v) => set.has(v));
}

const languageName = (code: string) => LANGUAGE_NAMES[code] ?? code;

/** The reasons a project fits a profile, or null when it is excluded. */
export function reasonsFor(project: MatchableProject, profile: MatchProfile): MatchReason[] | null {
  const reasons: MatchReason[] = [];
  const isTalent = "talent" in profile;
  const regions = isTalent ? [profile.talent.region] : profile.company.regions;
  const groups = isTalent ? profile.talent.targetGroups : profile.company.targetGroups;
  const languages = isTalent ? profile.talent.languages : profile.company.languages;
  const sectors = isTalent ? (profile.talent.sector ? [profile.talent.sector] : []) : profile.company.sectors;

  const sharedLanguages = shared(project.languages, languages);
  if (isTalent) {
    if (sharedLanguages.length === 0 || project.capacity === 0) return null;
  } else if (!project.acceptsMentors) return null;

  const sharedRegions = shared(project.regions, regions);
  if (sharedRegions.length > 0) reasons.push({ criterion: "REGION", explanation: `works in ${words(sharedRegions.map((r) => REGION_NAMES[r]))}`, points: WEIGHTS.REGION });
  const sharedGroups = shared(project.targetGroups, groups);
  if (sharedGroups.length > 0) reasons.push({ criterion: "TARGET_GROUP", explanation: `for ${words(sharedGroups.map((g) => GROUP_NAMES[g]))}`, points: WEIGHTS.TARGET_GROUP });
  if (sharedLanguages.length > 0) reasons.push({ criterion: "LANGUAGE", explanation: `in ${words(sharedLanguages.map(languageName))}`, points: WEIGHTS.LANGUAGE });
  const sharedSectors = shared(project.sectors, sectors);
  if (sharedSectors.length > 0)
    reasons.push({ criterion: "SECTOR", explanation: `${sharedSectors.length > 1 ? "sectors" : "sector"} ${words(sharedSectors)}`, points: WEIGHTS.SECTOR });
  if (reasons.length === 0) return null;
  // Said, not scored: a talent wants to know there is room.
  if (isTalent && project.capacity !== null) reasons.push({ criterion: "CAPACITY", explanation: `takes up to ${project.capacity} mentees at once`, points: 0 });
  return reasons;
}

const byCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The projects that fit the profile, best first, at most `first`, ranked from 1. */
export function rankProjects<P extends MatchableProject>(projects: readonly P[], profile: MatchProfile, first: number): RankedMatch<P>[] {
  const scored: Omit<RankedMatch<P>, "rank">[] = [];
  for (const project of projects) {
    const reasons = reasonsFor(project, profile);
    if (!reasons) continue;
    scored.push({ project, reasons, score: reasons.reduce((sum, r) => sum + r.points, 0) });
  }
  scored.sort((a, b) => b.score - a.score || byCodePoints(a.project.name, b.project.name) || byCodePoints(a.project.id, b.project.id));
  return scored.slice(0, Math.max(0, first)).map((m, i) => ({ rank: i + 1, ...m }));
}

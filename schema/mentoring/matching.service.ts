// mentoringMatches: checks the profile a talent or a company asks with, reads the directory in one
// statement and ranks it with the pure rules of matching.ts. The profile is used for this answer
// only: it is not stored, not logged and not put in an event.
import { z } from "zod";
import { belgianRegion, mentoringProjects, targetGroup } from "../../db/schema/mentoring.js";
import type { Context } from "../shared/context.js";
import { badInput } from "../shared/errors.js";
import { parseInput } from "../shared/fn.js";
import { rowsById } from "../shared/loaders.js";
import { type MatchProfile, rankProjects } from "./matching.js";
import type { MentoringMatchMapper, MentoringProjectMapper } from "./mentoring.mappers.js";

/** An ISO 639-1 code: two lower-case letters ("nl", "fr"). */
export const languageCode = z.string().regex(/^[a-z]{2}$/, "must be an ISO 639-1 code of two lower-case letters, such as nl or fr");
/** A sector tag: lower-case letters, digits and hyphens ("ict", "retail", "health-care"). */
export const sectorTag = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, "must be a lower-case tag of at most 40 letters, digits and hyphens, such as ict or retail");

const region = z.enum(belgianRegion.enumValues);
const groups = z.array(z.enum(targetGroup.enumValues)).max(targetGroup.enumValues.length).nullish();
const languages = z.array(languageCode).max(20, "must name at most 20 languages");

const talent = z.object({
  region,
  targetGroups: groups,
  languages: languages.min(1, "must name at least one language"),
  sector: sectorTag.nullish(),
});

const company = z.object({
  regions: z.array(region).min(1, "must name at least one region").max(belgianRegion.enumValues.length),
  sectors: z.array(sectorTag).min(1, "must name at least one sector").max(20, "must name at most 20 sectors"),
  languages: languages.nullish(),
  targetGroups: groups,
});

const first = z.number().int("must be a whole number").min(1, "must be from 1 to 50").max(50, "must be from 1 to 50");

export interface MatchArgs {
  forTalent?: z.input<typeof talent> | null;
  forCompany?: z.input<typeof company> | null;
  first?: number | null;
}

/** The profile, checked; exactly one of forTalent and forCompany. */
export function matchProfile(args: MatchArgs): { profile: MatchProfile; first: number } {
  if ((args.forTalent == null) === (args.forCompany == null)) throw badInput("forTalent", "give exactly one of forTalent and forCompany");
  const size = parseInput(first, args.first ?? 10, "first");
  if (args.forTalent != null) {
    const t = parseInput(talent, args.forTalent, "forTalent");
    return { first: size, profile: { talent: { region: t.region, targetGroups: t.targetGroups ?? [], languages: t.languages, sector: t.sector ?? null } } };
  }
  const c = parseInput(company, args.forCompany as z.input<typeof company>, "forCompany");
  return { first: size, profile: { company: { regions: c.regions, sectors: c.sectors, languages: c.languages ?? [], targetGroups: c.targetGroups ?? [] } } };
}

export async function mentoringMatches(ctx: Context, args: MatchArgs): Promise<MentoringMatchMapper[]> {
  const { profile, first } = matchProfile(args);
  // The directory is read whole (a few hundred rows at most) in one statement: the ranking needs
  // every project's fit, and the order by name then id is the ranking's own.
  const projects = await ctx.db.select().from(mentoringProjects);
  const loader = rowsById<MentoringProjectMapper>(ctx, mentoringProjects);
  for (const p of projects) loader.prime(p.id, p);
  return rankProjects(projects, profile, first);
}

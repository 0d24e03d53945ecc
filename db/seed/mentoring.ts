// The charter "Decent Work for All" as seed 004 gives it, and no more: signed in December by about
// fifty CEOs with employment organisations (the year is not given: "december vorig jaar"), the
// signatories it names (Accenture as the initiator of the Collective Impact Solutions exploration),
// the Change Lab of 14 September (no year), and the two initiatives of the collective it names,
// Discover Your Talent and Rising You(th), with everything the source does not say left empty.
// The source names people (a minister, two contacts): no person's name is written here.
//
// The source names no mentoring project of its directory and no on-the-job training: the projects
// and trainings further down are EXAMPLES (marked `example`), there to show how the directory, its
// filters and its matching work. Their contact addresses are on example.org.
import { inArray, sql } from "drizzle-orm";
import type { Tx } from "../client.js";
import { charterEvents, charterSignatories, charters, mentoringProjects, onTheJobTrainingPartners, onTheJobTrainings } from "../schema/mentoring.js";
import { organisations } from "../schema/organisations.js";

export const DECENT_WORK_FOR_ALL = {
  title: { nl: "Decent Work for All" },
  description: {
    nl: "Een vijftigtal CEO's namen samen met tewerkstellingsorganisaties een engagement op rond het charter: kwetsbare personen kunnen enkel via samenwerking naar de arbeidsmarkt geleid worden.",
    en: "About fifty CEOs, together with employment organisations, committed to the charter: vulnerable people can only be led to the labour market through cooperation.",
  },
  signedMonth: 12,
  /** "een vijftigtal" */
  approximateSignatoryCount: 50,
  changeLab: {
    title: { nl: "Change Lab 'Decent Work for All'" },
    description: {
      nl: "Alle ondertekenaars van het charter zijn uitgenodigd om het potentieel voor concrete partnerschappen verder af te toetsen.",
      en: "Every signatory of the charter is invited to explore the potential for concrete partnerships.",
    },
    day: 14,
    month: 9,
  },
  initiatives: ["Discover Your Talent", "Rising You(th)"],
} as const;

/** The signatories as the source names them, in its order; Accenture took the initiative. */
export const SIGNATORIES: readonly { name: string; role: string | null }[] = [
  { name: "Accenture", role: "initiatiefnemer" },
  ...[
    "Iris Group",
    "Engie",
    "Randstad",
    "Securex",
    "IBM",
    "Proximus",
    "IKEA",
    "VDAB",
    "Actiris",
    "Agentschap Integratie en Inburgering",
    "YouthStart",
    "Ashoka",
    "Koning Boudewijn Stichting",
    "VBO",
    "microStart",
    "The Shift",
  ].map((name) => ({ name, role: null })),
];

/** Where the organisations seed spells a signatory otherwise than source 004 does. */
const SEEDED_AS: Record<string, string> = { "Koning Boudewijn Stichting": "Koning Boudewijnstichting" };

type Region = (typeof mentoringProjects.$inferInsert)["regions"];
type Groups = (typeof mentoringProjects.$inferInsert)["targetGroups"];

/**
 * Example projects, not from a source: spread over regions, target groups, languages, sectors and
 * formats so the filters and the matching show something. One is full (capacity 0) and one takes
 * no mentors now, so both rules show too.
 */
export const EXAMPLE_PROJECTS: {
  name: string;
  description: string;
  regions: NonNullable<Region>;
  targetGroups: NonNullable<Groups>;
  languages: string[];
  sectors: string[];
  format: "ONE_TO_ONE" | "GROUP" | "ONLINE" | "BLENDED";
  capacity: number;
  acceptsMentors: boolean;
  slug: string;
}[] = [
  {
    name: "Voorbeeld: Jobmentor Antwerpen",
    description: "Een mentor uit een bedrijf begeleidt een jongere een half jaar lang naar een eerste job.",
    regions: ["ANTWERP"],
    targetGroups: ["YOUNG_PEOPLE", "LOW_QUALIFIED"],
    languages: ["nl"],
    sectors: ["retail", "logistics"],
    format: "ONE_TO_ONE",
    capacity: 20,
    acceptsMentors: true,
    slug: "jobmentor-antwerpen",
  },
  {
    name: "Voorbeeld: Mentoring voor nieuwkomers Gent",
    description: "Groepsmentoring voor nieuwkomers die werk zoeken in de zorg of de horeca.",
    regions: ["EAST_FLANDERS"],
    targetGroups: ["NEWCOMERS"],
    languages: ["nl", "en", "ar"],
    sectors: ["care", "hospitality"],
    format: "GROUP",
    capacity: 30,
    acceptsMentors: true,
    slug: "nieuwkomers-gent",
  },
  {
    name: "Exemple : Mentorat emploi Bruxelles",
    description: "Des mentors d'entreprises accompagnent des chercheurs d'emploi vers l'informatique et la finance.",
    regions: ["BRUSSELS"],
    targetGroups: ["NEWCOMERS", "LONG_TERM_JOBSEEKERS"],
    languages: ["fr", "nl", "en"],
    sectors: ["ict", "finance"],
    format: "BLENDED",
    capacity: 40,
    acceptsMentors: true,
    slug: "mentorat-bruxelles",
  },
  {
    name: "Exemple : Mentorat jeunes Liège-Namur",
    description: "Un mentor par jeune, pour trouver sa voie dans la construction ou l'industrie.",
    regions: ["LIEGE", "NAMUR"],
    targetGroups: ["YOUNG_PEOPLE"],
    languages: ["fr"],
    sectors: ["construction", "industry"],
    format: "ONE_TO_ONE",
    capacity: 15,
    acceptsMentors: true,
    slug: "jeunes-liege-namur",
  },
  {
    name: "Voorbeeld: Digitale mentoring Vlaanderen",
    description: "Online mentoring voor langdurig en oudere werkzoekenden die de stap naar ICT willen zetten.",
    regions: ["ANTWERP", "EAST_FLANDERS", "WEST_FLANDERS", "FLEMISH_BRABANT", "LIMBURG"],
    targetGroups: ["LONG_TERM_JOBSEEKERS", "OLDER_JOBSEEKERS"],
    languages: ["nl"],
    sectors: ["ict"],
    format: "ONLINE",
    capacity: 50,
    acceptsMentors: true,
    slug: "digitaal-vlaanderen",
  },
  {
    name: "Voorbeeld: Vrouwen aan het werk Limburg",
    description: "Mentoring in kleine groepen voor vrouwen die (opnieuw) aan het werk willen.",
    regions: ["LIMBURG"],
    targetGroups: ["WOMEN", "NEWCOMERS"],
    languages: ["nl", "tr"],
    sectors: ["care", "retail"],
    format: "GROUP",
    capacity: 12,
    acceptsMentors: false,
    slug: "vrouwen-limburg",
  },
  {
    name: "Exemple : Mentorat inclusif Hainaut",
    description: "Un accompagnement individuel vers l'emploi pour des personnes avec un handicap; complet pour l'instant.",
    regions: ["HAINAUT", "WALLOON_BRABANT"],
    targetGroups: ["PEOPLE_WITH_DISABILITIES"],
    languages: ["fr"],
    sectors: ["public", "care"],
    format: "ONE_TO_ONE",
    capacity: 0,
    acceptsMentors: true,
    slug: "inclusif-hainaut",
  },
  {
    name: "Example: Brussels Tech Mentoring",
    description: "Mentors from tech companies coach young people and women into ICT jobs.",
    regions: ["BRUSSELS", "FLEMISH_BRABANT"],
    targetGroups: ["YOUNG_PEOPLE", "WOMEN"],
    languages: ["en", "fr", "nl"],
    sectors: ["ict"],
    format: "BLENDED",
    capacity: 25,
    acceptsMentors: true,
    slug: "brussels-tech",
  },
];

/** Example on-the-job trainings, not from a source: a signatory company with a public and a social partner each. */
export const EXAMPLE_TRAININGS: {
  title: { nl: string; en?: string };
  company: string;
  partners: { name: string; role: "SOCIAL" | "PUBLIC" }[];
  jobProfile: string;
  places: number;
  regions: NonNullable<Region>;
  languages: string[];
  sectors: string[];
  slug: string;
}[] = [
  {
    title: { nl: "Voorbeeld: Opleiding op de werkvloer consultant", en: "Example: on-the-job training for consultants" },
    company: "Randstad",
    partners: [
      { name: "VDAB", role: "PUBLIC" },
      { name: "YouthStart", role: "SOCIAL" },
    ],
    jobProfile: "Uitzendconsulent",
    places: 10,
    regions: ["ANTWERP", "EAST_FLANDERS"],
    languages: ["nl"],
    sectors: ["services"],
    slug: "consulent",
  },
  {
    title: { nl: "Voorbeeld: Opleiding op de werkvloer ICT-support", en: "Example: on-the-job training for IT support" },
    company: "Accenture",
    partners: [
      { name: "Actiris", role: "PUBLIC" },
      { name: "The Shift", role: "SOCIAL" },
    ],
    jobProfile: "ICT-supportmedewerker",
    places: 12,
    regions: ["BRUSSELS"],
    languages: ["fr", "nl", "en"],
    sectors: ["ict"],
    slug: "ict-support",
  },
  {
    title: { nl: "Voorbeeld: Opleiding op de werkvloer payroll", en: "Example: on-the-job training for payroll" },
    company: "Securex",
    partners: [
      { name: "VDAB", role: "PUBLIC" },
      { name: "microStart", role: "SOCIAL" },
    ],
    jobProfile: "Payrollmedewerker",
    places: 6,
    regions: ["FLEMISH_BRABANT", "LIMBURG"],
    languages: ["nl"],
    sectors: ["finance"],
    slug: "payroll",
  },
];

export async function seedMentoring(tx: Tx): Promise<{ charters: number; mentoringProjects: number; onTheJobTrainings: number }> {
  const nlName = sql<string>`${organisations.name}->>'nl'`;
  const dbName = (name: string) => SEEDED_AS[name] ?? name;
  const wanted = [...SIGNATORIES.map((s) => dbName(s.name)), ...EXAMPLE_TRAININGS.flatMap((t) => [t.company, ...t.partners.map((p) => p.name)])];
  const rows = await tx.select({ id: organisations.id, name: nlName }).from(organisations).where(inArray(nlName, wanted));
  const organisationId = new Map(rows.map((r) => [r.name, r.id]));

  const source = DECENT_WORK_FOR_ALL;
  const [charter] = await tx
    .insert(charters)
    .values({
      title: source.title,
      description: source.description,
      signedMonth: source.signedMonth,
      signedYear: null,
      approximateSignatoryCount: source.approximateSignatoryCount,
    })
    .returning({ id: charters.id });
  if (!charter) throw new Error("the charter was not written");

  const signatories = SIGNATORIES.filter((s) => organisationId.has(dbName(s.name))).map((s) => ({
    charterId: charter.id,
    organisationId: organisationId.get(dbName(s.name)) as string,
    role: s.role,
  }));
  if (signatories.length > 0) await tx.insert(charterSignatories).values(signatories);
  await tx.insert(charterEvents).values({ charterId: charter.id, ...source.changeLab, year: null });

  // The source says nothing of the initiatives but their names: no organisation, region, group,
  // language or contact, and no mentors taken on (that they take mentors is not said).
  await tx.insert(mentoringProjects).values([
    ...source.initiatives.map((name) => ({ name, charterId: charter.id, acceptsMentors: false, example: false })),
    ...EXAMPLE_PROJECTS.map(({ slug, description, ...p }) => ({
      ...p,
      description: { nl: description },
      contactEmail: `${slug}@example.org`,
      website: `https://example.org/${slug}`,
      example: true,
    })),
  ]);

  const trainings = EXAMPLE_TRAININGS.filter((t) => organisationId.has(t.company));
  if (trainings.length > 0) {
    const written = await tx
      .insert(onTheJobTrainings)
      .values(
        trainings.map((t) => ({
          title: t.title,
          companyId: organisationId.get(t.company) as string,
          jobProfile: t.jobProfile,
          places: t.places,
          regions: t.regions,
          languages: t.languages,
          sectors: t.sectors,
          contactEmail: `${t.slug}@example.org`,
          website: `https://example.org/${t.slug}`,
          example: true,
        })),
      )
      .returning({ id: onTheJobTrainings.id });
    const partners = trainings.flatMap((t, i) =>
      t.partners.filter((p) => organisationId.has(p.name)).map((p) => ({ trainingId: written[i]!.id, organisationId: organisationId.get(p.name) as string, role: p.role })),
    );
    if (partners.length > 0) await tx.insert(onTheJobTrainingPartners).values(partners);
  }
  return { charters: 1, mentoringProjects: source.initiatives.length + EXAMPLE_PROJECTS.length, onTheJobTrainings: trainings.length };
}

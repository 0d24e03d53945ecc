// The programmes as the sources give them, so one query lists every programme the sector runs or
// follows: the key project "Modern HR-beleid" (seed 003), the addendum 2023-2025 (seed 001),
// LaboLokaal (seed 002) and the charter "Decent Work for All" (seed 004). What a source does not
// say stays empty: Modern HR-beleid declares five strategic goals without listing them (count 5,
// no goal rows), names no project and no steering-group member; the addendum, LaboLokaal and the
// charter give no phases. Dutch is the source's text; English is a translation.
//
// Owners: the seeded organisations have no Agentschap Overheidspersoneel (the source's contact),
// so Modern HR-beleid is owned by the organisation that stands for the Flemish government
// ("Vlaamse Regering"). The addendum's owner is VVSG (its beneficiary), LaboLokaal's Diverscity
// (who launched it); the charter has no single owner.
import { sql } from "drizzle-orm";
import type { Tx } from "../client.js";
import { fundingAgreements } from "../schema/funding.js";
import type { LocalizedText } from "../schema/i18n.js";
import { organisations } from "../schema/organisations.js";
import { programmeMilestones, programmePhases, programmePrinciples, programmeSteeringMembers, programmes } from "../schema/programmes.js";
import { ADDENDUM } from "./addendum.js";

export const MODERN_HR = {
  slug: "modern-hr-beleid",
  title: { nl: "Sleutelproject Modern HR-beleid", en: "Key project Modern HR policy" },
  summary: {
    nl: "In het najaar 2010 werd het sleutelproject Modern HR-beleid als onderdeel van het Meerjarenprogramma Slagkrachtige Overheid opgestart vanuit het College van Ambtenaren-generaal (CAG). Het project heeft als ambitie het HR-beleid van de Vlaamse overheid verder te moderniseren.",
    en: "In autumn 2010 the Board of Secretaries-General (CAG) started the key project Modern HR policy as part of the multi-year programme Slagkrachtige Overheid. Its ambition is to modernise the HR policy of the Flemish government further.",
  },
  partOf: { nl: "Meerjarenprogramma Slagkrachtige Overheid", en: "Multi-year programme Slagkrachtige Overheid (an effective government)" },
  startYear: 2010,
  vision: {
    nl: "De Vlaamse overheid voert een geïntegreerd en duurzaam HR-beleid dat gericht is op de realisatie van haar strategische doelstellingen en waarin het aantrekken, ontwikkelen en behouden van het (schaarse) talent centraal staat. Hierbij wordt aandacht geschonken aan sociaal maatschappelijke verantwoordelijkheid, maar ook kostenbewustzijn en inzetbaarheid.",
    en: "The Flemish government pursues an integrated and sustainable HR policy aimed at achieving its strategic objectives, centred on attracting, developing and retaining (scarce) talent. It pays attention to social responsibility, but also to cost awareness and employability.",
  },
  visionSource: "Alden Biesen, 2009",
  visionYear: 2009,
  declaredGoalCount: 5,
  steeringGroup: {
    nl: "Een stuurgroep waakt over de realisatie van elke mijlpaal van het Modern HR-beleid. Het creëren van voldoende draagvlak zowel binnen de administratie als met betrokken partners is daarbij een belangrijk aandachtspunt.",
    en: "A steering group watches over the realisation of every milestone of Modern HR policy; building enough support within the administration and with the partners involved is an important point of attention.",
  },
  projectStaff: 200,
  projectStaffAtLeast: true,
  principles: [
    {
      nl: "het 'meer en beter met minder' principe (beleidsruimte creëren voor nieuwe activiteiten en diensten met minder middelen, maar blijven investeren in medewerkers)",
      en: "the 'more and better with less' principle (creating policy room for new activities and services with fewer means, while continuing to invest in employees)",
    },
    {
      nl: "het maximaal inzetten op de kerntaken van de Vlaamse overheid en het reduceren van de managementondersteunende functies",
      en: "focusing as much as possible on the core tasks of the Flemish government and reducing management-support functions",
    },
    { nl: "het koesteren van talent", en: "cherishing talent" },
    {
      nl: "de cultuuromslag van een regelgeoriënteerde cultuur naar een cultuur waarin samenwerking en personeelsmanagement in combinatie met resultaat- en oplossingsgerichtheid centraal staan",
      en: "the culture shift from a rule-oriented culture to one centred on cooperation and people management, combined with a focus on results and solutions",
    },
  ] satisfies LocalizedText[],
  phases: [
    {
      title: { nl: "Het bepalen van een visie op het HR-beleid van de Vlaamse overheid", en: "Defining a vision on the HR policy of the Flemish government" },
      status: "COMPLETED",
    },
    { title: { nl: "De samenstelling van een HR-projectportfolio", en: "Composing an HR project portfolio" }, status: "COMPLETED" },
    { title: { nl: "De uitvoering van het HR-projectportfolio", en: "Executing the HR project portfolio" }, status: "ONGOING" },
  ] as const,
  milestones: [
    {
      reachedOn: "2011-04-07",
      title: { nl: "Het CAG keurt de oorspronkelijke visietekst principieel goed", en: "The CAG approves the original vision text in principle" },
    },
    { reachedOn: "2012-12-13", title: { nl: "Het CAG keurt het voorstel principieel goed", en: "The CAG approves the proposal in principle" } },
    {
      reachedOn: "2013-01-11",
      title: {
        nl: "De Vlaamse Regering neemt akte van de mededeling 'Een modern HR-beleid voor de Vlaamse overheid'",
        en: "The Flemish Government takes note of the communication 'A modern HR policy for the Flemish government'",
      },
      description: {
        nl: "De mededeling geeft de nood weer aan een organisatiebrede visie op HR, detailleert de HR-visie en de vijf strategische doelstellingen, omschrijft de ondersteunende waarden en sluit af met een aantal concrete inhoudelijke acties. Dit vormt het sluitstuk van het sleutelproject.",
        en: "The communication sets out the need for an organisation-wide HR vision, details the vision and the five strategic goals, describes the supporting values and ends with concrete actions. It concludes the key project.",
      },
    },
  ],
} as const;

/** Seeds the four programmes; the addendum only links its agreement when that agreement is seeded. */
export async function seedProgrammes(tx: Tx): Promise<{ programmes: number }> {
  const orgs = await tx.select({ id: organisations.id, nl: sql<string>`${organisations.name}->>'nl'` }).from(organisations);
  const orgId = (name: string): string | null => orgs.find((o) => o.nl === name)?.id ?? null;
  const [agreement] = await tx
    .select({ id: fundingAgreements.id, periodStart: fundingAgreements.periodStart, periodEnd: fundingAgreements.periodEnd })
    .from(fundingAgreements)
    .where(sql`${fundingAgreements.title}->>'nl' = ${ADDENDUM.title.nl}`);

  const m = MODERN_HR;
  const rows = await tx
    .insert(programmes)
    .values([
      {
        slug: m.slug,
        kind: "KEY_PROJECT",
        title: m.title,
        summary: m.summary,
        ownerId: orgId("Vlaamse Regering"),
        partOf: m.partOf,
        startYear: m.startYear,
        vision: m.vision,
        visionSource: m.visionSource,
        visionYear: m.visionYear,
        declaredGoalCount: m.declaredGoalCount,
        steeringGroup: m.steeringGroup,
        projectStaff: m.projectStaff,
        projectStaffAtLeast: m.projectStaffAtLeast,
      },
      {
        slug: "addendum-2023-2025",
        kind: "SUBSIDY_AGREEMENT",
        title: ADDENDUM.title,
        summary: {
          nl: "Toelage van de Vlaamse Regering aan de sociale partners van de sector lokale besturen, met VVSG als begunstigde: vijf sporen en negen acties om te investeren in het talent van de medewerkers van lokale besturen.",
          en: "A subsidy of the Flemish Government to the social partners of the local-government sector, with VVSG as beneficiary: five tracks and nine actions investing in the talent of local boards' employees.",
        },
        ownerId: orgId("VVSG"),
        startsOn: agreement?.periodStart ?? ADDENDUM.periodStart,
        endsOn: agreement?.periodEnd ?? ADDENDUM.periodEnd,
        steeringGroup: {
          nl: "De middelen van het addendum worden paritair beheerd door de stuurgroep Diverscity. Op die manier hebben alle sociale partners voldoende controle over de besteding van de middelen en de gemaakte keuzes.",
          en: "The addendum's funds are managed jointly (paritair) by the Diverscity steering group, so that all social partners have enough control over how the funds are spent and the choices made.",
        },
        fundingAgreementId: agreement?.id ?? null,
      },
      {
        slug: "labolokaal",
        kind: "PROJECT_FUND",
        title: { nl: "LaboLokaal" },
        summary: {
          nl: "Met het project LaboLokaal wil Diverscity innovatieve HRM-projecten, oftewel een lokaal labo, bij besturen stimuleren, binnen 8 thema's. Elk geselecteerd project krijgt een financiële ondersteuning van €5000; daarnaast wordt een eigen bijdrage van €2000 van het lokaal bestuur gevraagd.",
          en: "Through LaboLokaal, Diverscity stimulates innovative HRM projects (a local lab) at boards, on 8 themes. Each selected project receives EUR 5,000 of support; the board pays an own contribution of EUR 2,000.",
        },
        ownerId: orgId("Diverscity"),
      },
      {
        slug: "decent-work-for-all",
        kind: "CHARTER",
        title: { nl: "Charter Decent Work for All", en: "Charter Decent Work for All" },
        summary: {
          nl: "Een vijftigtal CEO's namen samen met tewerkstellingsorganisaties een engagement op rond het Charter Decent Work for All: kwetsbare personen kunnen enkel via samenwerking naar de arbeidsmarkt geleid worden.",
          en: "About fifty CEOs and employment organisations committed to the charter Decent Work for All: vulnerable people can only be led to the labour market through cooperation.",
        },
      },
    ])
    .returning({ id: programmes.id, slug: programmes.slug });
  const modernHr = rows.find((r) => r.slug === m.slug)!.id;
  const addendum = rows.find((r) => r.slug === "addendum-2023-2025")!.id;

  await tx.insert(programmePrinciples).values(m.principles.map((text, i) => ({ programmeId: modernHr, position: i + 1, text })));
  await tx.insert(programmePhases).values(m.phases.map((phase, i) => ({ programmeId: modernHr, position: i + 1, title: phase.title, status: phase.status })));
  await tx.insert(programmeMilestones).values(m.milestones.map((milestone) => ({ programmeId: modernHr, ...milestone })));
  // The addendum's social partners, as the funding seed has its steering group.
  const partners = ["VVSG", "ACV", "ACOD", "VSOA"].map(orgId).filter((id): id is string => id !== null);
  if (partners.length) await tx.insert(programmeSteeringMembers).values(partners.map((organisationId) => ({ programmeId: addendum, organisationId, role: "sociale partner" })));
  return { programmes: rows.length };
}

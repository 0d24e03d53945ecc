// The real data the API starts with: the organisations named in the sources (../shared/seeds,
// digested in ../shared/domain.md) and real Flemish boards with their Statbel NIS codes.
// Populations are rounded approximations (order of 2024); NIS codes are the long-standing
// Statbel codes. Belfius clusters are given as the city categories of the Flemish city policy
// (groot-, centrum-, regionale steden) where that applies, and left empty otherwise.
import type { boards } from "../schema/boards.js";
import type { organisations } from "../schema/organisations.js";
import { ENTERPRISE_NUMBERS } from "./addendum.js";

type NewBoard = typeof boards.$inferInsert;
type NewOrganisation = typeof organisations.$inferInsert;

const city = (name: string, nisCode: string, province: NewBoard["province"], population: number, belfiusCluster: string | null): NewBoard => ({
  name,
  kind: "MUNICIPALITY",
  nisCode,
  province,
  population,
  belfiusCluster,
});

export const BOARDS: NewBoard[] = [
  { name: "Provincie Antwerpen", kind: "PROVINCE", nisCode: "10000", province: "ANTWERP", population: 1_920_000 },
  { name: "Provincie Vlaams-Brabant", kind: "PROVINCE", nisCode: "20001", province: "FLEMISH_BRABANT", population: 1_170_000 },
  { name: "Provincie West-Vlaanderen", kind: "PROVINCE", nisCode: "30000", province: "WEST_FLANDERS", population: 1_220_000 },
  { name: "Provincie Oost-Vlaanderen", kind: "PROVINCE", nisCode: "40000", province: "EAST_FLANDERS", population: 1_560_000 },
  { name: "Provincie Limburg", kind: "PROVINCE", nisCode: "70000", province: "LIMBURG", population: 890_000 },

  city("Antwerpen", "11002", "ANTWERP", 536_000, "Grootsteden"),
  city("Mechelen", "12025", "ANTWERP", 88_000, "Centrumsteden"),
  city("Turnhout", "13040", "ANTWERP", 47_000, "Centrumsteden"),
  city("Lier", "12021", "ANTWERP", 37_000, "Regionale steden"),
  city("Geel", "13008", "ANTWERP", 41_000, "Regionale steden"),
  city("Gent", "44021", "EAST_FLANDERS", 267_000, "Grootsteden"),
  city("Aalst", "41002", "EAST_FLANDERS", 90_000, "Centrumsteden"),
  city("Sint-Niklaas", "46021", "EAST_FLANDERS", 81_000, "Centrumsteden"),
  city("Dendermonde", "42006", "EAST_FLANDERS", 47_000, "Regionale steden"),
  city("Oudenaarde", "45035", "EAST_FLANDERS", 32_000, "Regionale steden"),
  city("Brugge", "31005", "WEST_FLANDERS", 119_000, "Centrumsteden"),
  city("Kortrijk", "34022", "WEST_FLANDERS", 80_000, "Centrumsteden"),
  city("Oostende", "35013", "WEST_FLANDERS", 72_000, "Centrumsteden"),
  city("Roeselare", "36015", "WEST_FLANDERS", 65_000, "Centrumsteden"),
  city("Ieper", "33011", "WEST_FLANDERS", 35_000, "Regionale steden"),
  city("Leuven", "24062", "FLEMISH_BRABANT", 104_000, "Centrumsteden"),
  city("Vilvoorde", "23088", "FLEMISH_BRABANT", 46_000, "Regionale steden"),
  city("Halle", "23027", "FLEMISH_BRABANT", 41_000, "Regionale steden"),
  city("Tienen", "24107", "FLEMISH_BRABANT", 35_000, "Regionale steden"),
  city("Hasselt", "71022", "LIMBURG", 80_000, "Centrumsteden"),
  city("Genk", "71016", "LIMBURG", 67_000, "Centrumsteden"),
  city("Sint-Truiden", "71053", "LIMBURG", 41_000, "Regionale steden"),
  city("Beringen", "71004", "LIMBURG", 47_000, "Regionale steden"),

  // A municipality and its OCMW are separate boards under one NIS code.
  { name: "OCMW Gent", kind: "OCMW", nisCode: "44021", province: "EAST_FLANDERS", population: 267_000 },
  { name: "OCMW Leuven", kind: "OCMW", nisCode: "24062", province: "FLEMISH_BRABANT", population: 104_000 },
  // Police zones and inter-municipal partnerships have no NIS code of their own.
  { name: "Politiezone Antwerpen", kind: "POLICE_ZONE", province: "ANTWERP", population: 536_000 },
  { name: "Politiezone Gent", kind: "POLICE_ZONE", province: "EAST_FLANDERS", population: 267_000 },
  { name: "Intercommunale Leiedal", kind: "INTERMUNICIPAL", province: "WEST_FLANDERS", population: 310_000 },
  { name: "Interleuven", kind: "INTERMUNICIPAL", province: "FLEMISH_BRABANT", population: 500_000 },
];

const org = (
  kind: NewOrganisation["kind"],
  name: { nl: string; fr?: string; en?: string },
  description?: { nl: string; fr?: string; en?: string },
  website?: string,
): NewOrganisation => ({ kind, name, description: description ?? null, website: website ?? null });

const ORGANISATIONS_AS_NAMED: NewOrganisation[] = [
  org(
    "GOVERNMENT",
    { nl: "Vlaamse Regering", fr: "Gouvernement flamand", en: "Flemish Government" },
    { nl: "Verstrekt de toelage van het addendum 'investeren in talent' 2023-2025.", en: "Funds the addendum 'investing in talent' 2023-2025." },
  ),
  org(
    "SECTOR_ASSOCIATION",
    { nl: "VVSG", fr: "Association des villes et communes flamandes (VVSG)", en: "Association of Flemish Cities and Municipalities (VVSG)" },
    {
      nl: "Vereniging van Vlaamse Steden en Gemeenten; begunstigde van de toelage en sociale partner aan werkgeverszijde.",
      en: "Beneficiary of the subsidy; employer-side social partner.",
    },
    "https://www.vvsg.be",
  ),
  org(
    "SECTOR_ASSOCIATION",
    { nl: "Diverscity" },
    {
      nl: "Paritaire ondersteuningsdienst van de sector lokale besturen; de stuurgroep beheert de middelen van het addendum.",
      en: "The sector's joint support service; its steering group manages the addendum's funds.",
    },
  ),
  org("SOCIAL_PARTNER", { nl: "ACV", fr: "CSC", en: "ACV (Confederation of Christian Trade Unions)" }),
  org("SOCIAL_PARTNER", { nl: "ACOD", fr: "CGSP", en: "ACOD (General Union of Public Services)" }),
  org("SOCIAL_PARTNER", { nl: "VSOA", fr: "SLFP", en: "VSOA (Free Trade Union of Public Services)" }),
  org(
    "SERVICE_PROVIDER",
    { nl: "Mondea" },
    { nl: "Partner van de ondersteunende campagne Duurzaam werkgeverschap.", en: "Partner of the supporting campaign on sustainable employership." },
  ),
  org("SERVICE_PROVIDER", { nl: "Workitects" }, { nl: "Begeleidt trajecten innovatieve arbeidsorganisatie (IAO).", en: "Coaches innovative work-organisation trajectories." }),
  org("SERVICE_PROVIDER", { nl: "Excello" }, { nl: "Partner voor leiderschapstrajecten.", en: "Partner for leadership trajectories." }),
  org("SERVICE_PROVIDER", { nl: "GoodHabitz" }, { nl: "Partner van de e-learningpilot.", en: "Partner of the e-learning pilot." }, "https://www.goodhabitz.com"),
  org("SERVICE_PROVIDER", { nl: "M&L Management" }, { nl: "Begeleidt de HRM-werktafels 'Van HR-beheer naar HR-beleid'.", en: "Runs the HRM worktables." }),
  org(
    "PUBLIC_AGENCY",
    { nl: "Unia", fr: "Unia", en: "Unia" },
    {
      nl: "Interfederaal Gelijkekansencentrum; partner voor de opleiding non-discriminatie (E-Div).",
      en: "Interfederal equal-opportunities centre; partner for non-discrimination training (E-Div).",
    },
    "https://www.unia.be",
  ),
  org(
    "NON_PROFIT",
    { nl: "Mediawijs" },
    { nl: "Kenniscentrum digitale en mediawijsheid; partner voor digitale vaardigheden.", en: "Knowledge centre for digital and media literacy." },
    "https://www.mediawijs.be",
  ),
  org("NON_PROFIT", { nl: "Ligo" }, { nl: "Centra voor basiseducatie; partner voor digitale vaardigheden.", en: "Centres for basic education; partner for digital skills." }),
  org(
    "PUBLIC_AGENCY",
    { nl: "VDAB", fr: "VDAB (Service flamand de l'emploi)", en: "VDAB (Flemish Public Employment Service)" },
    { nl: "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding.", en: "Flemish Public Employment and Vocational Training Service." },
    "https://www.vdab.be",
  ),
  org("SERVICE_PROVIDER", { nl: "Governance & Integrity" }, { nl: "Partner voor de dilemmatraining integriteit.", en: "Partner for integrity dilemma training." }),
  org(
    "PUBLIC_AGENCY",
    { nl: "Actiris", fr: "Actiris", en: "Actiris" },
    {
      nl: "Brusselse dienst voor arbeidsbemiddeling; ondertekenaar van het charter Decent Work for All.",
      fr: "Office régional bruxellois de l'emploi.",
      en: "Brussels regional employment service.",
    },
  ),
  org("PUBLIC_AGENCY", { nl: "Agentschap Integratie en Inburgering", en: "Agency for Integration and Civic Integration" }),
  org("NON_PROFIT", { nl: "Koning Boudewijnstichting", fr: "Fondation Roi Baudouin", en: "King Baudouin Foundation" }),
  org("SECTOR_ASSOCIATION", { nl: "VBO", fr: "FEB", en: "Federation of Enterprises in Belgium (FEB/VBO)" }),
  org("COMPANY", { nl: "Randstad" }),
  org("COMPANY", { nl: "Securex" }),
  org("COMPANY", { nl: "Accenture" }),
  org("NON_PROFIT", { nl: "YouthStart" }),
  org("NON_PROFIT", { nl: "Ashoka" }),
  org("NON_PROFIT", { nl: "microStart" }),
  org("NON_PROFIT", { nl: "The Shift" }),
  // The other signatories of the charter Decent Work for All that seed 004 names.
  org("COMPANY", { nl: "Iris Group" }),
  org("COMPANY", { nl: "Engie" }),
  org("COMPANY", { nl: "IBM" }),
  org("COMPANY", { nl: "Proximus" }),
  org("COMPANY", { nl: "IKEA" }),
];

/** The organisations, with the enterprise numbers the sources give (Article 1 of the addendum for VVSG). */
export const ORGANISATIONS: NewOrganisation[] = ORGANISATIONS_AS_NAMED.map((o) => ({ ...o, enterpriseNumber: ENTERPRISE_NUMBERS[o.name.nl] ?? null }));

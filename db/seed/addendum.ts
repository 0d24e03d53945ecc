// The addendum "investeren in talent" 2023-2025 (seed 001), as the sources state it: its
// parties, period, maximum and shares, its 5 tracks and 9 actions with their flags and
// partners, one effort commitment per action, and the 5 result commitments with their targets.
// Dutch is the source's text; English follows ../shared/domain.md.
import type { LocalizedText } from "../schema/i18n.js";

export interface MeasureSeed {
  metric: string;
  targetValue: number;
}

export interface CommitmentSeed {
  number: number;
  description: LocalizedText;
  /** Measured commitments list their measures; qualitative ones are judged by a consultant. */
  measures?: MeasureSeed[];
}

export interface ActionSeed {
  number: number;
  title: LocalizedText;
  description: LocalizedText;
  isNew: boolean;
  intersectoral: boolean;
  localCooperation: boolean;
  /** Dutch names of the partner organisations, as seeded in data.ts. */
  partners: string[];
  otherPartners?: LocalizedText;
  effort: CommitmentSeed;
}

export interface TrackSeed {
  number: number;
  title: LocalizedText;
  description: LocalizedText;
  actions: ActionSeed[];
}

export const ADDENDUM = {
  title: {
    nl: "Addendum 'investeren in talent' 2023-2025 bij het sectorconvenant lokale besturen",
    en: "Addendum 'investing in talent' 2023-2025 to the local-government sector agreement",
    fr: "Avenant « investir dans le talent » 2023-2025 à la convention sectorielle des pouvoirs locaux",
  },
  funder: "Vlaamse Regering",
  beneficiary: "VVSG",
  periodStart: "2023-07-01",
  periodEnd: "2025-06-30",
  maxAmountCents: 40_000_000,
  effortShareBp: 7000,
  resultShareBp: 3000,
  /** Article 1 names the account the subsidy is paid into. */
  beneficiaryBankAccount: "BE10 0910 1156 9604",
  // The source gives no overhead ceiling ("een beperkt gedeelte") and no reporting window: the
  // ceiling stays empty (no overhead counts) and co-financing is dated within the period, until
  // the funder's side sets them.
  overheadCeilingCents: null,
  reportingWindowDays: 0,
};

/** Article 1 identifies the beneficiary: "V.V.S.G. vzw ... (ondernemingsnummer: 0451.857.573 ...)". */
export const ENTERPRISE_NUMBERS: Record<string, string> = { VVSG: "0451.857.573" };

/**
 * "De middelen van het addendum worden paritair beheerd door de stuurgroep Diverscity. Op die
 * manier hebben alle sociale partners voldoende controle": the employers' side (VVSG) and the
 * unions (ACV, ACOD, VSOA), by their Dutch names as seeded in data.ts.
 */
export const STEERING_GROUP = ["VVSG", "ACV", "ACOD", "VSOA"];

// Actions 5 and 6 share their description and effort commitment word for word in the source.
const softSkillsOffer = {
  nl: "Vooral gericht op soft skills, met bijzondere aandacht voor mentoropleidingen en de opleiding tot jobcoach.",
  en: "Mainly soft skills, with particular attention to mentor and job-coach training.",
};

// Effort commitment 8 and result commitment 4 are the same sentence in the source.
const worktableMeetings = {
  nl: "Gespreid over de 2 jaren zijn er minstens 30 bijeenkomsten van de HRM-werktafels.",
  en: "At least 30 HRM worktable meetings over the 2 years.",
};

const diversifiedTrainings = {
  nl: "De sector zorgt voor een gediversifieerd aanbod van opleidingen.",
  en: "The sector provides a diversified training offer.",
};

export const TRACKS: TrackSeed[] = [
  {
    number: 1,
    title: { nl: "Projectenfonds", en: "Project fund" },
    description: {
      nl: "Met het projectenfonds LaboLokaal ondersteunt Diverscity lokale besturen bij innovatieve projecten voor een loopbaan- en diversiteitsbeleid.",
      en: "Through the LaboLokaal project fund, Diverscity supports boards with innovative projects for career and diversity policy.",
    },
    actions: [
      {
        number: 1,
        title: {
          nl: "De sector investeert in IAO-trajecten in verschillende afdelingen van lokale besturen.",
          en: "Innovative work-organisation (IAO) trajectories in departments of boards",
        },
        description: {
          nl: "Lokale besturen stimuleren om een werkomgeving te creëren waarin medewerkers hun kennis, vaardigheden en creativiteit inzetten om problemen op te lossen en te innoveren.",
          en: "Help boards create a workplace where employees use their knowledge, skills and creativity to solve problems and innovate.",
        },
        isNew: false,
        intersectoral: false,
        localCooperation: true,
        partners: ["Workitects"],
        otherPartners: { nl: "andere dienstverleners", en: "other service providers" },
        effort: {
          number: 1,
          description: {
            nl: "De sector voorziet trajecten in minstens 3 verschillende afdelingen van lokale besturen met een bereik van 12 lokale besturen.",
            en: "Trajectories in at least 3 different departments of boards, reaching 12 boards.",
          },
          measures: [
            { metric: "iao.departments", targetValue: 3 },
            { metric: "iao.boardsReached", targetValue: 12 },
          ],
        },
      },
      {
        number: 2,
        title: {
          nl: "De sector investeert in leiderschapstrajecten op verschillende niveaus van de organisatie.",
          en: "Leadership trajectories at every level, from foreman to general director",
        },
        description: {
          nl: "Opleidingen, vormingen en trajecten rond leiderschap, gericht op vaardigheden of op innovatie, en een aanbod rond zelfzorg en zelfmanagement voor algemeen directeurs.",
          en: "Leadership trainings and trajectories on skills or innovation, and self-care and self-management for general directors.",
        },
        isNew: false,
        intersectoral: false,
        localCooperation: true,
        partners: ["Excello"],
        otherPartners: { nl: "externe dienstverleners", en: "external service providers" },
        effort: {
          number: 2,
          description: {
            nl: "De sector voorziet een gediversifieerd aanbod aan leiderschapstrajecten (zowel qua doelgroep als qua aanpak).",
            en: "A diversified offer of leadership trajectories, by target group and by approach.",
          },
        },
      },
      {
        number: 3,
        title: { nl: "De sector start een pilootproject op rond e-learning samen met GoodHabit.", en: "E-learning pilot with GoodHabitz" },
        description: {
          nl: "Lokale besturen gaan aan de slag met dit aanbod; met een lerend netwerk bekijken we hoe e-learningtools permanent op de agenda blijven.",
          en: "Boards work with this offer; a learning network looks at keeping e-learning tools permanently on the agenda.",
        },
        isNew: true,
        intersectoral: false,
        localCooperation: true,
        partners: ["GoodHabitz"],
        effort: {
          number: 3,
          description: {
            nl: "De sector lanceert een oproep naar de lokale besturen en organiseert een lerend netwerk van besturen met minstens 10 lokale besturen.",
            en: "A call to boards and a learning network of at least 10 boards.",
          },
          measures: [{ metric: "elearning.networkBoards", targetValue: 10 }],
        },
      },
    ],
  },
  {
    number: 2,
    title: { nl: "Nieuwe vormen van leren en opleiden", en: "New forms of learning and training" },
    description: {
      nl: "Inzetten op nieuwe leervormen (waaronder online-leren) om een permanente leercultuur bij lokale besturen te bewerkstelligen.",
      en: "New forms of learning, online learning among them, towards a permanent learning culture in boards.",
    },
    actions: [
      {
        number: 4,
        title: {
          nl: "De sector voorziet een platform met een overzicht van leerinstrumenten, -maatregelen en -aanbod.",
          en: "A platform listing learning instruments, measures and offers",
        },
        description: {
          nl: "Transparantie en overzichtelijkheid inzake leerinstrumenten, -maatregelen en -aanbod verlagen de drempel tot leren.",
          en: "A clear overview of learning instruments, measures and offers lowers the threshold to learning.",
        },
        isNew: true,
        intersectoral: true,
        localCooperation: true,
        partners: [],
        otherPartners: { nl: "websitebouwer, diverse aanbieders van leerplatformen, andere sectoren", en: "website builder, providers of learning platforms, other sectors" },
        effort: { number: 4, description: { nl: "De sector voorziet een overzichtelijk kennisplatform.", en: "A clear knowledge platform." } },
      },
    ],
  },
  {
    number: 3,
    title: { nl: "Opleidingsaanbod", en: "Training offer" },
    description: {
      nl: "Opleidingen in open aanbod en in-house via het vormingsfonds Focus op Talent, en een aanbod rond digitale vaardigheden.",
      en: "Open-offer and in-house trainings through the training fund Focus op Talent, and a digital-skills offer.",
    },
    actions: [
      {
        number: 5,
        title: {
          nl: "De sector voorziet een ruim aanbod van opleidingen in open aanbod voor medewerkers van lokale besturen.",
          en: "Open-offer trainings for employees of boards",
        },
        description: softSkillsOffer,
        isNew: false,
        intersectoral: false,
        localCooperation: true,
        partners: [],
        otherPartners: { nl: "diverse opleidingsinstanties", en: "training institutes" },
        effort: { number: 5, description: diversifiedTrainings },
      },
      {
        number: 6,
        title: {
          nl: "De sector voorziet een ruim aanbod van in-house opleidingen voor medewerkers van lokale besturen via het vormingsfonds FOT.",
          en: "In-house trainings through the training fund Focus op Talent (FOT)",
        },
        description: softSkillsOffer,
        isNew: false,
        intersectoral: false,
        localCooperation: true,
        partners: [],
        otherPartners: { nl: "diverse opleidingsinstanties", en: "training institutes" },
        effort: { number: 6, description: diversifiedTrainings },
      },
      {
        number: 7,
        title: {
          nl: "De sector voorziet een specifiek ondersteuningsaanbod met opleidingen die de digitale vaardigheden van medewerkers bij lokale besturen aanscherpen.",
          en: "Digital-skills trainings",
        },
        description: {
          nl: "Een ondersteuningsaanbod gericht op een brede waaier aan digitale competenties in de digitale samenleving.",
          en: "A support offer covering a wide range of digital competences.",
        },
        isNew: true,
        intersectoral: false,
        localCooperation: true,
        partners: ["Mediawijs", "Ligo", "VDAB"],
        otherPartners: { nl: "CVO's, andere opleidingsinstanties", en: "adult-education centres (CVO's), other training institutes" },
        effort: {
          number: 7,
          description: {
            nl: "De sector voorziet een specifiek ondersteuningsaanbod met opleidingen rond digitale vaardigheden.",
            en: "A specific support offer of digital-skills trainings.",
          },
        },
      },
    ],
  },
  {
    number: 4,
    title: { nl: "Thematische overlegtafels", en: "Thematic tables" },
    description: {
      nl: "De HRM-werktafels 'Van HR-beheer naar HR-beleid' worden verdergezet, met DOE-opdrachten tijdens de sessies.",
      en: "The HRM worktables 'From HR administration to HR policy' continue, with hands-on assignments in the sessions.",
    },
    actions: [
      {
        number: 8,
        title: { nl: "De sector organiseert zowel in 2023 als in 2024 HRM-werktafels onder de noemer 'Van HR-beheer naar HR-beleid'.", en: "HRM worktables in 2023 and 2024" },
        description: {
          nl: "Regionale overlegtafels, een traject van vier dagen op jaarbasis onder vraaggestuurde begeleiding.",
          en: "Regional tables, four days a year, with demand-driven coaching.",
        },
        isNew: false,
        intersectoral: false,
        localCooperation: false,
        partners: ["M&L Management"],
        otherPartners: { nl: "diverse gastbesturen", en: "host boards" },
        effort: {
          number: 8,
          description: worktableMeetings,
          measures: [{ metric: "worktables.meetingsHeld", targetValue: 30 }],
        },
      },
    ],
  },
  {
    number: 5,
    title: { nl: "Communicatie", en: "Communication" },
    description: {
      nl: "Een communicatieplan, de website LokaalWerkt en het P+O-Congres in het najaar van 2024.",
      en: "A communication plan, the LokaalWerkt website and the P+O congress in autumn 2024.",
    },
    actions: [
      {
        number: 9,
        title: {
          nl: "De sector werkt een communicatieplan uit met als doel een beter bereik van medewerkers uit lokale besturen en een betere toeleiding naar lokale besturen.",
          en: "A communication plan for a better reach of board employees",
        },
        description: {
          nl: "Een communicatieplan dat de rol van de kanalen (website, nieuwsbrief, social media) en van de sociale partners bekijkt.",
          en: "A plan covering the channels (website, newsletter, social media) and the role of the social partners.",
        },
        isNew: true,
        intersectoral: false,
        localCooperation: true,
        partners: ["VVSG", "ACV", "ACOD", "VSOA"],
        otherPartners: { nl: "websitebouwer", en: "website builder" },
        effort: {
          number: 9,
          // Measured from the figures a consultant enters from Google Analytics (communication_figures):
          // growth against the 2021-2022 baseline, in basis points; 2000 is +20%.
          description: {
            nl: "De sector heeft een beter bereik van medewerkers: in vergelijking met 2021-2022 worden 20% meer lezers van nieuwsbrief en website bereikt (gemeten via Google Analytics).",
            en: "20% more newsletter readers and website visitors than in 2021-2022 (measured with Google Analytics).",
          },
          measures: [
            { metric: "communication.newsletterGrowth", targetValue: 2000 },
            { metric: "communication.websiteGrowth", targetValue: 2000 },
          ],
        },
      },
    ],
  },
];

export const RESULT_COMMITMENTS: CommitmentSeed[] = [
  {
    number: 1,
    description: {
      nl: "De sector biedt minstens 5 verschillende leiderschapstrajecten aan, gericht naar diverse doelgroepen binnen het lokaal bestuur (van ploegbaas tot algemeen directeur).",
      en: "At least 5 distinct leadership trajectories, for diverse target groups (from foreman to general director).",
    },
    measures: [{ metric: "leadership.distinctTrajectories", targetValue: 5 }],
  },
  {
    number: 2,
    description: {
      nl: "De sector voorziet een overzichtelijk platform waar minstens 5 verschillende leertools op terug te vinden zijn.",
      en: "A clear platform with at least 5 learning tools.",
    },
    measures: [{ metric: "learningTools.published", targetValue: 5 }],
  },
  {
    number: 3,
    description: {
      nl: "Met het uitgebreide opleidingsaanbod bereikt de sector minstens 1500 medewerkers in de lokale besturen.",
      en: "The training offer reaches at least 1,500 employees of boards.",
    },
    measures: [{ metric: "training.distinctEmployeesReached", targetValue: 1500 }],
  },
  {
    number: 4,
    description: worktableMeetings,
    measures: [{ metric: "worktables.meetingsHeld", targetValue: 30 }],
  },
  {
    number: 5,
    description: {
      nl: "Tegen het einde van de convenantperiode zijn er minstens 25 beroepen/functies binnen lokale besturen terug te vinden op de website LokaalWerkt.",
      en: "By the end of the period, at least 25 professions/functions of boards on the LokaalWerkt website.",
    },
    measures: [{ metric: "lokaalwerkt.professionsListed", targetValue: 25 }],
  },
];

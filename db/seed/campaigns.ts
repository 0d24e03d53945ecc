// The supporting campaign "Duurzaam werkgeverschap" as seed 000 gives it, and no more. From the
// source: the title, the focus on the legal-status decree (rechtspositiebesluit), partner Mondea,
// 5 selected boards each on one HR theme, a sounding board of every applicant not selected, a
// steering group of other boards and experts, and the sounding board's first meeting on
// 31 May 2024, where each selected board pitched its plan and 3 possible instruments or templates.
//
// The source names none of the boards, themes or instruments: the applications, the steering
// group and the pitches below are examples (marked `example`), there to show how the campaign
// works; so are the themes. The source says the sounding board chose 2 options per board but not
// which, so no ballot and no result is seeded: the votes are open.
import { inArray, sql } from "drizzle-orm";
import type { Tx } from "../client.js";
import { boards } from "../schema/boards.js";
import { campaignApplications, campaignMeetings, campaignPitches, campaignPitchOptions, campaignSteeringMembers, campaigns, campaignTrajectories } from "../schema/campaigns.js";
import { organisations } from "../schema/organisations.js";

export const DUURZAAM_WERKGEVERSCHAP = {
  title: { nl: "Ondersteunende campagne Duurzaam werkgeverschap", en: "Supporting campaign Sustainable employership" },
  focus: {
    nl: "De nieuwe mogelijkheden en vrijheden die het rechtspositiebesluit biedt, en de manier waarop het bestuur ze kan inzetten om een aantrekkelijke werkgever te zijn.",
    en: "The new possibilities and freedoms of the legal-status decree, and how a board can use them to be an attractive employer.",
  },
  partner: "Mondea",
  selectionSize: 5,
  /** The sounding board's first meeting, where the selected boards pitched. */
  soundingBoardMeeting: "2024-05-31",
} as const;

/** Example themes: the source says each selected board worked on "een specifiek HR-thema" without naming them. */
const THEMES = ["Aanwerving en selectie", "Flexibel werken", "Loopbaan en mobiliteit", "Verloning en verloven", "Welzijn op het werk"] as const;

type Theme = (typeof THEMES)[number];

interface Example {
  board: string;
  motivation: number;
  maturity: number;
  group: string;
  affinity: Theme[];
  objectives: string;
}

/** Example selected boards, one per province and theme, with the pitch they made. */
const SELECTED: (Example & { theme: Theme; plan: string; options: [string, string, string] })[] = [
  {
    board: "Turnhout",
    motivation: 5,
    maturity: 3,
    group: "Groep A",
    affinity: ["Aanwerving en selectie"],
    objectives: "Vacatures sneller en breder invullen.",
    theme: "Aanwerving en selectie",
    plan: "Een wervingsaanpak die de vrijheden van het rechtspositiebesluit benut.",
    options: ["Sjabloon vacaturetekst", "Instrument competentiegericht selecteren", "Sjabloon onthaalbrochure"],
  },
  {
    board: "Oudenaarde",
    motivation: 4,
    maturity: 4,
    group: "Groep B",
    affinity: ["Flexibel werken", "Welzijn op het werk"],
    objectives: "Een kader voor plaats- en tijdsonafhankelijk werken.",
    theme: "Flexibel werken",
    plan: "Een reglement en een gesprekshulp voor flexibel werken.",
    options: ["Sjabloon reglement telewerk", "Instrument teamafspraken", "Sjabloon evaluatie flexibel werken"],
  },
  {
    board: "Ieper",
    motivation: 4,
    maturity: 3,
    group: "Groep A",
    affinity: ["Loopbaan en mobiliteit"],
    objectives: "Interne mobiliteit zichtbaar maken.",
    theme: "Loopbaan en mobiliteit",
    plan: "Loopbaanpaden en interne vacatures voor alle medewerkers.",
    options: ["Instrument loopbaangesprek", "Sjabloon interne vacature", "Instrument competentieprofiel"],
  },
  {
    board: "Tienen",
    motivation: 3,
    maturity: 4,
    group: "Groep B",
    affinity: ["Verloning en verloven"],
    objectives: "Een aantrekkelijk en transparant verloningsbeleid.",
    theme: "Verloning en verloven",
    plan: "De nieuwe verlofregeling en extralegale voordelen helder voorstellen.",
    options: ["Sjabloon verlofreglement", "Instrument cafetariaplan", "Sjabloon loonbrief met uitleg"],
  },
  {
    board: "Genk",
    motivation: 5,
    maturity: 4,
    group: "Groep C",
    affinity: ["Welzijn op het werk", "Flexibel werken"],
    objectives: "Verzuim terugdringen en werkbaar werk bevorderen.",
    theme: "Welzijn op het werk",
    plan: "Een welzijnsbeleid met aandacht voor re-integratie.",
    options: ["Instrument re-integratietraject", "Sjabloon welzijnsbevraging", "Instrument werkbaarheidsscan"],
  },
];

/** Example applicants not selected: the sounding board. */
const SOUNDING_BOARD: Example[] = [
  { board: "Lier", motivation: 4, maturity: 2, group: "Groep A", affinity: ["Aanwerving en selectie"], objectives: "Meer kandidaten per vacature." },
  { board: "Geel", motivation: 3, maturity: 3, group: "Groep A", affinity: ["Loopbaan en mobiliteit"], objectives: "Talent binnen het bestuur houden." },
  { board: "Dendermonde", motivation: 3, maturity: 2, group: "Groep B", affinity: ["Flexibel werken"], objectives: "Glijdende werktijden invoeren." },
  { board: "Halle", motivation: 4, maturity: 3, group: "Groep B", affinity: ["Verloning en verloven"], objectives: "Een eenvoudiger verlofstelsel." },
  { board: "Vilvoorde", motivation: 2, maturity: 3, group: "Groep C", affinity: ["Welzijn op het werk"], objectives: "Minder langdurig verzuim." },
  {
    board: "Sint-Truiden",
    motivation: 3,
    maturity: 4,
    group: "Groep C",
    affinity: ["Aanwerving en selectie", "Loopbaan en mobiliteit"],
    objectives: "Knelpuntvacatures invullen.",
  },
  { board: "Roeselare", motivation: 4, maturity: 4, group: "Groep A", affinity: ["Flexibel werken"], objectives: "Plaatsonafhankelijk werken uitrollen." },
];

/** Example steering group: other boards and an expert organisation. */
const STEERING_BOARDS = ["Mechelen", "Kortrijk"];
const STEERING_ORGANISATIONS = ["VVSG"];

/** What the seed writes for the campaign, for tests that check it. */
export const SEEDED_CAMPAIGN = {
  selectedBoards: SELECTED.map((e) => e.board),
  soundingBoard: SOUNDING_BOARD.map((e) => e.board),
  steeringBoards: STEERING_BOARDS,
  steeringOrganisations: STEERING_ORGANISATIONS,
  themes: THEMES,
  optionsPerPitch: 3,
} as const;

export async function seedCampaigns(tx: Tx): Promise<{ campaigns: number; campaignApplications: number; campaignPitches: number }> {
  const source = DUURZAAM_WERKGEVERSCHAP;
  const names = [...SELECTED, ...SOUNDING_BOARD].map((e) => e.board).concat(STEERING_BOARDS);
  const boardRows = await tx.select({ id: boards.id, name: boards.name }).from(boards).where(inArray(boards.name, names));
  const boardId = new Map(boardRows.map((b) => [b.name, b.id]));
  const organisationRows = await tx
    .select({ id: organisations.id, name: sql<string>`${organisations.name}->>'nl'` })
    .from(organisations)
    .where(inArray(sql`${organisations.name}->>'nl'`, [source.partner, ...STEERING_ORGANISATIONS]));
  const organisationId = new Map(organisationRows.map((o) => [o.name, o.id]));
  const partnerId = organisationId.get(source.partner) ?? null;

  const [campaign] = await tx
    .insert(campaigns)
    .values({
      title: source.title,
      focus: source.focus,
      partnerId,
      themes: [...THEMES],
      selectionSize: source.selectionSize,
      // The selected boards pitched on 31 May 2024, so the selection was confirmed by then.
      selectionConfirmedAt: new Date(`${source.soundingBoardMeeting}T00:00:00+02:00`),
    })
    .returning({ id: campaigns.id });
  if (!campaign) throw new Error("the campaign was not written");

  const application = (e: Example) => ({
    campaignId: campaign.id,
    boardId: boardId.get(e.board) as string,
    objectives: e.objectives,
    themeAffinity: e.affinity,
    motivationScore: e.motivation,
    maturityScore: e.maturity,
    groupLabel: e.group,
    example: true,
  });
  const present = (e: Example) => boardId.has(e.board);
  const selected = SELECTED.filter(present);
  const sounding = SOUNDING_BOARD.filter(present);
  const selectedApplications = await tx
    .insert(campaignApplications)
    .values(selected.map((e) => ({ ...application(e), status: "SELECTED" as const, theme: e.theme })))
    .returning();
  if (sounding.length > 0) await tx.insert(campaignApplications).values(sounding.map((e) => ({ ...application(e), status: "SOUNDING_BOARD" as const })));
  await tx
    .insert(campaignTrajectories)
    .values(selectedApplications.map((a) => ({ campaignId: campaign.id, applicationId: a.id, boardId: a.boardId, theme: a.theme as string, partnerId, focus: a.objectives })));
  const steering = [
    ...STEERING_BOARDS.filter((b) => boardId.has(b)).map((b) => ({ campaignId: campaign.id, boardId: boardId.get(b) as string, example: true })),
    ...STEERING_ORGANISATIONS.filter((o) => organisationId.has(o)).map((o) => ({ campaignId: campaign.id, organisationId: organisationId.get(o) as string, example: true })),
  ];
  if (steering.length > 0) await tx.insert(campaignSteeringMembers).values(steering);

  const [meeting] = await tx
    .insert(campaignMeetings)
    .values({
      campaignId: campaign.id,
      kind: "SOUNDING_BOARD",
      heldOn: source.soundingBoardMeeting,
      title: { nl: "Eerste bijeenkomst van de klankbordgroep: digitale pitches", en: "The sounding board's first meeting: digital pitches" },
    })
    .returning({ id: campaignMeetings.id });
  if (!meeting) throw new Error("the meeting was not written");

  // Every pitch in one statement and every option in another: the tests seed this for each test.
  const pitched = selectedApplications.flatMap((a) => {
    const example = selected.find((e) => boardId.get(e.board) === a.boardId);
    return example ? [{ application: a, example }] : [];
  });
  if (pitched.length === 0) return { campaigns: 1, campaignApplications: selected.length + sounding.length, campaignPitches: 0 };
  const pitches = await tx
    .insert(campaignPitches)
    .values(
      pitched.map(({ application: a, example }) => ({
        campaignId: campaign.id,
        meetingId: meeting.id,
        applicationId: a.id,
        boardId: a.boardId,
        plan: { nl: example.plan },
        example: true,
      })),
    )
    .returning({ id: campaignPitches.id, applicationId: campaignPitches.applicationId });
  const pitchOf = new Map(pitches.map((p) => [p.applicationId, p.id]));
  await tx.insert(campaignPitchOptions).values(
    pitched.flatMap(({ application, example }) =>
      example.options.map((title, i) => ({
        pitchId: pitchOf.get(application.id) as string,
        position: i + 1,
        kind: title.startsWith("Sjabloon") ? ("TEMPLATE" as const) : ("INSTRUMENT" as const),
        title: { nl: title },
      })),
    ),
  );
  return { campaigns: 1, campaignApplications: selected.length + sounding.length, campaignPitches: selectedApplications.length };
}

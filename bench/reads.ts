// The benchmark's reads: each our query and PostGraphile's equivalent over the same rows, with a
// normaliser per side that reduces an answer to the same plain data, so the run can check that the
// three servers answer alike before it measures them.
//
// Our ids are global ids and PostGraphile's are node ids, so ids are left out of the comparison;
// PostGraphile 4 sends jsonb as a JSON string (no dynamicJson) where PostGraphile 5 sends an object,
// and bigint as a string. Lists ordered by an expression PostGraphile cannot order by (a Dutch
// name inside jsonb) are read whole on both sides and sorted by the normaliser; paged lists are
// ordered by the same columns on every side. Where our rules would make the same query mean less
// for an anonymous caller, ours runs with a consultant's token (PostGraphile has no rules).

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Data = Record<string, unknown>;

export interface BenchRead {
  name: string;
  /** Our operation, and whether it needs a consultant's token. */
  ours: { query: string; consultant?: boolean };
  /** PostGraphile's operation: the same text serves PostGraphile 4 and 5. */
  theirs: { query: string };
  normaliseOurs(data: Data): Json;
  normaliseTheirs(data: Data): Json;
}

/** A jsonb value as an object, whichever way the server sent it. */
function json(value: unknown): Record<string, Json> {
  if (value === null || value === undefined) return {};
  return (typeof value === "string" ? JSON.parse(value) : value) as Record<string, Json>;
}

/** The Dutch text of a localised jsonb column (our `title` and `name` fields answer in Dutch by default). */
function nl(value: unknown): Json {
  return json(value).nl ?? null;
}

function translations(value: unknown): Json {
  const t = json(value);
  return { nl: t.nl ?? null, fr: t.fr ?? null, en: t.en ?? null };
}

function instant(value: unknown): Json {
  return value === null || value === undefined ? null : new Date(String(value)).toISOString();
}

function cents(value: unknown): Json {
  return value === null || value === undefined ? null : Number(value);
}

function nodes(connection: unknown): Data[] {
  const c = connection as { nodes?: Data[]; edges?: { node: Data }[] };
  return c.nodes ?? c.edges?.map((e) => e.node) ?? [];
}

function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

const BOARD_FIELDS = "name kind nisCode province population belfiusCluster createdAt updatedAt";

function board(b: Data): Json {
  return {
    name: b.name as string,
    kind: b.kind as string,
    nisCode: (b.nisCode as string | null) ?? null,
    province: b.province as string,
    population: b.population as number,
    belfiusCluster: (b.belfiusCluster as string | null) ?? null,
    createdAt: instant(b.createdAt),
    updatedAt: instant(b.updatedAt),
  };
}

export const reads: BenchRead[] = [
  {
    name: "50 boards, 4 fields",
    ours: { query: "query BenchBoards50 { boards(first: 50) { edges { node { name kind nisCode population } } } }" },
    theirs: { query: "query BenchBoards50 { allBoards(first: 50, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { name kind nisCode population } } }" },
    normaliseOurs: (d) => nodes(d.boards).map((b) => ({ name: b.name, kind: b.kind, nisCode: b.nisCode, population: b.population }) as Json),
    normaliseTheirs: (d) => nodes(d.allBoards).map((b) => ({ name: b.name, kind: b.kind, nisCode: b.nisCode, population: b.population }) as Json),
  },
  {
    name: "the agreement with tracks, actions, partners' names",
    ours: {
      query: "query BenchAgreement { fundingAgreements { edges { node { title tracks { number title actions { number title partners { name } } } } } } }",
      consultant: true,
    },
    theirs: {
      query: `query BenchAgreement { allFundingAgreements(orderBy: PRIMARY_KEY_ASC) { nodes { title
        tracksByAgreementId { nodes { number title actionsByTrackId { nodes { number title actionPartnersByActionId { nodes { organisationByOrganisationId { name } } } } } } } } } }`,
    },
    normaliseOurs: (d) =>
      nodes(d.fundingAgreements).map((a) => ({
        title: a.title as string,
        tracks: sortBy(a.tracks as Data[], (t) => String(t.number).padStart(4, "0")).map((t) => ({
          number: t.number as number,
          title: t.title as string,
          actions: sortBy(t.actions as Data[], (x) => String(x.number).padStart(4, "0")).map((x) => ({
            number: x.number as number,
            title: x.title as string,
            partners: (x.partners as Data[]).map((p) => p.name as string).sort(),
          })),
        })),
      })),
    normaliseTheirs: (d) =>
      nodes(d.allFundingAgreements).map((a) => ({
        title: nl(a.title),
        tracks: sortBy(nodes(a.tracksByAgreementId), (t) => String(t.number).padStart(4, "0")).map((t) => ({
          number: t.number as number,
          title: nl(t.title),
          actions: sortBy(nodes(t.actionsByTrackId), (x) => String(x.number).padStart(4, "0")).map((x) => ({
            number: x.number as number,
            title: nl(x.title),
            partners: nodes(x.actionPartnersByActionId)
              .map((p) => nl((p.organisationByOrganisationId as Data).name) as string)
              .sort(),
          })),
        })),
      })),
  },
  {
    name: "100 boards, all fields, totalCount, pageInfo",
    ours: { query: `query BenchBoards100 { boards(first: 100) { totalCount pageInfo { hasNextPage } edges { node { id ${BOARD_FIELDS} } } } }` },
    theirs: {
      query: `query BenchBoards100 { allBoards(first: 100, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { totalCount pageInfo { hasNextPage } nodes { id ${BOARD_FIELDS} } } }`,
    },
    normaliseOurs: (d) => {
      const c = d.boards as Data;
      return { totalCount: c.totalCount as number, hasNextPage: (c.pageInfo as Data).hasNextPage as boolean, boards: nodes(c).map(board) };
    },
    normaliseTheirs: (d) => {
      const c = d.allBoards as Data;
      return { totalCount: c.totalCount as number, hasNextPage: (c.pageInfo as Data).hasNextPage as boolean, boards: nodes(c).map(board) };
    },
  },
  {
    name: "organisations (every one, translations)",
    ours: { query: "query BenchOrganisations { organisations(first: 100) { edges { node { nameTranslations { nl fr en } kind website enterpriseNumber } } } }" },
    theirs: { query: "query BenchOrganisations { allOrganisations { nodes { name kind website enterpriseNumber } } }" },
    normaliseOurs: (d) =>
      sortBy(
        nodes(d.organisations).map(
          (o) => ({ name: translations(o.nameTranslations), kind: o.kind, website: o.website ?? null, enterpriseNumber: o.enterpriseNumber ?? null }) as Json,
        ),
        (o) => JSON.stringify(o),
      ),
    normaliseTheirs: (d) =>
      sortBy(
        nodes(d.allOrganisations).map((o) => ({ name: translations(o.name), kind: o.kind, website: o.website ?? null, enterpriseNumber: o.enterpriseNumber ?? null }) as Json),
        (o) => JSON.stringify(o),
      ),
  },
  {
    name: "trainings with their first 5 sessions",
    // As a consultant: the public sees only sessions with a free seat (a count over the enrolments
    // that PostGraphile has no equivalent of), a consultant every session, as PostGraphile does.
    ours: {
      query:
        "query BenchTrainings { trainings(first: 100) { edges { node { title format fee { cents } sessions(first: 5) { edges { node { startsAt capacity online place } } } } } } }",
      consultant: true,
    },
    theirs: {
      query: `query BenchTrainings { allTrainings { nodes { title format feeCents
        trainingSessionsByTrainingId(first: 5, orderBy: [STARTS_AT_ASC, PRIMARY_KEY_ASC]) { nodes { startsAt capacity online place } } } } }`,
    },
    normaliseOurs: (d) =>
      sortBy(
        nodes(d.trainings).map(
          (t) =>
            ({
              title: t.title,
              format: t.format,
              fee: cents((t.fee as Data).cents),
              sessions: nodes(t.sessions).map((s) => ({ startsAt: instant(s.startsAt), capacity: s.capacity, online: s.online, place: s.place ?? null })),
            }) as Json,
        ),
        (t) => JSON.stringify(t),
      ),
    normaliseTheirs: (d) =>
      sortBy(
        nodes(d.allTrainings).map(
          (t) =>
            ({
              title: nl(t.title),
              format: t.format,
              fee: cents(t.feeCents),
              sessions: nodes(t.trainingSessionsByTrainingId).map((s) => ({ startsAt: instant(s.startsAt), capacity: s.capacity, online: s.online, place: s.place ?? null })),
            }) as Json,
        ),
        (t) => JSON.stringify(t),
      ),
  },
  {
    name: "published campaign results",
    ours: { query: "query BenchCampaignResults { campaignResults(first: 100) { edges { node { title theme kind publishedAt } } } }" },
    theirs: { query: "query BenchCampaignResults { allCampaignResults(condition: { status: PUBLISHED }) { nodes { title theme kind publishedAt } } }" },
    normaliseOurs: (d) =>
      sortBy(
        nodes(d.campaignResults).map((r) => ({ title: r.title, theme: r.theme, kind: r.kind, publishedAt: instant(r.publishedAt) }) as Json),
        (r) => JSON.stringify(r),
      ),
    normaliseTheirs: (d) =>
      sortBy(
        nodes(d.allCampaignResults).map((r) => ({ title: nl(r.title), theme: r.theme, kind: r.kind, publishedAt: instant(r.publishedAt) }) as Json),
        (r) => JSON.stringify(r),
      ),
  },
  {
    name: "LaboLokaal themes with their calls",
    ours: { query: "query BenchThemes { themes { name fundingSource calls { title opensOn deadline support { cents } } } }" },
    theirs: { query: "query BenchThemes { allLaboThemes { nodes { name fundingSource laboProjectCallsByThemeId { nodes { title opensOn deadline supportCents } } } } }" },
    normaliseOurs: (d) =>
      sortBy(
        (d.themes as Data[]).map(
          (t) =>
            ({
              name: t.name,
              fundingSource: t.fundingSource,
              calls: sortBy(
                (t.calls as Data[]).map((c) => ({ title: c.title, opensOn: c.opensOn, deadline: c.deadline, support: cents((c.support as Data).cents) }) as Json),
                (c) => JSON.stringify(c),
              ),
            }) as Json,
        ),
        (t) => JSON.stringify(t),
      ),
    normaliseTheirs: (d) =>
      sortBy(
        nodes(d.allLaboThemes).map(
          (t) =>
            ({
              name: nl(t.name),
              fundingSource: t.fundingSource,
              calls: sortBy(
                nodes(t.laboProjectCallsByThemeId).map((c) => ({ title: nl(c.title), opensOn: c.opensOn, deadline: c.deadline, support: cents(c.supportCents) }) as Json),
                (c) => JSON.stringify(c),
              ),
            }) as Json,
        ),
        (t) => JSON.stringify(t),
      ),
  },
  {
    name: "the mentoring directory with organisations",
    ours: { query: "query BenchMentoring { mentoringProjects(first: 100) { edges { node { name regions format capacity acceptsMentors organisation { name } } } } }" },
    theirs: { query: "query BenchMentoring { allMentoringProjects { nodes { name regions format capacity acceptsMentors organisationByOrganisationId { name } } } }" },
    normaliseOurs: (d) =>
      sortBy(
        nodes(d.mentoringProjects).map(
          (p) =>
            ({
              name: p.name,
              regions: p.regions,
              format: p.format ?? null,
              capacity: p.capacity ?? null,
              acceptsMentors: p.acceptsMentors,
              organisation: ((p.organisation as Data | null)?.name as string) ?? null,
            }) as Json,
        ),
        (p) => JSON.stringify(p),
      ),
    normaliseTheirs: (d) =>
      sortBy(
        nodes(d.allMentoringProjects).map(
          (p) =>
            ({
              name: p.name,
              regions: p.regions,
              format: p.format ?? null,
              capacity: p.capacity ?? null,
              acceptsMentors: p.acceptsMentors,
              organisation: p.organisationByOrganisationId ? nl((p.organisationByOrganisationId as Data).name) : null,
            }) as Json,
        ),
        (p) => JSON.stringify(p),
      ),
  },
  {
    name: "programmes with their phases",
    ours: { query: "query BenchProgrammes { programmes { slug kind title startYear phases { position title status startsOn endsOn } } }" },
    theirs: {
      query: "query BenchProgrammes { allProgrammes { nodes { slug kind title startYear programmePhasesByProgrammeId { nodes { position title status startsOn endsOn } } } } }",
    },
    normaliseOurs: (d) =>
      sortBy(
        (d.programmes as Data[]).map(
          (p) =>
            ({
              slug: p.slug,
              kind: p.kind,
              title: p.title,
              startYear: p.startYear ?? null,
              phases: sortBy(p.phases as Data[], (x) => String(x.position).padStart(4, "0")).map((x) => ({
                position: x.position,
                title: x.title,
                status: x.status,
                startsOn: x.startsOn ?? null,
                endsOn: x.endsOn ?? null,
              })),
            }) as Json,
        ),
        (p) => (p as { slug: string }).slug,
      ),
    normaliseTheirs: (d) =>
      sortBy(
        nodes(d.allProgrammes).map(
          (p) =>
            ({
              slug: p.slug,
              kind: p.kind,
              title: nl(p.title),
              startYear: p.startYear ?? null,
              phases: sortBy(nodes(p.programmePhasesByProgrammeId), (x) => String(x.position).padStart(4, "0")).map((x) => ({
                position: x.position,
                title: nl(x.title),
                status: x.status,
                startsOn: x.startsOn ?? null,
                endsOn: x.endsOn ?? null,
              })),
            }) as Json,
        ),
        (p) => (p as { slug: string }).slug,
      ),
  },
];

/** The first place where `a` and `b` differ, as a path and both values; undefined when equal. */
export function firstDifference(a: Json, b: Json, path = "$"): string | undefined {
  if (a === b) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length || i >= b.length) return `${path}: ${a.length} items against ${b.length}`;
      const d = firstDifference(a[i] as Json, b[i] as Json, `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a[key] ?? null) as Json, (b[key] ?? null) as Json, `${path}.${key}`);
      if (d) return d;
    }
    return undefined;
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 80)} against ${JSON.stringify(b)?.slice(0, 80)}`;
}

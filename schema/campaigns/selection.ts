// The selection proposal: which applicants make the most diverse selection of a given size.
// Pure: no database, no GraphQL; selection.service.ts loads the applications and shapes the answer.
//
// The rule, exactly (the GraphQL description of SelectionProposal says the same in short):
// - Only applications with both scores (motivation and maturity, 1-5) are candidates.
// - A selection's diversity is the number of distinct provinces, plus the number of distinct
//   population classes (`populationClass`), plus the number of distinct Belfius clusters (a board
//   without a cluster adds none) among the chosen boards.
// - The proposal is the set of `size` candidates that maximises, in this order, (diversity, the sum
//   of motivation + maturity, the sum of motivation). Among sets equal on all three, it is the one
//   that comes first when the candidates are ordered by (motivation + maturity descending, board
//   name by code point, board id) and sets are compared as the sorted lists of their positions in
//   that order. So the answer does not depend on the order the applications arrive in.
// - The search is a depth-first branch and bound over the candidates in that order, taking a
//   candidate before leaving it out, so the first best set it meets is the one the tie rule wants.
//   A branch is cut when even its upper bound cannot beat the best set so far: per dimension, the
//   values covered plus min(slots left, values not yet covered among the remaining candidates); the
//   score of the best remaining candidates (they come in score order); and the motivation of the
//   `slots` most motivated remaining ones. A greedy pick seeds the best set. The search stops after
//   a node budget (2,000,000 by default); `optimal` is false only then, with the best set found.
// - Each chosen board comes with its reasons: what only it adds to the selection (its province,
//   population class or Belfius cluster), and its scores.

import type { campaignApplications, campaigns } from "../../db/schema/campaigns.js";

export type PopulationClass = "UNDER_10K" | "FROM_10K_TO_25K" | "FROM_25K_TO_50K" | "FROM_50K_TO_100K" | "FROM_100K";

/** The class the diversity counts, by the board's population. */
export function populationClass(population: number): PopulationClass {
  if (population < 10_000) return "UNDER_10K";
  if (population < 25_000) return "FROM_10K_TO_25K";
  if (population < 50_000) return "FROM_25K_TO_50K";
  if (population < 100_000) return "FROM_50K_TO_100K";
  return "FROM_100K";
}

const CLASS_WORDS: Record<PopulationClass, string> = {
  UNDER_10K: "fewer than 10,000 inhabitants",
  FROM_10K_TO_25K: "10,000 to 24,999 inhabitants",
  FROM_25K_TO_50K: "25,000 to 49,999 inhabitants",
  FROM_50K_TO_100K: "50,000 to 99,999 inhabitants",
  FROM_100K: "100,000 inhabitants or more",
};

type ApplicationRow = typeof campaignApplications.$inferSelect;
type CampaignRow = typeof campaigns.$inferSelect;

export interface ProposedBoardView {
  application: ApplicationRow;
  populationClass: PopulationClass;
  score: number;
  reasons: string[];
}

export interface SelectionProposalView {
  campaign: CampaignRow;
  size: number;
  diversity: number;
  regions: number;
  populationClasses: number;
  belfiusClusters: number;
  score: number;
  boards: ProposedBoardView[];
  consideredApplications: number;
  unscoredApplications: number;
  optimal: boolean;
}

/** A scored application as the proposal weighs it. */
export interface Candidate {
  /** The application's id (any unique key). */
  id: string;
  boardId: string;
  boardName: string;
  province: string;
  population: number;
  belfiusCluster: string | null;
  /** 1-5, as the table's checks keep them. */
  motivation: number;
  /** 1-5. */
  maturity: number;
}

export interface Proposal<C extends Candidate> {
  /** The chosen candidates in the candidate order (score desc, board name, board id). */
  chosen: C[];
  reasons: Map<string, string[]>;
  diversity: number;
  regions: number;
  populationClasses: number;
  belfiusClusters: number;
  /** Sum of motivation + maturity. */
  score: number;
  motivation: number;
  optimal: boolean;
  /** Search nodes visited (for tests of the budget). */
  nodes: number;
}

export const DEFAULT_NODE_BUDGET = 2_000_000;

const scoreOf = (c: Candidate) => c.motivation + c.maturity;

/** Code-point order, the same on every machine and locale. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order the search walks and the tie rule uses: score descending, board name, board id. */
export function candidateOrder(a: Candidate, b: Candidate): number {
  return scoreOf(b) - scoreOf(a) || compareText(a.boardName, b.boardName) || compareText(a.boardId, b.boardId) || compareText(a.id, b.id);
}

type Value = [diversity: number, score: number, motivation: number];

/** -1, 0 or 1 as a is lexicographically below, equal to or above b. */
function compareValue(a: Value, b: Value): number {
  for (let i = 0; i < 3; i++) if (a[i]! !== b[i]!) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

function compareIndices(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i]! !== b[i]!) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** A dimension's values as bits, in words of 30 bits, so any number of clusters fits. */
class Dimension {
  readonly words: number;
  /** The bit (word, mask) of each candidate's value; null for a board without one. */
  readonly bit: ({ word: number; mask: number } | null)[];
  /** The values among candidates i..n-1, per i (and an empty set at n). */
  readonly suffix: Int32Array[];

  constructor(values: (string | null)[]) {
    const index = new Map<string, number>();
    for (const v of values) if (v !== null && !index.has(v)) index.set(v, index.size);
    this.words = Math.max(1, Math.ceil(index.size / 30));
    this.bit = values.map((v) => {
      if (v === null) return null;
      const i = index.get(v)!;
      return { word: Math.floor(i / 30), mask: 1 << (i % 30) };
    });
    this.suffix = Array.from({ length: values.length + 1 }, () => new Int32Array(this.words));
    for (let i = values.length - 1; i >= 0; i--) {
      this.suffix[i]!.set(this.suffix[i + 1]!);
      const b = this.bit[i];
      if (b) this.suffix[i]![b.word]! |= b.mask;
    }
  }
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
}

function count(words: Int32Array): number {
  let n = 0;
  for (const w of words) n += popcount(w);
  return n;
}

/** Values among candidates i.. not yet in `covered`. */
function uncovered(dim: Dimension, covered: Int32Array, i: number): number {
  let n = 0;
  const s = dim.suffix[i]!;
  for (let w = 0; w < dim.words; w++) n += popcount(s[w]! & ~covered[w]!);
  return n;
}

const provinceOf = (c: Candidate) => c.province;
const classOf = (c: Candidate): string => populationClass(c.population);
const clusterOf = (c: Candidate) => c.belfiusCluster;

/**
 * The most diverse selection of `size` candidates (see the rule at the top of this file). Throws
 * when size is not between 1 and the number of candidates: the service checks that first.
 */
export function proposeSelection<C extends Candidate>(input: readonly C[], size: number, options: { budget?: number } = {}): Proposal<C> {
  if (!Number.isInteger(size) || size < 1 || size > input.length) throw new RangeError(`size must be from 1 to ${input.length}`);
  const budget = options.budget ?? DEFAULT_NODE_BUDGET;
  const cands = [...input].sort(candidateOrder);
  const n = cands.length;
  const dims = [new Dimension(cands.map(provinceOf)), new Dimension(cands.map(classOf)), new Dimension(cands.map(clusterOf))];
  const scores = cands.map(scoreOf);
  const motivations = cands.map((c) => c.motivation);
  // Prefix sums of the scores: the best `k` remaining from i are i..i+k-1 (score order).
  const scorePrefix = [0];
  for (const s of scores) scorePrefix.push(scorePrefix.at(-1)! + s);
  // How many candidates of each motivation (1-5) remain from i: the `k` most motivated of them bound the motivation left.
  const motivationSuffix = Array.from({ length: n + 1 }, () => new Int32Array(6));
  for (let i = n - 1; i >= 0; i--) {
    motivationSuffix[i]!.set(motivationSuffix[i + 1]!);
    motivationSuffix[i]![Math.max(0, Math.min(5, motivations[i]!))]! += 1;
  }
  const bestMotivation = (i: number, k: number): number => {
    let total = 0;
    let left = k;
    for (let v = 5; v >= 0 && left > 0; v--) {
      const take = Math.min(left, motivationSuffix[i]![v]!);
      total += take * v;
      left -= take;
    }
    return total;
  };

  const valueOfSet = (indices: readonly number[]): Value => {
    const covered = dims.map((d) => new Int32Array(d.words));
    let score = 0;
    let motivation = 0;
    for (const i of indices) {
      dims.forEach((d, k) => {
        const b = d.bit[i];
        if (b) covered[k]![b.word]! |= b.mask;
      });
      score += scores[i]!;
      motivation += motivations[i]!;
    }
    return [covered.reduce((sum, c) => sum + count(c), 0), score, motivation];
  };

  // The greedy seed: each step takes the candidate that adds most (diversity, score, motivation), the first in order on a tie.
  const greedy: number[] = [];
  for (let step = 0; step < size; step++) {
    let pick = -1;
    let pickValue: Value | null = null;
    for (let i = 0; i < n; i++) {
      if (greedy.includes(i)) continue;
      const value = valueOfSet([...greedy, i]);
      if (!pickValue || compareValue(value, pickValue) > 0) {
        pick = i;
        pickValue = value;
      }
    }
    greedy.push(pick);
  }
  greedy.sort((a, b) => a - b);
  let best = { indices: greedy, value: valueOfSet(greedy), fromSearch: false };

  let nodes = 0;
  let exhausted = false;
  const chosen: number[] = [];
  const covered = dims.map((d) => new Int32Array(d.words));

  const search = (i: number, score: number, motivation: number): void => {
    if (exhausted) return;
    if (++nodes > budget) {
      exhausted = true;
      return;
    }
    const slots = size - chosen.length;
    if (slots === 0) {
      const value: Value = [covered.reduce((sum, c) => sum + count(c), 0), score, motivation];
      const better = compareValue(value, best.value);
      if (better > 0 || (better === 0 && compareIndices(chosen, best.indices) < 0)) best = { indices: [...chosen], value, fromSearch: true };
      else if (better === 0) best.fromSearch = true;
      return;
    }
    if (n - i < slots) return;
    let diversityBound = 0;
    dims.forEach((d, k) => {
      diversityBound += count(covered[k]!) + Math.min(slots, uncovered(d, covered[k]!, i));
    });
    const bound: Value = [diversityBound, score + scorePrefix[i + slots]! - scorePrefix[i]!, motivation + bestMotivation(i, slots)];
    const against = compareValue(bound, best.value);
    // Nothing here beats the best; an equal set found here would come later in the tie order than
    // one the search has already met (not so for the greedy seed, which is checked by order).
    if (against < 0 || (against === 0 && best.fromSearch)) return;
    // Take candidate i.
    const saved = dims.map((_, k) => covered[k]!.slice());
    dims.forEach((d, k) => {
      const b = d.bit[i];
      if (b) covered[k]![b.word]! |= b.mask;
    });
    chosen.push(i);
    search(i + 1, score + scores[i]!, motivation + motivations[i]!);
    chosen.pop();
    saved.forEach((s, k) => covered[k]!.set(s));
    // Leave it out.
    search(i + 1, score, motivation);
  };
  search(0, 0, 0);

  const picked = best.indices.map((i) => cands[i]!);
  const [diversity, score, motivation] = best.value;
  return {
    chosen: picked,
    reasons: reasonsFor(picked),
    diversity,
    regions: new Set(picked.map(provinceOf)).size,
    populationClasses: new Set(picked.map(classOf)).size,
    belfiusClusters: new Set(picked.flatMap((c) => (c.belfiusCluster === null ? [] : [c.belfiusCluster]))).size,
    score,
    motivation,
    optimal: !exhausted,
    nodes: Math.min(nodes, budget),
  };
}

/** Why each chosen board is in: what only it brings to the selection, and its scores. */
function reasonsFor<C extends Candidate>(picked: C[]): Map<string, string[]> {
  const tally = (key: (c: C) => string | null) => {
    const counts = new Map<string, number>();
    for (const c of picked) {
      const k = key(c);
      if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    return (c: C) => {
      const k = key(c);
      return k !== null && counts.get(k) === 1;
    };
  };
  const onlyProvince = tally(provinceOf);
  const onlyClass = tally(classOf);
  const onlyCluster = tally(clusterOf);
  const reasons = new Map<string, string[]>();
  for (const c of picked) {
    const unique: string[] = [];
    if (onlyProvince(c)) unique.push(`the only board from ${c.province} in the selection`);
    if (onlyClass(c)) unique.push(`the only one of ${CLASS_WORDS[populationClass(c.population)]}`);
    if (onlyCluster(c)) unique.push(`the only one in Belfius cluster '${c.belfiusCluster}'`);
    const scores = `motivation ${c.motivation}/5, maturity ${c.maturity}/5`;
    reasons.set(c.id, unique.length > 0 ? [...unique, scores] : [`chosen on its scores (${scores}) among equally diverse options`]);
  }
  return reasons;
}

import { COMPLAINT_TERM_STATISTICS } from './complaint-idf.data';
import { KINDRED_FAULTS } from './complaint-concepts.data';
import { FAULT_PREFIX, readComplaint } from './complaint-terms.util';

/**
 * Shares of the three cosines in the similarity. Units (single characters) survive word order changes and
 * splits ("没有井盖" / "井盖没了" share 井, 盖, 没 but only the pair 井盖); pairs stand for words and keep two
 * complaints that merely share common characters apart; concepts (complaint-concepts.data.ts) match
 * rewordings that share no character (窨井盖不见了 / 井盖被偷了). When neither text names a concept, units
 * and pairs share the whole in the same proportion.
 */
const SHARES = { units: 0.3, pairs: 0.4, concepts: 0.3 } as const;

/**
 * Factor on the similarity of two complaints that both name a fault (complaint-concepts.data.ts) but no
 * fault in common or kindred (KINDRED_FAULTS): "井盖缺失" and "井盖松动" are about one kind of object but
 * not one problem; "水管爆了" and "水管破了" may well be one.
 */
const FAULT_CONFLICT_FACTOR = 0.6;

/**
 * Factor on the similarity of two complaints that state different details of one kind (DETAIL_FAMILIES,
 * complaint-concepts.data.ts): each names a member of a family and they name none in common (死猫 / 死狗,
 * 树枝挡住路灯 / 树枝挡住红绿灯). Such texts can share every other word, so the factor is stronger than a
 * fault conflict's.
 */
const DETAIL_CONFLICT_FACTOR = 0.4;

/** How specific to a category a term the corpus never saw (or saw once) is taken to be: neither a landmark nor a fault word. */
const UNSEEN_SPECIFICITY = 0.5;
/** Even a term found in complaints of every category keeps this share of its weight: it still says something. */
const SPECIFICITY_FLOOR = 0.1;

/**
 * A term's weight from our corpus of resident complaints (tools/classifier/corpus, complaint-idf.data.ts):
 * inverse document frequency (a term in most complaints, 路 or 有, weighs little) times how specific it is
 * to a category. Terms naming an object or a fault (井盖, 松动, 死狗) weigh most; a landmark (银行, 幼儿园)
 * or a time (晚上) occurs in complaints of every category and weighs little: it says where or when, which
 * the GPS fix and the ticket's age already tell, not what is wrong. The IDF is smoothed, so a term the
 * corpus never saw weighs like one seen less than once.
 */
function weightOf(count: number, specificity: number): number {
  const idf = Math.log((COMPLAINT_TERM_STATISTICS.documents + 1) / (count + 1)) + 1;
  return idf * (SPECIFICITY_FLOOR + (1 - SPECIFICITY_FLOOR) * specificity);
}

/** The weights of the corpus's terms, computed once (a fingerprint asks for ~100 of them). */
let weights: Map<string, number> | null = null;
const UNSEEN_WEIGHT = weightOf(0, UNSEEN_SPECIFICITY);

function termWeight(term: string): number {
  weights ??= new Map(Object.entries(COMPLAINT_TERM_STATISTICS.terms).map(([known, [count, specificity]]) => [known, weightOf(count, specificity)]));
  return weights.get(term) ?? UNSEEN_WEIGHT;
}

/** A text reduced to what similarity compares: weighted unit and pair vectors and their norms. */
export interface TextFingerprint {
  readonly units: ReadonlyMap<string, number>;
  readonly pairs: ReadonlyMap<string, number>;
  readonly concepts: ReadonlyMap<string, number>;
  readonly unitNorm: number;
  readonly pairNorm: number;
  readonly conceptNorm: number;
  readonly faults: ReadonlySet<string>;
  /** The details the text states, as "family:concept" (readComplaint). */
  readonly details: ReadonlySet<string>;
}

/** Sublinear term frequency (1 + ln tf) times the term's weight, so a character repeated for emphasis (臭臭臭) does not dominate. */
function weighted(counts: Map<string, number>): { vector: Map<string, number>; norm: number } {
  const vector = new Map<string, number>();
  let squares = 0;
  for (const [term, count] of counts) {
    const value = (1 + Math.log(count)) * termWeight(term);
    vector.set(term, value);
    squares += value * value;
  }
  return { vector, norm: Math.sqrt(squares) };
}

/** Computes once what `fingerprintSimilarity` compares, so one report can be compared with many tickets cheaply. */
export function textFingerprint(text: string): TextFingerprint {
  const counts = { u: new Map<string, number>(), b: new Map<string, number>(), c: new Map<string, number>() };
  const { terms, details } = readComplaint(text);
  for (const term of terms) {
    const kind = counts[term[0] as keyof typeof counts];
    kind.set(term, (kind.get(term) ?? 0) + 1);
  }
  const units = weighted(counts.u);
  const pairs = weighted(counts.b);
  const concepts = weighted(counts.c);
  const faults = new Set([...counts.c.keys()].filter((term) => term.startsWith(`c:${FAULT_PREFIX}`)));
  return { units: units.vector, pairs: pairs.vector, concepts: concepts.vector, unitNorm: units.norm, pairNorm: pairs.norm, conceptNorm: concepts.norm, faults, details: new Set(details) };
}

function cosine(a: ReadonlyMap<string, number>, aNorm: number, b: ReadonlyMap<string, number>, bNorm: number): number {
  if (aNorm === 0 || bNorm === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, value] of small) {
    const other = large.get(term);
    if (other !== undefined) dot += value * other;
  }
  return dot / (aNorm * bNorm);
}

/** Fault concepts ("c:fault.loose") that one observation may be described by, each with itself. */
const KINDRED = new Map<string, Set<string>>();
for (const group of KINDRED_FAULTS) {
  for (const fault of group) {
    const kin = KINDRED.get(`c:${FAULT_PREFIX}${fault}`) ?? new Set<string>();
    for (const other of group) kin.add(`c:${FAULT_PREFIX}${other}`);
    KINDRED.set(`c:${FAULT_PREFIX}${fault}`, kin);
  }
}
const faultsAgree = (a: string, b: string): boolean => a === b || (KINDRED.get(a)?.has(b) ?? false);

/** Whether, in some detail family, both texts name a member and no member is named by both. */
function detailsConflict(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const families = (details: ReadonlySet<string>) => new Set([...details].map((detail) => detail.slice(0, detail.indexOf(':'))));
  const shared = families(b);
  for (const family of families(a)) {
    if (!shared.has(family)) continue;
    const inFamily = [...a].filter((detail) => detail.startsWith(`${family}:`));
    if (!inFamily.some((detail) => b.has(detail))) return true;
  }
  return false;
}

/**
 * Similarity of two fingerprints in [0, 1]: a weighted mix (SHARES) of the cosines of their unit, pair and
 * concept vectors. When either text has no pair (a single character of content), the pair cosine is left
 * out; when neither names a concept, so is the concept cosine (one naming a concept the other lacks is
 * evidence against).
 */
export function fingerprintSimilarity(a: TextFingerprint, b: TextFingerprint): number {
  let weighted = SHARES.units * cosine(a.units, a.unitNorm, b.units, b.unitNorm);
  let total = SHARES.units;
  if (a.pairNorm > 0 && b.pairNorm > 0) {
    weighted += SHARES.pairs * cosine(a.pairs, a.pairNorm, b.pairs, b.pairNorm);
    total += SHARES.pairs;
  }
  if (a.conceptNorm > 0 || b.conceptNorm > 0) {
    weighted += SHARES.concepts * cosine(a.concepts, a.conceptNorm, b.concepts, b.conceptNorm);
    total += SHARES.concepts;
  }
  const faultConflict = a.faults.size > 0 && b.faults.size > 0 && ![...a.faults].some((fault) => [...b.faults].some((other) => faultsAgree(fault, other)));
  const factor = (detailsConflict(a.details, b.details) ? DETAIL_CONFLICT_FACTOR : 1) * (faultConflict ? FAULT_CONFLICT_FACTOR : 1);
  return Math.min(1, (weighted / total) * factor);
}

/**
 * How alike two complaints are in what they say is wrong, in [0, 1]: the tf-idf cosine of their characters
 * and character pairs (complaint-terms.util.ts: normalised text without greetings, requests to act and
 * positional words). 1 = the same content once punctuation, width, script, case and boilerplate are
 * ignored; 0 = no content in common. "井盖没了，太危险" and "这里没有井盖，很危险" score well above two
 * complaints about different problems. Two texts without content score 0: there is nothing to agree on.
 */
export function textSimilarity(a: string, b: string): number {
  return fingerprintSimilarity(textFingerprint(a), textFingerprint(b));
}

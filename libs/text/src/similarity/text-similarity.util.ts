import { normaliseForSimilarity, similarityUnits } from './similarity-units.util';

/**
 * Characters that carry grammar rather than content: two complaints share them whatever they are about.
 * Without a corpus to compute IDF from, a fixed list stands in for it.
 */
const FUNCTION_CHARACTERS = new Set([...'的了是在有很也都就还这那个吧呢啊呀吗么着们我你他她它和与及或被把给让']);

/** Words nearly every complaint contains ("please deal with it soon"); they say nothing about which problem. */
const BOILERPLATE_BIGRAMS = new Set([
  '处理', '尽快', '希望', '部门', '有关', '相关', '麻烦', '谢谢', '影响', '附近', '旁边', '这里', '这边', '一下',
  '问题', '反映', '市民', '现在', '已经', '好几', '几天', '一直', '请求', '解决', '管管', '严重', '非常', '真的',
]);

/** Weight of a unit or bigram made only of function characters, or of a boilerplate bigram. */
const LOW_INFORMATION_WEIGHT = 0.25;

/**
 * Share of the unigram cosine in the similarity; the rest is the bigram cosine. Unigrams survive word
 * order changes and splits ("没有井盖" / "井盖没了" share 井, 盖, 没 but only the bigram 井盖); bigrams stand
 * for words and keep two complaints that merely share common characters (路, 口, 边) apart. Bigrams weigh
 * more because they are the stronger evidence of the same problem.
 */
const UNIGRAM_SHARE = 0.4;

/** A text reduced to what similarity compares: weighted unigram and bigram vectors and their norms. */
export interface TextFingerprint {
  readonly unigrams: ReadonlyMap<string, number>;
  readonly bigrams: ReadonlyMap<string, number>;
  readonly unigramNorm: number;
  readonly bigramNorm: number;
}

function isFunctionUnit(unit: string): boolean {
  return FUNCTION_CHARACTERS.has(unit);
}

/** Sublinear term frequency (1 + ln tf), so a character repeated for emphasis (很很很) does not dominate. */
function weightedVector(counts: Map<string, { count: number; weight: number }>): { vector: Map<string, number>; norm: number } {
  const vector = new Map<string, number>();
  let squares = 0;
  for (const [feature, { count, weight }] of counts) {
    const value = (1 + Math.log(count)) * weight;
    vector.set(feature, value);
    squares += value * value;
  }
  return { vector, norm: Math.sqrt(squares) };
}

function tally(counts: Map<string, { count: number; weight: number }>, feature: string, weight: number): void {
  const entry = counts.get(feature);
  if (entry) entry.count += 1;
  else counts.set(feature, { count: 1, weight });
}

/** Computes once what `fingerprintSimilarity` compares, so one report can be compared with many tickets cheaply. */
export function textFingerprint(text: string): TextFingerprint {
  const units = similarityUnits(normaliseForSimilarity(text));
  const unigramCounts = new Map<string, { count: number; weight: number }>();
  const bigramCounts = new Map<string, { count: number; weight: number }>();
  units.forEach((unit, index) => {
    tally(unigramCounts, unit, isFunctionUnit(unit) ? LOW_INFORMATION_WEIGHT : 1);
    if (index === 0) return;
    const previous = units[index - 1];
    const bigram = `${previous}\u0000${unit}`;
    const lowInformation = (isFunctionUnit(previous) && isFunctionUnit(unit)) || BOILERPLATE_BIGRAMS.has(previous + unit);
    tally(bigramCounts, bigram, lowInformation ? LOW_INFORMATION_WEIGHT : 1);
  });
  const unigrams = weightedVector(unigramCounts);
  const bigrams = weightedVector(bigramCounts);
  return { unigrams: unigrams.vector, bigrams: bigrams.vector, unigramNorm: unigrams.norm, bigramNorm: bigrams.norm };
}

function cosine(a: ReadonlyMap<string, number>, aNorm: number, b: ReadonlyMap<string, number>, bNorm: number): number {
  if (aNorm === 0 || bNorm === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [feature, value] of small) {
    const other = large.get(feature);
    if (other !== undefined) dot += value * other;
  }
  return dot / (aNorm * bNorm);
}

/**
 * Similarity of two fingerprints in [0, 1]: a weighted mix of the cosines of their unigram and bigram
 * vectors. When either text has a single unit (no bigram), the unigram cosine decides alone.
 */
export function fingerprintSimilarity(a: TextFingerprint, b: TextFingerprint): number {
  const unigram = cosine(a.unigrams, a.unigramNorm, b.unigrams, b.unigramNorm);
  if (a.bigramNorm === 0 || b.bigramNorm === 0) return Math.min(1, unigram);
  const bigram = cosine(a.bigrams, a.bigramNorm, b.bigrams, b.bigramNorm);
  return Math.min(1, UNIGRAM_SHARE * unigram + (1 - UNIGRAM_SHARE) * bigram);
}

/**
 * How alike two short complaints are, in [0, 1] (1 = the same content once punctuation, spacing, width
 * and case are ignored; 0 = no shared character). Robust to rephrasing because it compares characters
 * and character pairs, not exact words: "井盖没了，太危险" and "这里没有井盖，很危险" score well above two
 * complaints about different problems. Two empty texts score 0: there is nothing to agree on.
 */
export function textSimilarity(a: string, b: string): number {
  return fingerprintSimilarity(textFingerprint(a), textFingerprint(b));
}

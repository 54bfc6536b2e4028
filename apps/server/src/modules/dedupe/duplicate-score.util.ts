import { hammingDistance } from '../photos/photo-hash.util';

/** Merge radius of a report without a category (and the seed default of a category). */
export const DEFAULT_DEDUPE_RADIUS_METRES = 50;
/** Only tickets opened this recently attract duplicates. */
export const DEFAULT_DEDUPE_WINDOW_DAYS = 7;

/**
 * Candidates are looked for within the category's radius plus this much: the ticket's position is one
 * phone fix and the new report another, each off by 5–20 m in a street canyon, so two fixes of the same
 * lamp can be 40 m apart although the lamps of a street stand 30 m apart. Beyond the radius the distance
 * part is small, so only a matching photo or text can still merge such a report.
 */
export const GPS_MARGIN_METRES = 15;

/**
 * Weights of the parts (they sum to 1). The photo weighs most: a second photo of the same scene is the
 * most specific evidence there is. Distance comes next. The text weighs little: residents describe one
 * problem in very different words, and two different broken lamps are described alike, so character
 * overlap says "same kind of problem" far more often than "same problem". The category is a small bonus
 * (same 小类 over same 大类 or unknown): related categories are a precondition anyway. Age breaks ties
 * in favour of fresh tickets, which are the ones neighbours are still reporting.
 */
export const DUPLICATE_WEIGHTS = { photo: 0.5, distance: 0.25, text: 0.1, category: 0.1, age: 0.05 } as const;

/**
 * At or above this score a report is a duplicate. With the weights above it takes a clearly matching
 * photo with a plausible position, a fairly similar photo close by, or, without photos, the same spot,
 * the same category and clearly the same wording. A photo showing another scene keeps a report apart
 * even when everything else agrees (0.5 at most). A wrong merge hides a real problem from the
 * department while a missed merge only costs a second work order, so the threshold leans to precision.
 */
export const DUPLICATE_THRESHOLD = 0.6;

/**
 * Value of the photo part when one side has no photo: "no evidence" counts somewhat against a merge, so
 * a report without a photo needs the other parts to agree strongly.
 */
export const MISSING_PHOTO_PART = 0.3;

/**
 * Hamming distances (of 64 bits) at which the photo part is 1 and 0. Two unrelated photos differ like
 * coin flips, 32 ± 4 bits, so 28 bits is still what chance gives; 12 bits or fewer never happen by chance.
 * A re-encoded copy lands at 0–5 bits, a second photo of the same scene, reframed by 5–15 % and tilted,
 * anywhere between 5 and 25: hence a wide linear ramp rather than a cut-off.
 */
const PHOTO_SAME_BITS = 12;
const PHOTO_DIFFERENT_BITS = 28;

/**
 * Text similarity at which the text part is 0 and 1: complaints about unrelated problems score 0–0.1,
 * rewordings of one problem 0.05–0.4 (residents pick different words), a near copy above 0.35.
 */
const TEXT_UNRELATED = 0.05;
const TEXT_SAME = 0.35;

/** Two phone fixes of one spot are routinely this far apart: closer than this is "the same spot". */
const SAME_SPOT_METRES = 10;

/** How the categories of the report and the ticket relate; `unknown` when either has none. */
export type CategoryRelation = 'same' | 'parent' | 'unknown' | 'unrelated';

const CATEGORY_PART: Record<CategoryRelation, number> = { same: 1, parent: 0.5, unknown: 0.5, unrelated: 0 };

export interface DuplicateScoreInput {
  distanceMetres: number;
  /** The report's category radius (DEFAULT_DEDUPE_RADIUS_METRES without one). */
  radiusMetres: number;
  category: CategoryRelation;
  /** Best Hamming distance between any photo of the report and any of the ticket; null when a side has none. */
  photoDistance: number | null;
  /** textSimilarity of the two descriptions, in [0, 1]. */
  textSimilarity: number;
  /** Age of the ticket at the time of the report. */
  ageDays: number;
  windowDays: number;
}

export interface DuplicateScoreParts {
  distance: number;
  category: number;
  /** null when there were no two photos to compare (MISSING_PHOTO_PART is used in the score). */
  photo: number | null;
  text: number;
  age: number;
}

export interface DuplicateScore {
  score: number;
  parts: DuplicateScoreParts;
  duplicate: boolean;
}

const clamp01 = (value: number): number => Math.min(1, Math.max(0, value));

/** 1 at 0, falling linearly to 0 at `zeroAt`, after staying 1 up to `fullUpTo`. */
function falling(value: number, fullUpTo: number, zeroAt: number): number {
  if (value <= fullUpTo) return 1;
  return clamp01((zeroAt - value) / (zeroAt - fullUpTo));
}

/** The smallest Hamming distance between any photo hash of one side and any of the other; null if a side has none. */
export function bestPhotoDistance(a: readonly string[], b: readonly string[]): number | null {
  let best: number | null = null;
  for (const x of a) {
    for (const y of b) {
      const bits = hammingDistance(x, y);
      if (best === null || bits < best) best = bits;
    }
  }
  return best;
}

/**
 * How likely the report describes the same problem as the ticket, as a weighted sum of parts in [0, 1],
 * and whether that reaches DUPLICATE_THRESHOLD. Some cases are never duplicates whatever the score:
 * unrelated categories, a ticket older than the window, a position beyond radius + GPS margin.
 */
export function scoreDuplicate(input: DuplicateScoreInput): DuplicateScore {
  const searchRadius = input.radiusMetres + GPS_MARGIN_METRES;
  const parts: DuplicateScoreParts = {
    distance: falling(input.distanceMetres, Math.min(SAME_SPOT_METRES, input.radiusMetres), searchRadius),
    category: CATEGORY_PART[input.category],
    photo: input.photoDistance === null ? null : falling(input.photoDistance, PHOTO_SAME_BITS, PHOTO_DIFFERENT_BITS),
    text: clamp01((input.textSimilarity - TEXT_UNRELATED) / (TEXT_SAME - TEXT_UNRELATED)),
    age: clamp01(1 - input.ageDays / input.windowDays),
  };
  const score =
    DUPLICATE_WEIGHTS.photo * (parts.photo ?? MISSING_PHOTO_PART) +
    DUPLICATE_WEIGHTS.distance * parts.distance +
    DUPLICATE_WEIGHTS.text * parts.text +
    DUPLICATE_WEIGHTS.category * parts.category +
    DUPLICATE_WEIGHTS.age * parts.age;
  const possible =
    input.category !== 'unrelated' && input.distanceMetres <= searchRadius && input.ageDays <= input.windowDays;
  return { score, parts, duplicate: possible && score >= DUPLICATE_THRESHOLD };
}

/** Merge radius of a report without a category (and the seed default of a category). */
export const DEFAULT_DEDUPE_RADIUS_METRES = 50;
/** Only tickets opened this recently attract duplicates. */
export const DEFAULT_DEDUPE_WINDOW_DAYS = 7;

/**
 * Candidates are looked for within the category's radius plus this much: the ticket's position is one
 * phone fix and the new report another, each off by 5–20 m in a street canyon, so two fixes of the same
 * lamp can be 40 m apart although the lamps of a street stand 30 m apart. The radius bounds the search;
 * within it, the distance part says whether two fixes can be one spot at all, a matter of GPS error.
 */
export const GPS_MARGIN_METRES = 15;

/**
 * The score is a probability from a logistic model over the parts below, one set of weights for pairs
 * with two photos to compare and one for pairs without (then position, category and wording must carry
 * the decision alone, and they weigh differently). The weights were fitted with
 * `node tools/dedupe-eval/fit.mjs` on the evaluation's seed 1 (tools/dedupe-eval, 600 labelled pairs, the
 * pairs the hard limits leave) and are written down here; seeds 2–6 are held out. What they say:
 * - with photos, the photo decides: from "another scene" to "the same scene" the log-odds rise by 7.3,
 *   position, wording and category add at most 3.0 together: the same words tip a borderline photo, and
 *   other words (another fault at one building site) keep a look-alike photo from merging;
 * - without photos, a report merges only when it is within GPS error of the ticket, in the same 小类 and
 *   says the same thing (libs/text textSimilarity: the same object and fault, in any words); any two of
 *   the three are not enough. The same kind of fault 30 m down the street reads and sits like a
 *   duplicate, and a wrong merge hides a problem from the department while a missed one only costs a
 *   second work order.
 * Ticket age is uniform in the evaluation, so it cannot be fitted; it enters as a small prior (fresh
 * tickets are the ones neighbours are still reporting), centred so that it only breaks near-ties.
 */
export const DUPLICATE_MODEL = {
  withPhotos: { bias: -5.94, photo: 7.34, distance: 0.76, text: 2.0, category: 0.28 },
  withoutPhotos: { bias: -3.08, distance: 1.21, text: 1.65, category: 1.77 },
  agePrior: 0.2,
} as const;

/**
 * At or above this probability a report is a duplicate: on seed 1 the lowest threshold (highest recall)
 * with precision at least 0.95 (fit.mjs prints it).
 */
export const DUPLICATE_THRESHOLD = 0.7;

/**
 * photoSimilarity (best NCC, photo-similarity.util.ts) at which the photo part is 0 and 1: other scenes
 * score 0.1–0.6 (median 0.31), the same scene re-taken 0.6–0.97 (median 0.88), a copy about 1.
 */
const PHOTO_DIFFERENT = 0.3;
const PHOTO_SAME = 0.8;

/**
 * Text similarity at which the text part is 0 and 1: complaints about other problems score 0–0.1 (median
 * 0.01), rewordings of one problem 0.3–0.5 (median 0.41), a near copy above 0.6.
 */
const TEXT_UNRELATED = 0.05;
const TEXT_SAME = 0.45;

/**
 * Two phone fixes of one object are within GPS error of each other: up to SAME_SPOT_METRES routinely, rarely
 * beyond NOT_SAME_SPOT_METRES (5–20 m per fix in a street canyon), whatever the category's radius. A
 * category with a large radius (a building site, a river) finds candidates further away, and those merge
 * on a matching photo rather than on position.
 */
const SAME_SPOT_METRES = 15;
const NOT_SAME_SPOT_METRES = 35;

/** How the categories of the report and the ticket relate; `unknown` when either has none. */
export type CategoryRelation = 'same' | 'parent' | 'unknown' | 'unrelated';

const CATEGORY_PART: Record<CategoryRelation, number> = { same: 1, parent: 0.5, unknown: 0.5, unrelated: 0 };

export interface DuplicateScoreInput {
  distanceMetres: number;
  /** The report's category radius (DEFAULT_DEDUPE_RADIUS_METRES without one). */
  radiusMetres: number;
  category: CategoryRelation;
  /** Best photo similarity between any photo of the report and any of the ticket (photo-evidence.util.ts); null when no two photos can be compared. */
  photoSimilarity: number | null;
  /** textSimilarity of the two descriptions, in [0, 1]. */
  textSimilarity: number;
  /** Age of the ticket at the time of the report. */
  ageDays: number;
  windowDays: number;
}

export interface DuplicateScoreParts {
  /** 1 within SAME_SPOT_METRES, falling to 0 at NOT_SAME_SPOT_METRES: whether the two fixes can be one spot. */
  distance: number;
  category: number;
  /** null when there were no two photos to compare (the model without photos decides). */
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

/**
 * How likely the report describes the same problem as the ticket (DUPLICATE_MODEL over parts in [0, 1])
 * and whether that reaches DUPLICATE_THRESHOLD. Some cases are never duplicates whatever the score:
 * unrelated categories, a ticket older than the window, a position beyond radius + GPS margin.
 */
export function scoreDuplicate(input: DuplicateScoreInput): DuplicateScore {
  const searchRadius = input.radiusMetres + GPS_MARGIN_METRES;
  const parts: DuplicateScoreParts = {
    distance: falling(input.distanceMetres, SAME_SPOT_METRES, NOT_SAME_SPOT_METRES),
    category: CATEGORY_PART[input.category],
    photo: input.photoSimilarity === null ? null : clamp01((input.photoSimilarity - PHOTO_DIFFERENT) / (PHOTO_SAME - PHOTO_DIFFERENT)),
    text: clamp01((input.textSimilarity - TEXT_UNRELATED) / (TEXT_SAME - TEXT_UNRELATED)),
    age: clamp01(1 - input.ageDays / input.windowDays),
  };
  const agePrior = DUPLICATE_MODEL.agePrior * (parts.age - 0.5);
  let logOdds: number;
  if (parts.photo === null) {
    const w = DUPLICATE_MODEL.withoutPhotos;
    logOdds = w.bias + w.distance * parts.distance + w.text * parts.text + w.category * parts.category + agePrior;
  } else {
    const w = DUPLICATE_MODEL.withPhotos;
    logOdds = w.bias + w.photo * parts.photo + w.distance * parts.distance + w.text * parts.text + w.category * parts.category + agePrior;
  }
  const score = 1 / (1 + Math.exp(-logOdds));
  const possible =
    input.category !== 'unrelated' && input.distanceMetres <= searchRadius && input.ageDays <= input.windowDays;
  return { score, parts, duplicate: possible && score >= DUPLICATE_THRESHOLD };
}

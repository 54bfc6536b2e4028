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
 * the decision alone, and they weigh differently), each with its own threshold. The weights were fitted
 * with `node tools/dedupe-eval/fit.mjs` on the evaluation's seeds 1 and 7–10 pooled (tools/dedupe-eval,
 * 5 × 600 labelled pairs, the pairs the hard limits leave) and are written down here; seeds 2–6 are held
 * out. What they say:
 * - with photos, the photo decides: from "another scene" to "the same scene" the log-odds rise by 10.6,
 *   position, wording and category add at most 4.1 together: the same words tip a borderline photo, and
 *   other words (another fault at one building site) keep a look-alike photo from merging;
 * - without photos, a report merges only when it is within GPS error of the ticket, says the same thing
 *   (libs/text textSimilarity: the same object and fault, no conflicting detail, in any words) and its
 *   category is the ticket's or close to it; any two of the three are not enough. The text part saturates
 *   early (TEXT_SAME): beyond "the same problem" more shared words do not make a second report of the
 *   same lamp more likely than a report of the next lamp, which reads alike and only sits further away.
 *   With its own threshold this merges a report in the same 小类 whose words agree up to about 29 m
 *   away, and one filed under a neighbouring 小类 or none up to about 19 m: the next lamp or bin stands
 *   5–30 m away, so beyond that a wrong merge (which hides a problem from the department) becomes likelier
 *   than a missed one (which only costs a second work order).
 * Ticket age is uniform in the evaluation, so it cannot be fitted; it enters as a small prior (fresh
 * tickets are the ones neighbours are still reporting), centred so that it only breaks near-ties.
 * Held out (seeds 2–6) this gives precision 0.937–0.967 and recall 0.847–0.873, with 98.2–98.6 % of
 * duplicates merged when both reports have a photo and 48–57 % when one has none (27–37 % with the
 * previous weights, fitted on seed 1 alone with one threshold and a text part saturating at 0.45). The
 * issue's target, P ≥ 0.95 and R ≥ 0.90, is still missed; tools/dedupe-eval/README.md has the figures.
 */
export const DUPLICATE_MODEL = {
  withPhotos: { bias: -8.63, photo: 10.63, distance: 1.65, text: 2.22, category: 0.18 },
  withoutPhotos: { bias: -3.6, distance: 1.66, text: 2.2, category: 1.74 },
  agePrior: 0.2,
} as const;

/**
 * At or above this probability a report is a duplicate, per model. fit.mjs chooses the two together: the
 * pair with the highest recall whose overall precision on the fitted pairs is at least 0.96 (the target
 * 0.95 plus a margin). Pairs with two photos are merged with very few mistakes, which leaves the pairs
 * without room for a lower bar than a single threshold would give them.
 */
export const DUPLICATE_THRESHOLDS = { withPhotos: 0.79, withoutPhotos: 0.69 } as const;

/**
 * photoSimilarity (best NCC, photo-similarity.util.ts) at which the photo part is 0 and 1: other scenes
 * score 0.1–0.6 (median 0.31), the same scene re-taken 0.6–0.97 (median 0.88), a copy about 1.
 */
const PHOTO_DIFFERENT = 0.3;
const PHOTO_SAME = 0.8;

/**
 * Text similarity at which the text part is 0 and 1: nine in ten complaints about other problems score
 * below 0.2 (median 0.01), the same kind of fault with another detail (死猫 / 死狗, which libs/text marks
 * down) has a median of 0.14, and nine in ten rewordings of one problem score above 0.18 (median 0.41).
 */
const TEXT_UNRELATED = 0.1;
const TEXT_SAME = 0.25;

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
 * and whether that reaches the model's threshold (DUPLICATE_THRESHOLDS). Some cases are never duplicates whatever the score:
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
  let threshold: number;
  if (parts.photo === null) {
    threshold = DUPLICATE_THRESHOLDS.withoutPhotos;
    const w = DUPLICATE_MODEL.withoutPhotos;
    logOdds = w.bias + w.distance * parts.distance + w.text * parts.text + w.category * parts.category + agePrior;
  } else {
    threshold = DUPLICATE_THRESHOLDS.withPhotos;
    const w = DUPLICATE_MODEL.withPhotos;
    logOdds = w.bias + w.photo * parts.photo + w.distance * parts.distance + w.text * parts.text + w.category * parts.category + agePrior;
  }
  const score = 1 / (1 + Math.exp(-logOdds));
  const possible =
    input.category !== 'unrelated' && input.distanceMetres <= searchRadius && input.ageDays <= input.windowDays;
  return { score, parts, duplicate: possible && score >= threshold };
}

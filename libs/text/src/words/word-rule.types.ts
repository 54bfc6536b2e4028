/**
 * What a hit means for a report: `block` rejects it, `review` holds it for a moderator, `mask`
 * lets it through with the words starred in public views, `allow` marks everyday words that no
 * other rule may fire inside (an allow entry covering a hit suppresses that hit).
 */
export type WordLevel = 'block' | 'review' | 'mask' | 'allow';

export const WORD_LEVELS: readonly WordLevel[] = ['block', 'review', 'mask', 'allow'];

export type WordCategory = 'abuse' | 'porn' | 'ad' | 'threat' | 'privacy' | 'other';

export const WORD_CATEGORIES: readonly WordCategory[] = ['abuse', 'porn', 'ad', 'threat', 'privacy', 'other'];

/**
 * `substring` (default): the pattern fires anywhere in the normalised text.
 * `word`: it fires only where it stands as a word of its own — each end at the text's edge, at a
 * removed separator (space, punctuation, emoji …) or at a change of script (Han ↔ Latin ↔ digits).
 * Use it for short patterns that are also parts of everyday words (`sb`, `tmd`).
 */
export type WordMatchMode = 'substring' | 'word';

export interface WordRuleSpec {
  readonly id: string;
  /** Written as a person would; normalised with `normalizeText` at compile time. */
  readonly pattern: string;
  readonly level: WordLevel;
  readonly category: WordCategory;
  readonly matchMode?: WordMatchMode;
}

/** One rule firing; `start`/`end` are UTF-16 offsets into the ORIGINAL input, `[start, end)`. */
export interface WordHit {
  readonly ruleId: string;
  readonly pattern: string;
  readonly level: Exclude<WordLevel, 'allow'>;
  readonly category: WordCategory;
  readonly start: number;
  readonly end: number;
}

export interface WordMatcher {
  /** Rules compiled, allow entries included. */
  readonly ruleCount: number;
  /** Every hit of a block/review/mask rule not covered by an allow entry, by start then end. */
  match(input: string): WordHit[];
}

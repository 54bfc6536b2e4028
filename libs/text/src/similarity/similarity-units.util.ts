/**
 * The light normalisation text similarity needs of its own (the full filter normaliser lives elsewhere
 * and keeps offsets; here only the comparable content matters): NFKC folds full-width letters and
 * digits and compatibility forms, lower case folds Latin, and everything that is not a letter or a
 * digit (whitespace, punctuation, emoji, symbols, zero-width characters) is dropped.
 */
export function normaliseForSimilarity(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Comparable units of normalised text: each CJK character is a unit (Chinese words are one to three
 * characters and have no spaces), a run of Latin letters or of digits is one unit ("led", "12").
 */
export function similarityUnits(normalised: string): string[] {
  return normalised.match(/\p{Script=Latin}+|\p{N}+|[^\p{Script=Latin}\p{N}]/gu) ?? [];
}

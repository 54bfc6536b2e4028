/**
 * Text as the word matcher sees it, with a way back to the original string.
 *
 * `text[i]` (a UTF-16 code unit) was produced by the original characters `input.slice(sourceStart[i],
 * sourceEnd[i])`. A hit at `[i, j)` of `text` therefore covers `input.slice(sourceStart[i],
 * sourceEnd[j - 1])` — which includes any separators, zero-width or decorative characters that sat
 * between its characters in the original. Both arrays are non-decreasing and within `[0, input.length]`.
 * `sourceRangeOf` does this arithmetic.
 */
export interface NormalizedText {
  readonly text: string;
  readonly sourceStart: readonly number[];
  readonly sourceEnd: readonly number[];
}

/** A half-open range `[start, end)` of UTF-16 code units in a string. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

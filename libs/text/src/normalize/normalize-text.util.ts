import type { NormalizedText, TextRange } from './normalized-text.types';
import { NormalizeScratch, normalizeInto, scratchText } from './normalize-scratch.util';

const scratch = new NormalizeScratch();

/**
 * The form word rules are matched on:
 * - NFKC (full-width → half-width, compatibility ideographs and Kangxi radicals → ideographs,
 *   circled/parenthesised/mathematical letters and digits → plain ones), then lower case;
 * - Latin/Greek/Cyrillic diacritics stripped and lookalike letters folded (Cyrillic а → a, small
 *   capitals, dingbat circled digits ❶ → 1, regional indicators 🇦 → a …);
 * - traditional → simplified Chinese, character by character (OpenCC's tables);
 * - every character that is not a letter or a digit removed: spaces, punctuation, symbols, emoji
 *   (so 傻 逼, 傻*逼, 傻.逼 all read 傻逼), as well as zero-width, combining and format characters.
 *
 * Each output code unit keeps the original range it came from, so hits map back to the exact
 * original characters (see `NormalizedText` and `sourceRangeOf`). Never throws; linear time.
 */
export function normalizeText(input: string): NormalizedText {
  normalizeInto(input, scratch);
  const length = scratch.length;
  const sourceStart = new Array<number>(length);
  const sourceEnd = new Array<number>(length);
  for (let k = 0; k < length; k += 1) {
    sourceStart[k] = scratch.sourceStart[k];
    sourceEnd[k] = scratch.sourceEnd[k];
  }
  return { text: scratchText(scratch), sourceStart, sourceEnd };
}

/**
 * The range of the original string that produced `[start, end)` of the normalised text, including
 * whatever separators sat between those characters. An empty range maps to an empty range.
 */
export function sourceRangeOf(normalized: NormalizedText, start: number, end: number): TextRange {
  const length = normalized.text.length;
  const from = Math.max(0, Math.min(start, length));
  const to = Math.max(from, Math.min(end, length));
  if (from === to) {
    const at = from < length ? normalized.sourceStart[from] : (normalized.sourceEnd[length - 1] ?? 0);
    return { start: at, end: at };
  }
  return { start: normalized.sourceStart[from], end: normalized.sourceEnd[to - 1] };
}

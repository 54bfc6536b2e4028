import { ENCLOSED_ALPHANUMERIC_RANGES, HOMOGLYPH_PAIRS } from './homoglyph.data';
import { isHanCodePoint, toSimplifiedChar } from './simplified-chinese.util';

/**
 * What one original code point becomes in normalised text, packed in an int: `kind << 16 | unit`.
 * `FOLD_TEXT` carries one output code unit; `FOLD_TEXT_MULTI` means several (see `multiUnitFoldOf`).
 * Separators are removed but remembered as a gap between their neighbours; a hard break (line break,
 * sentence punctuation) is a gap a disguised word is not expected to span. Ignorable characters
 * (zero-width, combining and format characters, variation selectors, invisible fillers) vanish
 * without leaving a gap, so they can neither hide a word nor invent a word boundary.
 */
export const FOLD_TEXT = 1;
export const FOLD_SOFT_SEPARATOR = 2;
export const FOLD_HARD_BREAK = 3;
export const FOLD_IGNORABLE = 4;
export const FOLD_TEXT_MULTI = 5;

const HARD_BREAKS = new Set(
  [...'\n\r\u0085\u2028\u2029,!?;。，！？；：、｡､'].map((char) => char.codePointAt(0) ?? 0),
);
/** Letters by category that render as nothing (Hangul fillers, Khmer inherent vowels). */
const INVISIBLE_LETTERS = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x17b4, 0x17b5]);
const MARK_OR_FORMAT = /^[\p{M}\p{Cf}]$/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const COMBINING_MARKS = /\p{M}/gu;
const HOMOGLYPHS = new Map<string, string>(HOMOGLYPH_PAIRS);

const bmpEntries = new Int32Array(0x10000);
const astralEntries = new Map<number, number>();
const multiUnitFolds = new Map<number, string>();

/** The packed fold entry of a code point, computed once and cached for the life of the process. */
export function foldEntryOf(cp: number): number {
  if (cp < 0x10000) {
    const cached = bmpEntries[cp];
    if (cached !== 0) return cached;
    const entry = computeEntry(cp);
    bmpEntries[cp] = entry;
    return entry;
  }
  let entry = astralEntries.get(cp);
  if (entry === undefined) {
    entry = computeEntry(cp);
    astralEntries.set(cp, entry);
  }
  return entry;
}

/** The output of a `FOLD_TEXT_MULTI` code point (e.g. ⑩ → "10", ㍿ → "株式会社"). */
export function multiUnitFoldOf(cp: number): string {
  return multiUnitFolds.get(cp) ?? '';
}

function computeEntry(cp: number): number {
  if (HARD_BREAKS.has(cp)) return FOLD_HARD_BREAK << 16;
  if (INVISIBLE_LETTERS.has(cp)) return FOLD_IGNORABLE << 16;
  const char = String.fromCodePoint(cp);
  const folded = enclosedAlphanumericOf(cp) ?? foldChar(char);
  if (folded === '') return (MARK_OR_FORMAT.test(char) ? FOLD_IGNORABLE : FOLD_SOFT_SEPARATOR) << 16;
  if (folded.length === 1) return (FOLD_TEXT << 16) | folded.charCodeAt(0);
  multiUnitFolds.set(cp, folded);
  return FOLD_TEXT_MULTI << 16;
}

function enclosedAlphanumericOf(cp: number): string | undefined {
  for (const [first, last, kind, firstValue] of ENCLOSED_ALPHANUMERIC_RANGES) {
    if (cp < first || cp > last) continue;
    const offset = cp - first;
    return kind === 'digit' ? String(firstValue + offset) : String.fromCharCode(0x61 + offset);
  }
  return undefined;
}

/** NFKC, lower case, diacritics off Latin/Greek/Cyrillic, lookalikes folded, Han simplified. */
function foldChar(char: string): string {
  let out = '';
  for (const part of char.normalize('NFKC').toLowerCase()) {
    if (!LETTER_OR_NUMBER.test(part)) continue;
    const cp = part.codePointAt(0) ?? 0;
    let folded = hasStrippableDiacritics(cp) ? part.normalize('NFD').replace(COMBINING_MARKS, '') : part;
    folded = HOMOGLYPHS.get(folded) ?? folded;
    if (isHanCodePoint(cp)) folded = toSimplifiedChar(folded);
    out += folded;
  }
  return out;
}

function hasStrippableDiacritics(cp: number): boolean {
  return (cp >= 0xc0 && cp < 0x530) || (cp >= 0x1e00 && cp <= 0x1fff);
}

import {
  FOLD_HARD_BREAK,
  FOLD_IGNORABLE,
  FOLD_SOFT_SEPARATOR,
  FOLD_TEXT,
  FOLD_TEXT_MULTI,
  foldEntryOf,
  multiUnitFoldOf,
} from './char-fold.util';

/** No separator between two normalised characters. */
export const GAP_NONE = 0;
/** Spaces, dots, stars, emoji … stood between them in the original. */
export const GAP_SOFT = 1;
/** A line break or sentence punctuation stood between them. */
export const GAP_HARD = 2;

/**
 * Normalised text in reusable typed arrays — the matcher's hot path works on these without
 * building strings. `gapBefore[k]` is the strongest separator removed between output k-1 and k.
 */
export class NormalizeScratch {
  codes = new Uint16Array(256);
  sourceStart = new Int32Array(256);
  sourceEnd = new Int32Array(256);
  gapBefore = new Uint8Array(256);
  length = 0;

  ensureCapacity(needed: number): void {
    if (needed <= this.codes.length) return;
    const capacity = Math.max(needed, this.codes.length * 2);
    this.codes = grow(this.codes, new Uint16Array(capacity));
    this.sourceStart = grow(this.sourceStart, new Int32Array(capacity));
    this.sourceEnd = grow(this.sourceEnd, new Int32Array(capacity));
    this.gapBefore = grow(this.gapBefore, new Uint8Array(capacity));
  }
}

function grow<T extends Uint16Array | Int32Array | Uint8Array>(old: T, fresh: T): T {
  fresh.set(old);
  return fresh;
}

/** Fills `out` with the normalised form of `input` (see `normalizeText` for what that means). */
export function normalizeInto(input: string, out: NormalizeScratch): void {
  const inputLength = input.length;
  out.ensureCapacity(inputLength);
  let length = 0;
  let pendingGap = GAP_NONE;
  for (let i = 0; i < inputLength; ) {
    let cp = input.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < inputLength) {
      const low = input.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        width = 2;
      }
    }
    const entry = foldEntryOf(cp);
    switch (entry >>> 16) {
      case FOLD_TEXT:
        if (length >= out.codes.length) out.ensureCapacity(length + 1);
        out.codes[length] = entry & 0xffff;
        out.sourceStart[length] = i;
        out.sourceEnd[length] = i + width;
        out.gapBefore[length] = pendingGap;
        length += 1;
        pendingGap = GAP_NONE;
        break;
      case FOLD_TEXT_MULTI: {
        const folded = multiUnitFoldOf(cp);
        out.ensureCapacity(length + folded.length);
        for (let k = 0; k < folded.length; k += 1) {
          out.codes[length] = folded.charCodeAt(k);
          out.sourceStart[length] = i;
          out.sourceEnd[length] = i + width;
          out.gapBefore[length] = k === 0 ? pendingGap : GAP_NONE;
          length += 1;
        }
        pendingGap = GAP_NONE;
        break;
      }
      case FOLD_SOFT_SEPARATOR:
        if (pendingGap === GAP_NONE) pendingGap = GAP_SOFT;
        break;
      case FOLD_HARD_BREAK:
        pendingGap = GAP_HARD;
        break;
      case FOLD_IGNORABLE:
        break;
    }
    i += width;
  }
  out.length = length;
}

const SCRIPT_DIGIT = 1;
const SCRIPT_LATIN = 2;
const SCRIPT_HAN = 3;
const SCRIPT_OTHER = 4;

function scriptOf(unit: number): number {
  if (unit >= 0x30 && unit <= 0x39) return SCRIPT_DIGIT;
  if (unit >= 0x61 && unit <= 0x7a) return SCRIPT_LATIN;
  if ((unit >= 0x3400 && unit <= 0x9fff) || (unit >= 0xd800 && unit <= 0xdfff) || (unit >= 0xf900 && unit <= 0xfaff)) {
    return SCRIPT_HAN;
  }
  return SCRIPT_OTHER;
}

/**
 * Whether a word may start or end at position `k` of the normalised text: the text's edge, a removed
 * separator, or a change of script (Han ↔ Latin ↔ digits), since Chinese has no spaces between words.
 */
export function isBoundaryAt(scratch: NormalizeScratch, k: number): boolean {
  if (k <= 0 || k >= scratch.length) return true;
  if (scratch.gapBefore[k] !== GAP_NONE) return true;
  return scriptOf(scratch.codes[k - 1]) !== scriptOf(scratch.codes[k]);
}

/** Whether a sentence break lies strictly inside `[start, end)` of the normalised text. */
export function spansHardBreak(scratch: NormalizeScratch, start: number, end: number): boolean {
  for (let k = start + 1; k < end; k += 1) {
    if (scratch.gapBefore[k] === GAP_HARD) return true;
  }
  return false;
}

/** The normalised characters as a string. */
export function scratchText(scratch: NormalizeScratch): string {
  const chunk = 8192;
  let text = '';
  for (let k = 0; k < scratch.length; k += chunk) {
    text += String.fromCharCode(...scratch.codes.subarray(k, Math.min(scratch.length, k + chunk)));
  }
  return text;
}

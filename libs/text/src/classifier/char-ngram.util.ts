import { gramKey } from './gram-table';

/** Longest n-gram the packed keys of GramTable can hold. */
export const MAX_GRAM = 4;

/**
 * Calls `visit(key, start, length)` for every character n-gram of `text` with minGram ≤ n ≤ maxGram
 * (at most MAX_GRAM); spaces are boundaries (no gram spans a space). Works on UTF-16 code units: after
 * normalisation the text is almost entirely BMP characters, and a split surrogate pair only makes a
 * rare, harmless gram.
 */
export function forEachCharGram(text: string, minGram: number, maxGram: number, visit: (key: number, start: number, length: number) => void): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    for (let i = start; i < end; i++) {
      const longest = Math.min(maxGram, end - i);
      for (let n = minGram; n <= longest; n++) visit(gramKey(text, i, n), i, n);
    }
    start = end + 1;
  }
}

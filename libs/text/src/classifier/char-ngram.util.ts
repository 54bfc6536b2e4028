/**
 * Calls `visit` with every character n-gram of `text` for n in [minGram, maxGram]; spaces are
 * boundaries (no gram spans a space). Works on UTF-16 code units: after normalisation the text is
 * almost entirely BMP characters, and a split surrogate pair only makes a rare, harmless gram.
 */
export function forEachCharGram(text: string, minGram: number, maxGram: number, visit: (gram: string) => void): void {
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf(' ', start);
    if (end < 0) end = text.length;
    for (let i = start; i < end; i++) {
      const longest = Math.min(maxGram, end - i);
      for (let n = minGram; n <= longest; n++) visit(text.slice(i, i + n));
    }
    start = end + 1;
  }
}

import type { TextRange } from '../normalize/normalized-text.types';

/**
 * `input` with every character inside any of `ranges` replaced by one '*' (a surrogate pair or an
 * emoji counts as one character); text outside the ranges is untouched. Overlapping or unsorted
 * ranges are fine; ranges are clamped to the input.
 */
export function maskText(input: string, ranges: readonly TextRange[]): string {
  if (ranges.length === 0) return input;
  const sorted = ranges
    .map(({ start, end }) => ({ start: Math.max(0, start), end: Math.min(input.length, end) }))
    .filter(({ start, end }) => start < end)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const { start, end } of sorted) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    out += input.slice(cursor, from);
    for (let k = from; k < end; k += 1) {
      const unit = input.charCodeAt(k);
      const isPairStart = unit >= 0xd800 && unit <= 0xdbff && k + 1 < end;
      if (isPairStart) {
        const next = input.charCodeAt(k + 1);
        if (next >= 0xdc00 && next <= 0xdfff) k += 1;
      }
      out += '*';
    }
    cursor = end;
  }
  return out + input.slice(cursor);
}

const GEOHASH_ALPHABET = '0123456789bcdefghjkmnpqrstuvwxyz';

/** `geohash >= from AND geohash < to` selects exactly the hashes that start with the prefix; `to` is null for "zzz…". */
export interface GeohashRange {
  from: string;
  to: string | null;
}

/**
 * The index range of a geohash prefix. A range rather than LIKE 'prefix%' because SQLite's LIKE is
 * case-insensitive and cannot use an ordinary index. The bound is the next prefix in the geohash
 * alphabet, which sorts the same way in binary, ASCII and utf8mb4_unicode_ci order (digits before
 * lowercase letters), so the range is right on every engine and collation we run on.
 */
export function geohashPrefixRange(prefix: string): GeohashRange {
  for (let end = prefix.length - 1; end >= 0; end--) {
    const index = GEOHASH_ALPHABET.indexOf(prefix.charAt(end));
    if (index < 0) throw new RangeError(`"${prefix}" is not a lowercase geohash prefix`);
    if (index < GEOHASH_ALPHABET.length - 1) {
      return { from: prefix, to: prefix.slice(0, end) + GEOHASH_ALPHABET.charAt(index + 1) };
    }
  }
  return { from: prefix, to: null };
}

/**
 * The index ranges of a set of cells, as few as possible: sorted, with ranges that touch or overlap
 * joined (neighbouring cells are often consecutive in geohash order, e.g. …gh, …gj, …gk). Each range
 * costs the database a descent of the index and the planner an estimate, so nine cells in four ranges
 * are cheaper to look up; the hashes selected are the same.
 */
export function geohashCellRanges(cells: readonly string[]): GeohashRange[] {
  const ranges = cells.map(geohashPrefixRange).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const joined: GeohashRange[] = [];
  for (const range of ranges) {
    const last = joined[joined.length - 1];
    if (last && (last.to === null || last.to >= range.from)) {
      if (last.to !== null && (range.to === null || range.to > last.to)) last.to = range.to;
      continue;
    }
    joined.push({ ...range });
  }
  return joined;
}

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

import { encodeGeohash } from '@ssp/geo';
import { geohashPrefixRange } from '../geohash-range.util';

const inRange = (hash: string, range: { from: string; to: string | null }) => hash >= range.from && (range.to === null || hash < range.to);

describe('geohashPrefixRange', () => {
  it('bounds a prefix by the next prefix in the geohash alphabet', () => {
    expect(geohashPrefixRange('wtsqq8')).toEqual({ from: 'wtsqq8', to: 'wtsqq9' });
    expect(geohashPrefixRange('wtsqq9')).toEqual({ from: 'wtsqq9', to: 'wtsqqb' });
  });

  it('carries past a trailing "z"', () => {
    expect(geohashPrefixRange('wtsqz')).toEqual({ from: 'wtsqz', to: 'wtsr' });
    expect(geohashPrefixRange('zzz')).toEqual({ from: 'zzz', to: null });
  });

  it('selects exactly the hashes that start with the prefix', () => {
    const hashes = Array.from({ length: 400 }, (_, i) => encodeGeohash(32.02 + (i % 20) * 0.002, 118.76 + Math.floor(i / 20) * 0.002, 9));
    for (const prefix of ['wtsq', 'wtsqq', 'wtsqqz', 'wtsmz', hashes[7].slice(0, 7)]) {
      const range = geohashPrefixRange(prefix);
      for (const hash of hashes) expect(inRange(hash, range)).toBe(hash.startsWith(prefix));
    }
  });

  it('refuses what is not a lowercase geohash', () => {
    expect(() => geohashPrefixRange('WTSQ')).toThrow(RangeError);
    expect(() => geohashPrefixRange('wtsa')).toThrow(RangeError);
  });
});

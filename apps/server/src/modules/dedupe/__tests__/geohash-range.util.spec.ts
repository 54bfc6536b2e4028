import { encodeGeohash } from '@ssp/geo';
import { geohashCellRanges, geohashPrefixRange } from '../geohash-range.util';

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

describe('geohashCellRanges', () => {
  const ALPHABET = '0123456789bcdefghjkmnpqrstuvwxyz';

  it('joins consecutive cells into one range and keeps the others apart', () => {
    expect(geohashCellRanges(['wtsmggk', 'wtsmggh', 'wtsmggq', 'wtsmggj', 'wtsmgfu', 'wtsmgfv'])).toEqual([
      { from: 'wtsmgfu', to: 'wtsmgfw' },
      { from: 'wtsmggh', to: 'wtsmggm' },
      { from: 'wtsmggq', to: 'wtsmggr' },
    ]);
  });

  it('swallows a cell inside a larger one, joins across the end of the alphabet, and keeps an open end', () => {
    expect(geohashCellRanges(['wtsm', 'wtsmgg'])).toEqual([{ from: 'wtsm', to: 'wtsn' }]);
    expect(geohashCellRanges(['wtsz', 'wtt'])).toEqual([{ from: 'wtsz', to: 'wtu' }]);
    expect(geohashCellRanges(['zz', 'zy'])).toEqual([{ from: 'zy', to: null }]);
    expect(geohashCellRanges([])).toEqual([]);
  });

  it('selects exactly the hashes the cells select (random cells and hashes)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Half the characters from the end of the alphabet, so cells wrap into their parent's next sibling.
    const char = () => ALPHABET.charAt(random() < 0.5 ? 26 + Math.floor(random() * 6) : Math.floor(random() * 32));
    const pick = (length: number, base: string) => {
      let hash = base;
      while (hash.length < length) hash += char();
      return hash;
    };
    for (let round = 0; round < 200; round += 1) {
      // Runs of sibling cells (as a circle's cover has) plus scattered cells of other sizes.
      const parent = pick(4 + Math.floor(random() * 3), 'wt');
      const start = Math.floor(random() * 32);
      const run = Array.from({ length: 1 + Math.floor(random() * 5) }, (_, k) => parent + ALPHABET.charAt(Math.min(31, start + k)));
      const cells = [...run, ...Array.from({ length: Math.floor(random() * 4) }, () => pick(5 + Math.floor(random() * 3), parent.slice(0, 4)))];
      const ranges = geohashCellRanges(cells);
      for (let i = 1; i < ranges.length; i += 1) expect(ranges[i - 1].to !== null && ranges[i - 1].to! < ranges[i].from).toBe(true);
      for (let probe = 0; probe < 50; probe += 1) {
        const hash = probe % 2 === 0 ? pick(9, cells[probe % cells.length].slice(0, 4)) : pick(9, 'wt');
        const byCells = cells.some((cell) => hash.startsWith(cell));
        expect(ranges.some((range) => inRange(hash, range))).toBe(byCells);
      }
    }
  });
});

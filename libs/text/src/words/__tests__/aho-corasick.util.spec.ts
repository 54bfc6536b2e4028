import fc from 'fast-check';
import { AhoCorasick } from '../aho-corasick.util';

function allMatches(patterns: readonly string[], text: string): string[] {
  const automaton = new AhoCorasick(patterns);
  const codes = Uint16Array.from(text, (char) => char.charCodeAt(0));
  const { buffer, count } = automaton.scan(codes, codes.length, new Int32Array(2));
  const found: string[] = [];
  for (let m = 0; m < count; m += 1) found.push(`${buffer[m * 2]}@${buffer[m * 2 + 1]}`);
  return found.sort();
}

function naiveMatches(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((pattern, index) => {
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) found.push(`${index}@${at + pattern.length}`);
  });
  return found.sort();
}

describe('AhoCorasick', () => {
  it('finds every occurrence of every pattern, overlapping and nested ones included', () => {
    expect(allMatches(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['0@4', '1@4', '3@6']);
  });

  it('agrees with a naive search on random patterns and texts', () => {
    const unit = fc.constantFrom('a', 'b', 'c', '傻', '逼');
    const pattern = fc.string({ unit, minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.uniqueArray(pattern, { minLength: 1, maxLength: 12 }), fc.string({ unit, maxLength: 60 }), (patterns, text) => {
        expect(allMatches(patterns, text)).toEqual(naiveMatches(patterns, text));
      }),
      { numRuns: 300 },
    );
  });
});

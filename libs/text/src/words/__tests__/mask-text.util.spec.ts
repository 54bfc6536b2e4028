import fc from 'fast-check';
import { maskText } from '../mask-text.util';

describe('maskText', () => {
  it('stars one character per character, an emoji as one', () => {
    expect(maskText('傻😀逼你好', [{ start: 0, end: 4 }])).toBe('***你好');
  });

  it('merges overlapping and unsorted ranges and clamps them to the input', () => {
    expect(maskText('abcdefgh', [{ start: 5, end: 20 }, { start: 1, end: 3 }, { start: 2, end: 4 }])).toBe('a***e***');
    expect(maskText('abc', [{ start: -5, end: 1 }])).toBe('*bc');
  });

  it('keeps all text outside the ranges unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.nat(40), fc.nat(40), (input, a, b) => {
        const start = Math.min(a, b, input.length);
        const end = Math.min(Math.max(a, b), input.length);
        const masked = maskText(input, [{ start, end }]);
        expect(masked.startsWith(input.slice(0, start))).toBe(true);
        expect(masked.endsWith(input.slice(end))).toBe(true);
        expect(masked.length - input.slice(0, start).length - input.slice(end).length).toBe(
          [...input.slice(start, end)].length,
        );
      }),
    );
  });
});

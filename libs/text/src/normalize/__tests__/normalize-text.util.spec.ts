import fc from 'fast-check';
import { normalizeText, sourceRangeOf } from '../normalize-text.util';

function textOf(input: string): string {
  return normalizeText(input).text;
}

describe('normalizeText', () => {
  it.each([
    ['spaces between characters', '傻 逼', '傻逼'],
    ['stars', '傻*逼', '傻逼'],
    ['dots', '傻.逼', '傻逼'],
    ['underscores and dashes', '傻_-_逼', '傻逼'],
    ['emoji', '傻😀逼', '傻逼'],
    ['zero-width space, joiner and BOM', '傻\u200b\u200d\ufeff逼', '傻逼'],
    ['combining strike-through', '傻\u0336逼\u0336', '傻逼'],
    ['variation selectors', '傻\ufe0f逼\ufe0e', '傻逼'],
    ['Hangul filler used as an invisible character', '傻\u3164逼', '傻逼'],
    ['full-width Latin letters', 'ＦＵＣＫ', 'fuck'],
    ['upper case', 'SB', 'sb'],
    ['Cyrillic lookalikes', 'ѕв', 'sb'],
    ['Greek lookalikes', 'ΑΒΟ', 'abo'],
    ['accented letters', 'fück', 'fuck'],
    ['small capitals', 'ꜱʙ', 'sb'],
    ['circled digits', '①③⑧', '138'],
    ['dingbat circled digits', '❶❸❽', '138'],
    ['circled letters', 'ⓢⓑ', 'sb'],
    ['parenthesised letters', '⒮⒝', 'sb'],
    ['negative squared letters', '🆂🅱', 'sb'],
    ['regional indicators', '🇸🇧', 'sb'],
    ['mathematical bold letters', '𝐬𝐛', 'sb'],
    ['full-width digits', '１３８', '138'],
    ['Kangxi radicals', '⼝⼈', '口人'],
    ['traditional characters', '執法人員發現後來', '执法人员发现后来'],
    ['Hong Kong variants', '衞生', '卫生'],
  ])('sees through %s', (_what, input, expected) => {
    expect(textOf(input)).toBe(expected);
  });

  it('keeps ordinary simplified text as it is, without punctuation', () => {
    expect(textOf('井盖没了！！！')).toBe('井盖没了');
    expect(textOf('鼓楼区湖南路的路灯坏了，晚上很黑。')).toBe('鼓楼区湖南路的路灯坏了晚上很黑');
  });

  it('leaves nothing of text made of separators only', () => {
    expect(textOf('！！！ 😡😡 …… \u200b')).toBe('');
    expect(textOf('')).toBe('');
  });

  it('maps every normalised character back to the original character that produced it', () => {
    const input = 'Ａ傻 *逼😀Ｂ';
    const normalized = normalizeText(input);
    expect(normalized.text).toBe('a傻逼b');
    const originals = [...normalized.text].map((_, k) => input.slice(normalized.sourceStart[k], normalized.sourceEnd[k]));
    expect(originals).toEqual(['Ａ', '傻', '逼', 'Ｂ']);
  });

  it('maps a range back to the original including the separators inside it, not those around it', () => {
    const input = '你这个 傻 * 逼 ！';
    const normalized = normalizeText(input);
    const at = normalized.text.indexOf('傻逼');
    const range = sourceRangeOf(normalized, at, at + 2);
    expect(input.slice(range.start, range.end)).toBe('傻 * 逼');
  });

  it('gives a character that expands (⑩, ㍿) the same source to each unit', () => {
    const normalized = normalizeText('x⑩y');
    expect(normalized.text).toBe('x10y');
    expect(normalized.sourceStart).toEqual([0, 1, 1, 2]);
    expect(normalized.sourceEnd).toEqual([1, 2, 2, 3]);
  });

  it('covers both halves of a surrogate pair', () => {
    const normalized = normalizeText('𠀀好');
    expect(normalized.sourceStart.slice(0, 2)).toEqual([0, 0]);
    expect(normalized.sourceEnd.slice(0, 2)).toEqual([2, 2]);
  });

  it('never throws, and its offsets stay inside the input and never go backwards', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }));
    fc.assert(
      fc.property(anyText, (input) => {
        const { text, sourceStart, sourceEnd } = normalizeText(input);
        expect(sourceStart).toHaveLength(text.length);
        expect(sourceEnd).toHaveLength(text.length);
        for (let k = 0; k < text.length; k += 1) {
          expect(sourceStart[k]).toBeGreaterThanOrEqual(0);
          expect(sourceStart[k]).toBeLessThan(sourceEnd[k]);
          expect(sourceEnd[k]).toBeLessThanOrEqual(input.length);
          if (k > 0) {
            expect(sourceStart[k]).toBeGreaterThanOrEqual(sourceStart[k - 1]);
            expect(sourceEnd[k]).toBeGreaterThanOrEqual(sourceEnd[k - 1]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: normalised text normalises to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (input) => {
        const once = textOf(input);
        expect(textOf(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

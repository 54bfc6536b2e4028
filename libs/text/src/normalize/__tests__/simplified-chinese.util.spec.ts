import { toSimplified, toSimplifiedChar } from '../simplified-chinese.util';

/** The definition: every code point through toSimplifiedChar if it is Han, joined. */
function reference(text: string): string {
  let out = '';
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const han = (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x323af);
    out += han ? toSimplifiedChar(char) : char;
  }
  return out;
}

describe('toSimplified', () => {
  it('folds traditional and Hong Kong variants and keeps everything else', () => {
    expect(toSimplified('馬路燈壞了，衞生間漏水 abc 123')).toBe('马路灯坏了，卫生间漏水 abc 123');
    expect(toSimplified('路灯坏了')).toBe('路灯坏了');
    expect(toSimplified('')).toBe('');
  });

  it('gives the character-by-character fold on random mixes of simplified, traditional, astral and lone surrogates', () => {
    const pieces = ['馬', '路', '燈', '壞', '衞', '敍', '裏', '垃', '圾', '桶', '𠀋', '𪚥', '😀', '\ud800', '\udc00', 'a', ' ', '，', '豈', '０'];
    let state = 12345;
    const next = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 4294967296;
    };
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 40) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
      expect(toSimplified(text)).toBe(reference(text));
    }
  });
});

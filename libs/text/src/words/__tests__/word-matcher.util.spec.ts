import fc from 'fast-check';
import { maskText } from '../mask-text.util';
import { WordRuleError } from '../word-rule.error';
import { compileWordRules, findWordRuleProblems } from '../word-matcher.util';
import type { WordRuleSpec } from '../word-rule.types';

const RULES: readonly WordRuleSpec[] = [
  { id: 'insult', pattern: '傻逼', level: 'mask', category: 'abuse' },
  { id: 'invoice', pattern: '代开发票', level: 'block', category: 'ad' },
  { id: 'threat', pattern: '炸了政府', level: 'review', category: 'threat' },
  { id: 'sb', pattern: 'sb', level: 'mask', category: 'abuse', matchMode: 'word' },
  { id: 'fuck', pattern: 'fuck', level: 'mask', category: 'abuse' },
  { id: 'legal-person', pattern: '法人', level: 'review', category: 'other' },
  { id: 'allow-officers', pattern: '执法人员', level: 'allow', category: 'other' },
  { id: 'vulgar', pattern: '鸡巴', level: 'mask', category: 'abuse' },
];
const matcher = compileWordRules(RULES);

function hitTexts(input: string): string[] {
  return matcher.match(input).map((hit) => input.slice(hit.start, hit.end));
}

describe('compileWordRules → match', () => {
  it.each([
    ['plain', '物业就是一群傻逼', '傻逼'],
    ['spaces', '物业就是一群傻 逼', '傻 逼'],
    ['stars and dots', '你个傻*.*逼', '傻*.*逼'],
    ['full width', '代开ｆａ票 不行，代开发票可以', '代开发票'],
    ['zero-width characters', '傻\u200b\u200c逼', '傻\u200b\u200c逼'],
    ['traditional characters', '有人在發代開發票的廣告', '代開發票'],
    ['homoglyphs', 'what the ƒυсκ', 'ƒυсκ'],
    ['Cyrillic homoglyphs in capitals', 'FUСK', 'FUСK'],
    ['emoji between characters', '我要炸😡了😡政😡府', '炸😡了😡政😡府'],
    ['circled and full-width letters', 'ⓕＵⓒk', 'ⓕＵⓒk'],
  ])('finds a word disguised with %s at its original offsets', (_how, input, expected) => {
    expect(hitTexts(input)).toEqual([expected]);
  });

  it('reports rule, level and category with each hit', () => {
    expect(matcher.match('代开发票')).toEqual([
      { ruleId: 'invoice', pattern: '代开发票', level: 'block', category: 'ad', start: 0, end: 4 },
    ]);
  });

  it('lets an allow entry suppress a hit inside it', () => {
    expect(hitTexts('城管执法人员态度很差')).toEqual([]);
    expect(hitTexts('这家公司的法人是谁')).toEqual(['法人']);
  });

  it('fires a word-mode rule only where the pattern stands on its own', () => {
    expect(hitTexts('你是sb吗')).toEqual(['sb']);
    expect(hitTexts('你是 s.b')).toEqual(['s.b']);
    expect(hitTexts('this bike is sbx')).toEqual([]);
    expect(hitTexts('usb接口坏了')).toEqual([]);
  });

  it('does not read a word across sentence punctuation unless it stands alone there', () => {
    expect(hitTexts('菜场里卖活鸡，巴士站旁边很脏')).toEqual([]);
    expect(hitTexts('卖鸡。\n巴士')).toEqual([]);
    expect(hitTexts('你就是个，鸡，巴，')).toEqual(['鸡，巴']);
  });

  it('returns hits ordered by position, overlapping ones included', () => {
    const overlapping = compileWordRules([
      { id: 'a', pattern: '开发票', level: 'mask', category: 'ad' },
      ...RULES,
    ]);
    const input = '傻逼代开发票';
    expect(overlapping.match(input).map((hit) => [hit.ruleId, hit.start, hit.end])).toEqual([
      ['insult', 0, 2],
      ['invoice', 2, 6],
      ['a', 3, 6],
    ]);
  });

  it('finds nothing in empty or separator-only text', () => {
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match('！！！😡')).toEqual([]);
  });

  it('masks exactly the original characters of each hit, separators between them included', () => {
    const input = '你们这群傻 * 逼，代開发 票！';
    expect(maskText(input, matcher.match(input))).toBe('你们这群*****，*****！');
  });

  it('finds a rule inserted with random separators into random text, at the right place', () => {
    const separator = fc.constantFrom(' ', '*', '.', '_', '-', '\u200b', '😀', '·', '～', '  ');
    const filler = fc.string({ unit: fc.constantFrom(...'路灯坏了井盖没政府城管的人员小区'), maxLength: 12 });
    fc.assert(
      fc.property(filler, fc.array(separator, { minLength: 3, maxLength: 3 }), filler, (before, separators, after) => {
        const disguised = [...'代开发票'].map((char, k) => (k === 0 ? char : separators[k - 1] + char)).join('');
        const input = before + disguised + after;
        const hits = matcher.match(input).filter((hit) => hit.ruleId === 'invoice');
        expect(hits).toHaveLength(1);
        expect(input.slice(hits[0].start, hits[0].end)).toBe(disguised);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps hit offsets inside the input and starts before ends, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (noise) => {
        const input = `${noise}傻逼${noise}`;
        for (const hit of matcher.match(input)) {
          expect(hit.start).toBeGreaterThanOrEqual(0);
          expect(hit.start).toBeLessThan(hit.end);
          expect(hit.end).toBeLessThanOrEqual(input.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('rule problems', () => {
  it('rejects a pattern that normalises to nothing, naming the rule', () => {
    expect(() => compileWordRules([{ id: 'stars', pattern: '* * *', level: 'block', category: 'other' }])).toThrow(
      new WordRuleError('EMPTY_PATTERN', 'stars', 'rule "stars": pattern "* * *" has no letters or digits'),
    );
  });

  it('lists every problem of a rule set from the database', () => {
    const fromDatabase = [
      { id: 'a', pattern: '广告', level: 'block', category: 'ad' },
      { id: 'a', pattern: '广告', level: 'nope', category: 'spam', matchMode: 'regex' },
    ] as unknown as WordRuleSpec[];
    expect(findWordRuleProblems(fromDatabase).map((problem) => problem.code)).toEqual([
      'DUPLICATE_ID',
      'INVALID_LEVEL',
      'INVALID_CATEGORY',
      'INVALID_MATCH_MODE',
    ]);
  });

  it('compiles an empty rule set into a matcher that finds nothing', () => {
    expect(compileWordRules([]).match('傻逼')).toEqual([]);
  });
});

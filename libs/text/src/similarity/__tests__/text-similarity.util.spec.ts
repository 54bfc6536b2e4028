import fc from 'fast-check';
import { fingerprintSimilarity, textFingerprint, textSimilarity } from '../text-similarity.util';

describe('textSimilarity', () => {
  it('ignores punctuation, spacing, full width, emoji and case', () => {
    expect(textSimilarity('井盖没了，太危险！！', ' 井 盖 没 了 太危险😡')).toBeCloseTo(1, 10);
    expect(textSimilarity('ＬＥＤ屏坏了', 'led屏坏了。')).toBeCloseTo(1, 10);
  });

  it.each([
    ['新街口地铁站2号口旁井盖缺失，晚上很危险', '地铁2号出口边上的井盖没了，太危险了！', '路边有人乱贴小广告，到处都是'],
    ['路灯不亮了，晚上黑乎乎的', '这一段路灯坏了好几天，晚上一片漆黑', '井盖没了，太危险'],
    ['垃圾桶满了没人清理，臭死了', '垃圾箱满溢好几天了，味道很大', '绿化带里的树倒了'],
    ['工地晚上还在施工，吵得睡不着', '半夜施工噪音太大，根本没法睡觉', '小区门口有人占道卖菜'],
  ])('rates a rephrasing of "%s" above a complaint about another problem', (original, rephrased, other) => {
    expect(textSimilarity(original, rephrased)).toBeGreaterThan(textSimilarity(original, other) + 0.1);
  });

  it('gives complaints with no content in common (only function characters) almost nothing', () => {
    expect(textSimilarity('路灯不亮了', '这里的井盖丢了')).toBeLessThan(0.05);
    expect(textSimilarity('路灯坏了', '消防栓漏水')).toBe(0);
  });

  it('does not let boilerplate ("请尽快处理") make different problems look alike', () => {
    const lamp = '路灯不亮，请尽快处理，谢谢';
    const bin = '垃圾桶满了，请尽快处理，谢谢';
    expect(textSimilarity(lamp, bin)).toBeLessThan(textSimilarity('路灯不亮', '路灯一直不亮'));
  });

  it('does not let a character repeated for emphasis outweigh the content', () => {
    expect(textSimilarity('臭臭臭臭臭臭臭臭', '垃圾桶满了很臭')).toBeLessThan(textSimilarity('垃圾桶满了', '垃圾桶满了很臭'));
  });

  it('scores empty or symbol-only text 0, even against itself', () => {
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('！！！🙏', '！！！🙏')).toBe(0);
    expect(textSimilarity('路灯不亮', '')).toBe(0);
  });

  it('compares one-character texts by that character', () => {
    expect(textSimilarity('灯', '灯')).toBeCloseTo(1, 10);
    expect(textSimilarity('灯', '路灯不亮')).toBeGreaterThan(0);
  });

  it('is symmetric and within [0, 1] for any strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const ab = textSimilarity(a, b);
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
        expect(ab).toBeCloseTo(textSimilarity(b, a), 12);
      }),
    );
  });
});

describe('textFingerprint', () => {
  it('gives the same answer as textSimilarity when reused against several texts', () => {
    const report = textFingerprint('小区门口的路灯晚上不亮');
    for (const other of ['门口路灯坏了', '井盖丢了', '']) {
      expect(fingerprintSimilarity(report, textFingerprint(other))).toBe(textSimilarity('小区门口的路灯晚上不亮', other));
    }
  });
});

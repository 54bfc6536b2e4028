import fc from 'fast-check';
import { complaintTerms, contentRuns } from '../complaint-terms.util';
import { fingerprintSimilarity, textFingerprint, textSimilarity } from '../text-similarity.util';

describe('textSimilarity', () => {
  it('ignores spacing, full width, emoji, case and traditional characters', () => {
    expect(textSimilarity('井盖没了，太危险！！', ' 井 盖 没 了 ， 太危险😡')).toBeCloseTo(1, 10);
    expect(textSimilarity('ＬＥＤ屏坏了', 'led屏坏了。')).toBeCloseTo(1, 10);
    expect(textSimilarity('井蓋沒了，車壓上去會翻', '井盖没了，车压上去会翻')).toBeCloseTo(1, 10);
  });

  it('ignores greetings, requests to act and positional words around a landmark', () => {
    expect(textSimilarity('您好，井盖没了，麻烦你们尽快处理，谢谢！', '井盖没了')).toBeCloseTo(1, 10);
    expect(textSimilarity('小区门口的垃圾桶满了', '小区旁边垃圾桶满了')).toBeGreaterThan(0.95);
  });

  it.each([
    ['新街口地铁站2号口旁井盖缺失，晚上很危险', '地铁2号出口边上的井盖没了，太危险了！', '路边有人乱贴小广告，到处都是'],
    ['小区东门的路灯坏了，晚上一团黑', '东门那边路灯晚上不亮，走路要打手电', '东门垃圾桶满了好几天了'],
    ['垃圾桶满了没人清理，臭死了', '垃圾箱满溢好几天了，味道很大', '绿化带里的树倒了'],
    ['工地晚上还在施工，吵得睡不着', '半夜施工噪音太大，根本没法睡觉', '小区门口有人占道卖菜'],
    ['雨一下就淹，车都开不过去', '这段路积水很深，电动车熄火了', '这段路的路灯一直不亮'],
  ])('rates a rephrasing of "%s" well above a complaint about another problem', (original, rephrased, other) => {
    expect(textSimilarity(original, rephrased)).toBeGreaterThan(textSimilarity(original, other) + 0.2);
  });

  it('matches rewordings that share no character through the words residents use for one thing', () => {
    // 窨井盖 / 井盖 and 不见了 / 被偷 are the same object and fault; 松动 is another fault of that object.
    const missing = textSimilarity('窨井盖不见了', '井盖被人偷走了');
    expect(missing).toBeGreaterThan(0.5);
    expect(missing).toBeGreaterThan(textSimilarity('窨井盖不见了', '井盖松动了，一踩就响'));
    expect(textSimilarity('果皮箱满了', '垃圾桶满溢了')).toBeGreaterThan(textSimilarity('果皮箱满了', '公交站座椅坏了') + 0.25);
  });

  it('tells the detail apart: a dead cat reported twice against a dead dog nearby', () => {
    const cat = '人行道上有只死猫，都发臭了';
    expect(textSimilarity(cat, '路边一只猫被车撞死了')).toBeGreaterThan(textSimilarity(cat, '人行道上有条死狗'));
  });

  it('marks down texts that state different details of one kind, but not a text that states none', () => {
    const cat = '马路中间有只死猫';
    const sameCat = textSimilarity(cat, '路上一只猫被车撞死了');
    const dog = textSimilarity(cat, '马路中间有条死狗');
    expect(dog).toBeLessThan(sameCat);
    expect(dog).toBeLessThan(0.5 * textSimilarity('马路中间有只死狗', '马路中间有条死狗'));
    // "an animal's body" states no species: it may be the same cat, so no conflict.
    expect(textSimilarity(cat, '马路中间有个动物尸体')).toBeGreaterThan(dog);
    // branches hiding a street lamp are not branches hiding a traffic light, however alike the words
    const lamp = '树枝长得太密，挡住了路灯';
    expect(textSimilarity(lamp, '树枝长得太密，挡住了红绿灯')).toBeLessThan(0.6 * textSimilarity(lamp, '树枝太密把路灯都挡住了'));
    // a shelter's broken seat is not its smashed glass
    expect(textSimilarity('公交站座椅坏了', '公交站玻璃坏了')).toBeLessThan(0.6 * textSimilarity('公交站座椅坏了', '公交站的椅子坏了'));
  });

  it('does not count kindred faults as a conflict, and does count the others', () => {
    // a loose cover rocks up; a cracked cover is a broken one, not a sunk one; a missing cover is not a loose one
    expect(textSimilarity('井盖松了，一踩就响', '井盖翘起来了，一踩就响')).toBeGreaterThan(0.7);
    expect(textSimilarity('井盖没了，一踩就响', '井盖松了，一踩就响')).toBeLessThan(0.6);
    expect(textSimilarity('井盖裂了', '井盖碎了')).toBeGreaterThan(textSimilarity('井盖裂了', '井盖下沉了') + 0.3);
  });

  it('reads an object named before a position word as a landmark, not as the detail', () => {
    // 桥洞下面 says where the graffiti is; it does not say it is on the bridge rather than on a wall
    const wall = '墙上被人乱涂乱画';
    expect(textSimilarity('桥洞下面被人乱涂乱画', wall)).toBeGreaterThan(textSimilarity('桥墩上被人乱涂乱画', wall));
    expect(textSimilarity('公交站旁边的路灯不亮', '路灯不亮')).toBeGreaterThan(0.8);
  });

  it('keeps a shared landmark from making different problems look alike', () => {
    const lamp = '幼儿园门口路灯不亮';
    expect(textSimilarity(lamp, '幼儿园门口垃圾桶满了')).toBeLessThan(0.3);
    expect(textSimilarity(lamp, '幼儿园门口垃圾桶满了')).toBeLessThan(textSimilarity(lamp, '路灯晚上不亮，黑乎乎的') - 0.2);
  });

  it('weighs house and building numbers: the same number agrees more than another', () => {
    expect(textSimilarity('3栋楼下的路灯不亮', '3栋楼下路灯坏了不亮')).toBeGreaterThan(textSimilarity('3栋楼下的路灯不亮', '8栋楼下路灯坏了不亮'));
  });

  it('gives complaints with no content in common almost nothing', () => {
    expect(textSimilarity('路灯不亮了', '这里的井盖丢了')).toBeLessThan(0.05);
    expect(textSimilarity('路灯坏了', '消防栓漏水')).toBeLessThan(0.05);
  });

  it('does not let boilerplate ("请尽快处理") make different problems look alike', () => {
    const lamp = '路灯不亮，请尽快处理，谢谢';
    const bin = '垃圾桶满了，请尽快处理，谢谢';
    expect(textSimilarity(lamp, bin)).toBeLessThan(0.05);
  });

  it('does not let a character repeated for emphasis outweigh the content', () => {
    expect(textSimilarity('臭臭臭臭臭臭臭臭', '垃圾桶满了很臭')).toBeLessThan(textSimilarity('垃圾桶满了', '垃圾桶满了很臭'));
  });

  it('scores empty, symbol-only or boilerplate-only text 0, even against itself', () => {
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('！！！🙏', '！！！🙏')).toBe(0);
    expect(textSimilarity('你好，请尽快处理，谢谢', '你好，请尽快处理，谢谢')).toBe(0);
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

describe('complaintTerms', () => {
  it('cuts stop phrases out and never pairs characters across them or across clauses', () => {
    expect(contentRuns('你好，井盖没了请尽快处理，谢谢！')).toEqual([['井', '盖', '没', '了']]);
    const terms = complaintTerms('学校门口井盖没了，太危险');
    expect(terms).toEqual(expect.arrayContaining(['u:学', 'b:学校', 'b:井盖', 'b:危险', 'c:manhole', 'c:fault.missing']));
    expect(terms).not.toContain('b:了太');
    expect(terms).not.toContain('b:校井');
    expect(terms.some((term) => term.includes('门'))).toBe(false);
  });

  it('reads a word that says two things as both concepts (死猫: a carcass and a cat)', () => {
    expect(complaintTerms('路边有只死猫')).toEqual(expect.arrayContaining(['c:carcass', 'c:cat']));
    expect(complaintTerms('站牌歪了')).toEqual(expect.arrayContaining(['c:bus_stop', 'c:sign', 'c:fault.tilted']));
  });

  it('keeps numbers and Latin words as one unit each', () => {
    expect(contentRuns('12栋LED屏坏了')).toEqual([['12', '栋', 'led', '屏', '坏', '了']]);
  });
});

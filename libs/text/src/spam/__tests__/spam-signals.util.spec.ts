import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spamSignals } from '../spam-signals.util';

function codesOf(input: string): string[] {
  return spamSignals(input).map((signal) => signal.code);
}

const complaints = readFileSync(join(__dirname, '../../words/__tests__/fixtures/legit-complaints.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

describe('spamSignals', () => {
  it.each(['路灯坏了', '井盖没了！！！', '垃圾没人收😡😡', 'street light broken', '我的微信是abc123，有事联系', '请回电13812345678'])(
    'passes the ordinary report "%s"',
    (input) => {
      expect(spamSignals(input)).toEqual([]);
    },
  );

  it('passes every complaint of the legitimate corpus', () => {
    expect(complaints.map((line) => ({ line, signals: spamSignals(line) })).filter(({ signals }) => signals.length > 0)).toEqual([]);
  });

  it.each(['', '   ', '！！！。。。', '😡😡😡', '\u200b\u200b', '……？？'])('flags "%s" as empty', (input) => {
    expect(codesOf(input)).toEqual(['EMPTY_TEXT']);
  });

  it.each([
    ['访问 www.abc123.com 领取', 'www.abc123.com'],
    ['https://t.cn/A6abc 点开看', 'https://t.cn/A6abc'],
    ['搜索 haoyun88.top', 'haoyun88.top'],
    ['abc 点 com 了解一下', 'abc 点 com'],
    ['xyz（点）cn', 'xyz（点）cn'],
    ['w w w . x x . c o m', 'wwwx'],
    ['我们的网站是ＡＢＣ．ＣＯＭ', 'ＡＢＣ．ＣＯＭ'],
  ])('flags a link in "%s"', (input, evidence) => {
    const [signal] = spamSignals(input).filter((s) => s.code === 'LINK');
    expect(signal.detail).toBe(`含有链接「${evidence}」`);
  });

  it('does not take decimals for links', () => {
    expect(codesOf('坑有1.5米宽，水深0.3米')).toEqual([]);
  });

  it.each(['兼职日结，加V：abc123', 'vx: wx12345678 高薪', '加 Q 12345678', '加微信 haoyun888 领红包', '无抵押贷款秒到，电话13812345678', 'QQ12345678，刷单返利'])(
    'flags the ad "%s"',
    (input) => {
      expect(codesOf(input)).toContain('AD_CONTACT');
    },
  );

  it('does not take a complaint about ads for an ad', () => {
    expect(codesOf('电线杆上贴满了贷款的小广告，上面的电话是13812345678')).toEqual([]);
  });

  it.each(['asdfghjkl', 'qwer', 'sdfsdf sdf', 'xkqzvbtrw', 'jkjkjkjk hjhj', '123456', '哈哈哈', '嗯嗯哦哦啊'])('flags "%s" as gibberish', (input) => {
    expect(codesOf(input)).toContain('GIBBERISH');
  });

  it.each(['lu deng huai le', 'the street light is broken', 'wifi', '5号楼', '井盖 asdf'])('does not take "%s" for gibberish', (input) => {
    expect(codesOf(input)).not.toContain('GIBBERISH');
  });

  it.each(['啊啊啊啊啊', '路灯坏了路灯坏了路灯坏了', '快来快来快来', '11111111', '哦哈哦哈哈哦哦哈哦哈哦哈哈哦哈哦'])(
    'flags "%s" as repeated',
    (input) => {
      expect(codesOf(input)).toContain('REPEATED_CHARS');
    },
  );

  it.each(['谢谢谢谢', '快快快！', '1号楼1111室', '电话13131313131', '好好好，马上处理'])('does not flag "%s" as repeated', (input) => {
    expect(codesOf(input)).not.toContain('REPEATED_CHARS');
  });

  it('explains each signal in Chinese for staff', () => {
    expect(spamSignals('加V：abc123')).toEqual([{ code: 'AD_CONTACT', detail: '疑似广告：联系方式「加vabc123」' }]);
  });
});

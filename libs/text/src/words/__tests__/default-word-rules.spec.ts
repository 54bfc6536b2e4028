import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_WORD_RULES } from '../default-word-rules.data';
import { maskText } from '../mask-text.util';
import { compileWordRules } from '../word-matcher.util';
import type { WordRuleSpec } from '../word-rule.types';

const matcher = compileWordRules(DEFAULT_WORD_RULES);
const complaints = readFileSync(join(__dirname, 'fixtures', 'legit-complaints.txt'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '');

function levelsOf(input: string): string[] {
  return matcher.match(input).map((hit) => hit.level);
}

describe('DEFAULT_WORD_RULES on legitimate complaints', () => {
  it('has a corpus of at least 300 distinct complaints', () => {
    expect(new Set(complaints).size).toBe(complaints.length);
    expect(complaints.length).toBeGreaterThanOrEqual(300);
  });

  it('never blocks or holds for review a legitimate complaint', () => {
    const tripped = complaints
      .map((line) => ({ line, hits: matcher.match(line).filter((hit) => hit.level === 'block' || hit.level === 'review') }))
      .filter(({ hits }) => hits.length > 0);
    expect(tripped).toEqual([]);
  });

  it('does not even mask anything in them', () => {
    expect(complaints.filter((line) => matcher.match(line).length > 0)).toEqual([]);
  });

  it.each(['政府', '书记', '垃圾', '井盖', '城管', '执法人员', '法人', '小姐姐', '鸡蛋', '操场', '干部', '黑车', '水管炸了', '炸鸡店', '跳楼价', '十字路口交通', '这里的沙比较多'])(
    'lets the everyday word %s through, even next to other text',
    (word) => {
      expect(matcher.match(`我们这里的${word}问题`)).toEqual([]);
    },
  );

  it('protects everyday words against rules an admin adds later', () => {
    const withAdminRules = compileWordRules([
      ...DEFAULT_WORD_RULES,
      { id: 'admin.1', pattern: '鸡', level: 'review', category: 'porn' },
      { id: 'admin.2', pattern: '法人', level: 'review', category: 'other' },
      { id: 'admin.3', pattern: '小姐', level: 'review', category: 'porn' },
    ]);
    expect(withAdminRules.match('执法人员说小姐姐买的鸡蛋没问题')).toEqual([]);
    expect(withAdminRules.match('小姐上门').map((hit) => hit.ruleId)).toContain('admin.3');
  });
});

describe('DEFAULT_WORD_RULES on what they are for', () => {
  it.each([
    ['代开发票，联系我', 'block'],
    ['專業代開發票', 'block'],
    ['同城约 炮，裸聊', 'block'],
    ['网上博彩，百家乐，澳门赌场', 'block'],
    ['出售冰毒', 'block'],
    ['查开房记录，手机定位查询', 'block'],
    ['再不处理我就炸了政府', 'review'],
    ['信不信我弄死你', 'review'],
    ['操你妈的物业', 'review'],
    ['不解决我就跳楼', 'review'],
    ['物业都是一帮傻 逼', 'mask'],
    ['你们这些SB', 'mask'],
    ['狗官不作为', 'mask'],
  ])('classifies "%s" as %s', (input, level) => {
    expect(levelsOf(input)).toContain(level);
  });

  it('masks insults in a real complaint without touching the complaint', () => {
    const input = '楼下的傻*逼天天半夜装修，他妈的吵死了';
    const masked = maskText(
      input,
      matcher.match(input).filter((hit) => hit.level === 'mask'),
    );
    expect(masked).toBe('楼下的***天天半夜装修，***吵死了');
  });

  it('has unique ids, and every rule fires on its own pattern', () => {
    expect(new Set(DEFAULT_WORD_RULES.map((rule) => rule.id)).size).toBe(DEFAULT_WORD_RULES.length);
    const silent = DEFAULT_WORD_RULES.filter((rule: WordRuleSpec) => rule.level !== 'allow').filter(
      (rule) => !matcher.match(rule.pattern).some((hit) => hit.ruleId === rule.id),
    );
    expect(silent).toEqual([]);
  });
});

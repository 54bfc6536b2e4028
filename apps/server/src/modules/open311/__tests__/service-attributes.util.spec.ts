import type { ServiceAttribute } from '@ssp/contracts';
import { SERVICE_DEFINITIONS } from '../../../core/database/seeds/data/service-definitions.data';
import { checkAttributeAnswers, checkServiceDefinition, describeAnswers } from '../service-attributes.util';

const DEFINITION: ServiceAttribute[] = [
  { variable: false, code: 'notice', datatype: 'text', required: false, datatypeDescription: null, order: 1, description: '注意安全' },
  { variable: true, code: 'kind', datatype: 'singlevaluelist', required: true, datatypeDescription: null, order: 2, description: '类型', values: [{ key: 'a', name: '甲' }, { key: 'b', name: '乙' }] },
  { variable: true, code: 'where', datatype: 'multivaluelist', required: false, datatypeDescription: null, order: 3, description: '位置', values: [{ key: 'x', name: '东' }, { key: 'y', name: '西' }] },
  { variable: true, code: 'size', datatype: 'number', required: false, datatypeDescription: null, order: 4, description: '大小' },
  { variable: true, code: 'since', datatype: 'datetime', required: false, datatypeDescription: null, order: 5, description: '时间' },
  { variable: true, code: 'pole', datatype: 'string', required: false, datatypeDescription: null, order: 6, description: '编号' },
  { variable: true, code: 'more', datatype: 'text', required: false, datatypeDescription: null, order: 7, description: '补充' },
];

const answers = (entries: Record<string, string[]>) => new Map(Object.entries(entries));
const problemsOf = (entries: Record<string, string[]>) => {
  const result = checkAttributeAnswers(DEFINITION, answers(entries));
  return 'problems' in result ? result.problems : [];
};

describe('checkServiceDefinition', () => {
  it('accepts the shipped definitions', () => {
    for (const [code, definition] of Object.entries(SERVICE_DEFINITIONS)) {
      expect([code, checkServiceDefinition(definition)]).toEqual([code, { ok: [...definition].sort((a, b) => a.order - b.order) }]);
    }
  });

  it('accepts the test definition and sorts by order', () => {
    expect(checkServiceDefinition([...DEFINITION].reverse())).toEqual({ ok: DEFINITION });
  });

  it('names every problem of a broken definition', () => {
    const result = checkServiceDefinition([
      { ...DEFINITION[1], code: 'kind' },
      { ...DEFINITION[1], order: 2 },
      { ...DEFINITION[3], values: [{ key: 'a', name: 'A' }], order: 3 },
      { ...DEFINITION[1], values: [], code: 'empty', order: 4 },
      { ...DEFINITION[3], datatype: 'date', code: 'd', order: 5 },
      { ...DEFINITION[0], required: true, code: 'info', order: 6 },
      { ...DEFINITION[3], code: 'bad code!', order: 7 },
      { ...DEFINITION[3], code: 'o', order: 0 },
    ]);
    expect('problems' in result && result.problems).toEqual([
      '第 2 个属性的 code “kind”重复',
      '第 2 个属性的 order 2 重复',
      '第 3 个属性不是列表类型，不能有选项',
      '第 4 个属性是列表类型，须有 1–50 个选项',
      '第 5 个属性的 datatype 无效',
      '第 6 个属性不需要填写（variable 为 false），不能是必填',
      '第 7 个属性的 code 须为 1–32 位字母、数字、- 或 _',
      '第 8 个属性的 order 须为正整数',
    ]);
    expect(checkServiceDefinition({})).toEqual({ problems: ['服务定义必须是属性列表'] });
  });
});

describe('checkAttributeAnswers', () => {
  it('keeps valid answers in their stored form', () => {
    expect(checkAttributeAnswers(DEFINITION, answers({ kind: ['a'], where: ['x', 'y', 'x'], size: ['30.5'], since: ['2026-11-30T08:00:00+08:00'], pole: [' L-12 '], more: ['第一行\n第二行'] }))).toEqual({
      ok: { kind: 'a', where: ['x', 'y'], size: '30.5', since: '2026-11-30T00:00:00.000Z', pole: 'L-12', more: '第一行\n第二行' },
    });
  });

  it('refuses what the definition does not allow', () => {
    expect(problemsOf({})).toEqual(['请填写“类型”（kind）']);
    expect(problemsOf({ kind: ['c'] })).toEqual(['“类型”（kind）的值不在可选范围内']);
    expect(problemsOf({ kind: ['a', 'b'] })).toEqual(['“类型”（kind）只能填写一个值']);
    expect(problemsOf({ kind: ['a'], where: ['z'] })).toEqual(['“位置”（where）的值不在可选范围内']);
    expect(problemsOf({ kind: ['a'], size: ['1e3'] })).toEqual(['“大小”（size）须为数字']);
    expect(problemsOf({ kind: ['a'], since: ['2026-11-30 08:00'] })).toEqual(['“时间”（since）须为 ISO 8601 日期时间']);
    expect(problemsOf({ kind: ['a'], pole: ['a\nb'] })).toEqual(['“编号”（pole）不能换行']);
    expect(problemsOf({ kind: ['a'], pole: ['x'.repeat(201)] })).toEqual(['“编号”（pole）不能超过 200 字']);
    expect(problemsOf({ kind: ['a'], notice: ['x'] })).toEqual(['属性 notice 仅供说明，无需填写']);
    expect(problemsOf({ kind: ['a'], colour: ['red'] })).toEqual(['未知的属性 attribute[colour]']);
  });

  it('treats blank answers as none', () => {
    expect(problemsOf({ kind: ['  '] })).toEqual(['请填写“类型”（kind）']);
  });
});

describe('describeAnswers', () => {
  it('names the chosen options for staff', () => {
    expect(describeAnswers(DEFINITION, { kind: 'a', where: ['x', 'y'], size: '3' })).toBe('类型：甲；位置：东、西；大小：3');
    expect(describeAnswers(DEFINITION, {})).toBe('');
  });
});

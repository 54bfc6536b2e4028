import { buildRoutingFacts, evaluateRules, validateRuleSet, type RoutingFactsInput } from '@ssp/rules';
import {
  CATEGORIES,
  DEPARTMENTS,
  NANJING_CITY_ADCODE,
  NANJING_DISTRICTS,
  ROUTING_RULE_SET,
  SLA_POLICIES,
  SUBCATEGORIES,
} from '..';

const context = {
  departmentCodes: DEPARTMENTS.map((d) => d.code),
  categoryCodes: [...CATEGORIES.map((c) => c.code), ...SUBCATEGORIES.map((c) => c.code)],
  regionCodes: [NANJING_CITY_ADCODE, ...NANJING_DISTRICTS.map((d) => d.adcode)],
  slaPolicyCodes: SLA_POLICIES.map((p) => p.code),
};

const parentOf = new Map(SUBCATEGORIES.map((c) => [c.code, c.parentCode]));

/** A report in 南京 as the intake pipeline would describe it. */
function report(input: { category?: string; district?: string; text?: string; at?: string; supporters?: number }) {
  const reportedAt = new Date(input.at ?? '2026-03-10T10:00:00+08:00');
  const facts: RoutingFactsInput = {
    categoryCode: input.category ?? null,
    parentCategoryCode: input.category ? (parentOf.get(input.category) ?? null) : null,
    regionCode: input.district ?? null,
    regionAncestors: input.district ? [NANJING_CITY_ADCODE, input.district] : [NANJING_CITY_ADCODE],
    text: input.text ?? '',
    reportedAt,
    supporterCount: input.supporters ?? 1,
  };
  return evaluateRules(ROUTING_RULE_SET, buildRoutingFacts(facts), reportedAt);
}

const XUANWU = '320102';
const QINHUAI = '320104';
const GULOU = '320106';
const PUKOU = '320111';
const JIANGNING = '320115';

describe('seeded routing rules', () => {
  it('pass validation against the seeded departments, categories, districts and SLA policies', () => {
    const result = validateRuleSet(ROUTING_RULE_SET, context);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(ROUTING_RULE_SET.rules.length).toBeGreaterThanOrEqual(30);
    expect(ROUTING_RULE_SET.rules.length).toBeLessThanOrEqual(60);
  });

  it('give every district its own 城管 bureau rule', () => {
    const targets = ROUTING_RULE_SET.rules.map((rule) => rule.then.departmentCode);
    for (const district of NANJING_DISTRICTS) expect(targets).toContain(`CGJ-${district.adcode}`);
  });

  it.each([
    ['路灯 in 鼓楼 goes to the lighting centre, not the district', { category: 'GY-01', district: GULOU }, 'LD', 'street-lights-citywide'],
    ['占道经营 in 玄武 goes to 玄武区城管局', { category: 'JM-01', district: XUANWU }, 'CGJ-320102', 'district-cgj-xuanwu'],
    ['占道经营 in 江宁 goes to 江宁区城管局', { category: 'JM-01', district: JIANGNING }, 'CGJ-320115', 'district-cgj-jiangning'],
    ['垃圾箱 (a part with no city-wide owner) goes to the district', { category: 'GY-08', district: PUKOU }, 'CGJ-320111', 'district-cgj-pukou'],
    ['垃圾箱 with no district goes to the city bureau', { category: 'GY-08' }, 'CGJ', 'city-management-fallback'],
    ['违停 goes to the traffic police whatever the district', { category: 'JM-05', district: XUANWU }, 'JGJ', 'parking-to-traffic-police'],
    ['水域不洁 is excluded from the district bureau and goes to water', { category: 'SR-05', district: GULOU }, 'SWJ', 'water-environment'],
    ['井盖 described as missing under another category is urgent', { category: 'GY-08', district: GULOU, text: '小区门口井盖没了晚上很危险' }, 'SZYH', 'manhole-missing'],
    ['a smell of gas without a category goes to gas repair', { text: '楼道里有很重的煤气味' }, 'RQQX', 'gas-leak'],
    ['noise at 23:30 goes to the police', { category: 'HB-02', district: QINHUAI, at: '2026-03-10T23:30:00+08:00' }, 'GAJ', 'night-noise-to-police'],
    ['noise at 02:10 (after midnight) goes to the police', { category: 'HB-02', district: QINHUAI, at: '2026-03-11T02:10:00+08:00' }, 'GAJ', 'night-noise-to-police'],
    ['noise at 06:30 goes to the district bureau', { category: 'HB-02', district: QINHUAI, at: '2026-03-11T06:30:00+08:00' }, 'CGJ-320104', 'district-cgj-qinhuai'],
    ['a hotspot with 25 supporters is supervised by the city bureau', { category: 'JM-01', district: XUANWU, supporters: 25 }, 'CGJ', 'hotspot-street-order'],
    ['drainage in July 2026 is flood-season urgent', { category: 'GY-07', district: GULOU, at: '2026-07-15T09:00:00+08:00' }, 'SWJ', 'flood-season-drainage-2026'],
    ['drainage in November 2026 is the ordinary rule', { category: 'GY-07', district: GULOU, at: '2026-11-15T09:00:00+08:00' }, 'SWJ', 'drainage'],
  ])('%s', (_label, input, departmentCode, ruleId) => {
    const { decision } = report(input);
    expect(decision && { departmentCode: decision.departmentCode, ruleId: decision.ruleId }).toEqual({ departmentCode, ruleId });
  });

  it('marks a missing manhole cover urgent and reclassifies it', () => {
    const { decision } = report({ category: 'GY-08', district: GULOU, text: '井盖丢了' });
    expect(decision).toMatchObject({ priority: 'urgent', slaPolicyCode: 'URGENT', categoryCode: 'GY-02' });
  });

  it('sends a report with neither category nor hazard words to triage and says so', () => {
    const result = report({ text: '你好请问一下' });
    expect(result.decision).toBeNull();
    expect(result.trace).toHaveLength(ROUTING_RULE_SET.rules.length);
    expect(result.explanation).toContain('转人工分拨');
  });

  it('skips the disabled shared-bike pilot and the expired holiday rule, and says why', () => {
    const result = report({ category: 'JM-04', district: QINHUAI, text: '共享单车堵住了盲道' });
    expect(result.decision?.departmentCode).toBe('CGJ-320104');
    const outcomes = Object.fromEntries(result.trace.map((entry) => [entry.ruleId, entry.outcome]));
    expect(outcomes['shared-bikes-pilot']).toBe('disabled');
    expect(outcomes['national-day-fuzimiao-2025']).toBe('expired');
  });

  it('routes every subcategory somewhere in every district and without a district', () => {
    const unrouted: string[] = [];
    for (const sub of SUBCATEGORIES) {
      for (const district of [...NANJING_DISTRICTS.map((d) => d.adcode), undefined]) {
        if (!report({ category: sub.code, district }).decision) unrouted.push(`${sub.code}@${district ?? '-'}`);
      }
    }
    expect(unrouted).toEqual([]);
  });
});

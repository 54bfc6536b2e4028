// Synthetic rule sets and reports for the rules benchmark. Each generated rule comes in two forms built
// from the same random parameters: the JSON rule that libs/rules evaluates, and a hand-written JS
// predicate (the baseline) that decides the same thing with no trace.
//
// Worst case by construction: the first rules (keyword, district, night, hotspot, owner, pattern rules)
// only ever name parents P00…P09, while reports come from P10/P11, so every report runs through all of
// them — many conditions partly hold (its district, its hour, its supporter count) — and only the
// catch-alls at the very end can match, and only for part of the districts: the others match nothing.

/** Deterministic PRNG (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const sample = (list, k) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, k);
  };
  return { next, int, pick, sample };
}

const pad = (n) => String(n).padStart(2, '0');
export const PARENTS = Array.from({ length: 12 }, (_, i) => `P${pad(i)}`);
export const CATEGORIES = Object.fromEntries(PARENTS.map((p) => [p, Array.from({ length: 9 }, (_, i) => `${p}-${pad(i + 1)}`)]));
const RULE_PARENTS = PARENTS.slice(0, 10);
const REPORT_PARENTS = PARENTS.slice(10);
export const DISTRICTS = ['320102', '320104', '320105', '320106', '320111', '320113', '320114', '320115', '320116', '320117', '320118'];
const STREETS = Object.fromEntries(DISTRICTS.map((d) => [d, Array.from({ length: 8 }, (_, i) => `${d}${String(i + 1).padStart(3, '0')}`)]));
const DEPARTMENTS = ['CGJ', 'SZYH', 'LD', 'YLJ', 'JTJ', 'JGJ', 'GAJ', 'SWJ', 'JW', ...DISTRICTS.map((d) => `CGJ-${d}`)];

/** Hazard words appear in keyword rules only; report text is made of everyday words. */
const HAZARD_WORDS = ['燃气泄漏', '煤气味', '井盖没了', '井盖缺失', '路面塌陷', '电线掉落', '着火了', '水管爆了', '电梯困人', '树倒了', '积水很深', '冒黑烟'];
const EVERYDAY_WORDS = ['小区门口', '这里', '已经好几天了', '每天早上', '希望尽快处理', '很多居民', '反映过', '一直没人管', '路过的时候', '影响出行',
  '晚上', '附近', '商铺', '人行道上', '太脏了', '麻烦看一下', '谢谢', '旁边', '垃圾', '车辆', '停在', '噪音', '味道', '孩子上学'];

const fromMs = Date.parse('2026-01-01T00:00:00+08:00');
const untilMs = Date.parse('2027-01-01T00:00:00+08:00');

/** One rule in both forms: `{ rule, baseline: { id, enabled, fromMs, untilMs, test, decision } }`. */
function makeRule(r, index, order) {
  const id = `bench-${index}`;
  const departmentCode = r.pick(DEPARTMENTS);
  const parent = r.pick(RULE_PARENTS);
  const codes = r.sample(CATEGORIES[parent], 3);
  const district = r.pick(DISTRICTS);
  let when;
  let test;
  switch (index % 7) {
    case 0: {
      const words = r.sample(HAZARD_WORDS, 3).map((w, i) => `${w}${i === 0 ? '' : index % 10}`);
      when = { fact: 'text', operator: 'containsAny', value: words };
      test = (f) => words.some((w) => f.text.includes(w));
      break;
    }
    case 1: {
      const parents = r.sample(RULE_PARENTS, 3);
      const extra = new Set(codes);
      const excluded = codes[0];
      when = {
        all: [
          { fact: 'region', operator: 'equal', value: district },
          { any: [{ fact: 'parentCategory', operator: 'in', value: parents }, { fact: 'category', operator: 'in', value: codes }] },
          { not: { fact: 'category', operator: 'in', value: [excluded] } },
        ],
      };
      test = (f) => f.region === district && (parents.includes(f.parentCategory) || extra.has(f.category)) && f.category !== excluded;
      break;
    }
    case 2: {
      const [from, to] = r.pick([[22, 6], [20, 8], [0, 6], [18, 0]]);
      when = { all: [{ fact: 'hour', operator: 'between', value: [from, to] }, { fact: 'category', operator: 'equal', value: codes[0] }] };
      test = (f) => (from > to ? f.hour >= from || f.hour < to : f.hour >= from && f.hour < to) && f.category === codes[0];
      break;
    }
    case 3: {
      const threshold = 2 + r.int(30);
      when = { all: [{ fact: 'supporterCount', operator: 'greaterThanOrEqual', value: threshold }, { fact: 'parentCategory', operator: 'equal', value: parent }] };
      test = (f) => f.supporterCount >= threshold && f.parentCategory === parent;
      break;
    }
    case 4: {
      when = { fact: 'category', operator: 'in', value: codes };
      test = (f) => codes.includes(f.category);
      break;
    }
    case 5: {
      const street = r.pick(STREETS[district]);
      const prefix = `${parent}-0`;
      when = {
        all: [
          { fact: 'regionAncestors', operator: 'matchesAny', value: [`${district}*`] },
          { fact: 'weekday', operator: 'in', value: [6, 7] },
          {
            any: [
              { fact: 'category', operator: 'matchesAny', value: [`${prefix}*`] },
              { all: [{ fact: 'regionAncestors', operator: 'contains', value: street }, { fact: 'parentCategory', operator: 'equal', value: parent }] },
            ],
          },
        ],
      };
      test = (f) =>
        f.regionAncestors.some((c) => c.startsWith(district)) &&
        (f.weekday === 6 || f.weekday === 7) &&
        (f.category.startsWith(prefix) || (f.regionAncestors.includes(street) && f.parentCategory === parent));
      break;
    }
    default: {
      const source = r.pick(['app', 'open311']);
      when = { all: [{ fact: 'source', operator: 'equal', value: source }, { fact: 'priority', operator: 'in', value: ['high', 'urgent'] }, { fact: 'parentCategory', operator: 'equal', value: parent }] };
      test = (f) => f.source === source && (f.priority === 'high' || f.priority === 'urgent') && f.parentCategory === parent;
    }
  }
  const enabled = index % 50 !== 49;
  const windowed = index % 40 === 7;
  const rule = { id, name: `压测规则${index}`, order, enabled, when, then: { departmentCode } };
  if (windowed) rule.effective = { from: '2026-01-01T00:00:00+08:00', until: '2027-01-01T00:00:00+08:00' };
  return { rule, baseline: { id, enabled, fromMs: windowed ? fromMs : null, untilMs: windowed ? untilMs : null, test, decision: departmentCode } };
}

/** The last rules: one catch-all per report parent for half of the districts. */
function makeCatchAll(parent, districts, index, order) {
  const id = `bench-catch-all-${parent}`;
  const departmentCode = 'ZHZX';
  const rule = {
    id,
    name: `兜底规则${parent}`,
    order,
    enabled: true,
    when: { all: [{ fact: 'parentCategory', operator: 'equal', value: parent }, { fact: 'region', operator: 'in', value: districts }] },
    then: { departmentCode },
  };
  const set = new Set(districts);
  return { rule, baseline: { id, enabled: true, fromMs: null, untilMs: null, test: (f) => f.parentCategory === parent && set.has(f.region), decision: departmentCode } };
}

/** `count` rules (the last REPORT_PARENTS.length of them catch-alls) in shuffled list positions. */
export function generateRules(count, seed) {
  const r = random(seed);
  const made = [];
  const regular = count - REPORT_PARENTS.length;
  for (let i = 0; i < regular; i++) made.push(makeRule(r, i, (i + 1) * 10));
  REPORT_PARENTS.forEach((parent, i) => made.push(makeCatchAll(parent, r.sample(DISTRICTS, 6), regular + i, (regular + i + 1) * 10)));
  const rules = r.sample(made.map((m) => m.rule), made.length);
  const baseline = made.map((m) => m.baseline);
  return { ruleSet: { version: 1, rules }, baseline };
}

/** Random report facts (already normalised, the way the intake pipeline passes them). */
export function generateFacts(count, seed) {
  const r = random(seed);
  const facts = new Array(count);
  for (let i = 0; i < count; i++) {
    const parent = r.pick(REPORT_PARENTS);
    const district = r.pick(DISTRICTS);
    const words = Array.from({ length: 3 + r.int(6) }, () => r.pick(EVERYDAY_WORDS));
    facts[i] = {
      category: r.pick(CATEGORIES[parent]),
      parentCategory: parent,
      region: district,
      regionAncestors: ['320100', district, r.pick(STREETS[district])],
      text: words.join(''),
      keywords: words.slice(0, 3),
      hour: r.int(24),
      weekday: 1 + r.int(7),
      supporterCount: r.next() < 0.8 ? 1 + r.int(3) : r.int(60),
      priority: r.pick(['normal', 'normal', 'normal', 'high', 'urgent']),
      source: r.next() < 0.9 ? 'app' : 'open311',
    };
  }
  return facts;
}

/** The baseline evaluator: first enabled, effective rule by order whose predicate holds. */
export function baselineEvaluator(baseline) {
  return (facts, now) => {
    for (const rule of baseline) {
      if (!rule.enabled) continue;
      if (rule.fromMs !== null && now < rule.fromMs) continue;
      if (rule.untilMs !== null && now >= rule.untilMs) continue;
      if (rule.test(facts)) return rule.id;
    }
    return null;
  };
}

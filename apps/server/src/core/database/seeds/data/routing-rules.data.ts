import type { Condition, RoutingRule, RuleAction, RuleSet } from '@ssp/rules';
import type { DepartmentCode } from './departments.data';
import { NANJING_DISTRICTS } from './districts.data';
import type { SlaPolicyCode } from './sla-policies.data';

/**
 * The seeded routing rule set (派单规则) for 南京市, in evaluation order: the first rule that matches
 * decides the department. It follows the dispatch principle of 数字城管: 部件先属主、后属地 — a broken
 * asset goes to the body that owns and maintains it, city-wide, and only assets without a clear owner
 * go to the district — and 事件先属地、后属主 — an event or behaviour goes to the district bureau where it
 * happens, and to a city body only when the district is unknown or the matter is that body's own
 * competence (traffic police, police at night, water, environment).
 *
 * Sections, by order: 10–99 hazards (keywords first, any category), 100–299 parts by owner,
 * 300–399 events that belong to one body whatever the district, 400–599 district 城管 bureaus,
 * 600–699 city-wide fallbacks. Nothing matches a report without a category or a hazard word:
 * it goes to manual triage at the command centre.
 */

/** A rule whose codes the compiler checks against the seeded departments and SLA policies. */
interface SeedRule extends RoutingRule {
  readonly then: RuleAction & { readonly departmentCode: DepartmentCode; readonly slaPolicyCode?: SlaPolicyCode };
}

const category = (code: string): Condition => ({ fact: 'category', operator: 'equal', value: code });
const categoryIn = (...codes: string[]): Condition => ({ fact: 'category', operator: 'in', value: codes });
const parentIn = (...codes: string[]): Condition => ({ fact: 'parentCategory', operator: 'in', value: codes });
const textHasAny = (...words: string[]): Condition => ({ fact: 'text', operator: 'containsAny', value: words });

const HAZARD_RULES: readonly SeedRule[] = [
  {
    id: 'gas-leak',
    name: '燃气泄漏紧急派燃气抢修',
    order: 10,
    enabled: true,
    when: {
      any: [category('TF-03'), textHasAny('燃气泄漏', '煤气泄漏', '天然气泄漏', '燃气味', '煤气味', '闻到煤气', '液化气泄漏')],
    },
    then: { departmentCode: 'RQQX', slaPolicyCode: 'URGENT', priority: 'urgent', categoryCode: 'TF-03' },
    note: '燃气泄漏可能引发爆炸，无论居民选了什么类别，描述里出现燃气气味即按紧急派燃气抢修。',
  },
  {
    id: 'manhole-missing',
    name: '井盖缺失按紧急派市政养护',
    order: 20,
    enabled: true,
    when: textHasAny('井盖缺失', '井盖没了', '井盖丢了', '井盖不见了', '井盖被偷', '井盖被盗', '没有井盖', '井盖没有了'),
    then: { departmentCode: 'SZYH', slaPolicyCode: 'URGENT', priority: 'urgent', categoryCode: 'GY-02' },
    note: '井口敞开会致人坠落，关键词命中即改为井盖类并按紧急处置，不等分类结果。',
  },
  {
    id: 'road-collapse',
    name: '路面塌陷紧急派市政养护',
    order: 30,
    enabled: true,
    when: { any: [category('TF-01'), textHasAny('路面塌陷', '地面塌陷', '路塌了', '地陷')] },
    then: { departmentCode: 'SZYH', slaPolicyCode: 'URGENT', priority: 'urgent', categoryCode: 'TF-01' },
  },
  {
    id: 'water-main-burst',
    name: '自来水管爆裂紧急派水务',
    order: 40,
    enabled: true,
    when: { any: [category('TF-02'), textHasAny('水管爆裂', '水管爆了', '爆管', '自来水管破裂')] },
    then: { departmentCode: 'SWJ', slaPolicyCode: 'URGENT', priority: 'urgent', categoryCode: 'TF-02' },
  },
  {
    id: 'fire-hazard',
    name: '火情与消防隐患紧急派消防',
    order: 50,
    enabled: true,
    when: { any: [category('TF-07'), textHasAny('着火了', '起火了', '失火')] },
    then: { departmentCode: 'XF', slaPolicyCode: 'URGENT', priority: 'urgent' },
  },
  {
    id: 'fallen-cable',
    name: '线缆掉落紧急派市城管局',
    order: 60,
    enabled: true,
    when: category('TF-06'),
    then: { departmentCode: 'CGJ', slaPolicyCode: 'URGENT', priority: 'urgent' },
    note: '线缆权属单位多（电力、通信、广电），由市城管局牵头协调，先排除险情再确认权属。',
  },
  {
    id: 'elevator-trapped',
    name: '电梯困人紧急派市场监管',
    order: 70,
    enabled: true,
    when: {
      all: [{ any: [category('FW-02'), textHasAny('电梯')] }, textHasAny('困人', '被困', '关在电梯里', '卡在电梯里')],
    },
    then: { departmentCode: 'SJJ', slaPolicyCode: 'URGENT', priority: 'urgent', categoryCode: 'FW-02' },
  },
  {
    id: 'fallen-tree',
    name: '树木倒伏紧急派绿化园林',
    order: 80,
    enabled: true,
    when: category('YL-01'),
    then: { departmentCode: 'YLJ', slaPolicyCode: 'URGENT', priority: 'urgent' },
  },
  {
    id: 'waterlogging',
    name: '道路积水紧急派水务',
    order: 90,
    enabled: true,
    when: category('TF-04'),
    then: { departmentCode: 'SWJ', slaPolicyCode: 'URGENT', priority: 'urgent' },
  },
  {
    id: 'other-hazard',
    name: '其他安全隐患派应急管理',
    order: 95,
    enabled: true,
    when: category('TF-08'),
    then: { departmentCode: 'YJJ', slaPolicyCode: 'URGENT', priority: 'urgent' },
  },
];

const PART_OWNER_RULES: readonly SeedRule[] = [
  {
    id: 'street-lights-citywide',
    name: '路灯全市派城市照明管理中心',
    order: 100,
    enabled: true,
    when: category('GY-01'),
    then: { departmentCode: 'LD' },
    note: '全市道路照明由市城市照明管理中心统一养护，不分区。',
  },
  {
    id: 'manhole-covers',
    name: '井盖派市政养护',
    order: 110,
    enabled: true,
    when: category('GY-02'),
    then: { departmentCode: 'SZYH' },
  },
  {
    id: 'hydrants',
    name: '消防栓派消防救援支队',
    order: 120,
    enabled: true,
    when: category('GY-03'),
    then: { departmentCode: 'XF' },
  },
  {
    id: 'bus-shelters',
    name: '公交站亭派交通运输局',
    order: 130,
    enabled: true,
    when: category('GY-04'),
    then: { departmentCode: 'JTJ' },
  },
  {
    id: 'traffic-signals',
    name: '交通信号灯紧急派交警',
    order: 140,
    enabled: true,
    when: category('GY-05'),
    then: { departmentCode: 'JGJ', slaPolicyCode: 'URGENT', priority: 'urgent' },
    note: '信号灯故障直接影响路口安全，按紧急处置。',
  },
  {
    id: 'flood-season-drainage-2026',
    name: '2026年汛期排水设施按紧急派水务',
    order: 150,
    enabled: true,
    when: category('GY-07'),
    then: { departmentCode: 'SWJ', slaPolicyCode: 'URGENT', priority: 'high' },
    effective: { from: '2026-06-01T00:00:00+08:00', until: '2026-10-01T00:00:00+08:00' },
    note: '汛期（6月至9月）雨水篦子堵塞、检查井冒水容易造成内涝，按紧急时限处置；每年汛前更新生效期。',
  },
  {
    id: 'drainage',
    name: '排水设施派水务局',
    order: 160,
    enabled: true,
    when: category('GY-07'),
    then: { departmentCode: 'SWJ' },
  },
  {
    id: 'roads-and-bridges',
    name: '道路桥梁与护栏派市政养护',
    order: 170,
    enabled: true,
    when: categoryIn('GY-06', 'DL-01', 'DL-02', 'DL-04', 'DL-06'),
    then: { departmentCode: 'SZYH' },
  },
  {
    id: 'road-ice',
    name: '道路结冰积雪派市政养护',
    order: 175,
    enabled: true,
    when: category('TF-05'),
    then: { departmentCode: 'SZYH', slaPolicyCode: 'PRIORITY', priority: 'high' },
  },
  {
    id: 'traffic-signs-and-markings',
    name: '交通标志标线派交警',
    order: 180,
    enabled: true,
    when: categoryIn('DL-03', 'DL-05', 'DL-07'),
    then: { departmentCode: 'JGJ' },
  },
  {
    id: 'greenery',
    name: '园林绿化派绿化园林局',
    order: 190,
    enabled: true,
    when: { fact: 'parentCategory', operator: 'equal', value: 'YL' },
    then: { departmentCode: 'YLJ' },
  },
  {
    id: 'elevators',
    name: '电梯故障派市场监管局',
    order: 200,
    enabled: true,
    when: category('FW-02'),
    then: { departmentCode: 'SJJ' },
  },
  {
    id: 'housing',
    name: '房屋与小区设施派房产局',
    order: 210,
    enabled: true,
    when: { fact: 'parentCategory', operator: 'equal', value: 'FW' },
    then: { departmentCode: 'FCJ' },
  },
];

const SINGLE_BODY_EVENT_RULES: readonly SeedRule[] = [
  {
    id: 'parking-to-traffic-police',
    name: '机动车违停与废弃车辆派交警',
    order: 300,
    enabled: true,
    when: categoryIn('JM-05', 'JM-07'),
    then: { departmentCode: 'JGJ' },
    note: '机动车违停、废弃车辆属公安交管事权，不按属地派区城管。',
  },
  {
    id: 'night-noise-to-police',
    name: '夜间社会生活噪声派公安',
    order: 310,
    enabled: true,
    when: { all: [category('HB-02'), { fact: 'hour', operator: 'between', value: [22, 6] }] },
    then: { departmentCode: 'GAJ', slaPolicyCode: 'PRIORITY', priority: 'high' },
    note: '22:00至次日6:00的噪声扰民由公安处置（可即时出警）；白天的社会生活噪声按属地派区城管。',
  },
  {
    id: 'hotspot-street-order',
    name: '多人附议的市容秩序问题由市城管局督办',
    order: 320,
    enabled: true,
    when: {
      all: [parentIn('JM', 'SR', 'GG'), { fact: 'supporterCount', operator: 'greaterThanOrEqual', value: 20 }],
    },
    then: { departmentCode: 'CGJ', slaPolicyCode: 'PRIORITY', priority: 'high' },
    note: '20人以上附议说明问题集中、持续，由市城管局统筹并督办属地。',
  },
  {
    id: 'shared-bikes-pilot',
    name: '共享单车乱停放派交通运输局（试点，未启用）',
    order: 330,
    enabled: false,
    when: { all: [category('JM-04'), textHasAny('共享单车', '共享电单车')] },
    then: { departmentCode: 'JTJ' },
    note: '与市交通运输局商定试点后启用；启用前按属地派区城管。',
  },
  {
    id: 'national-day-fuzimiao-2025',
    name: '2025年国庆夫子庙周边占道经营由市城管局调度',
    order: 340,
    enabled: true,
    when: { all: [{ fact: 'region', operator: 'equal', value: '320104' }, categoryIn('JM-01', 'JM-02')] },
    then: { departmentCode: 'CGJ', priority: 'high' },
    effective: { from: '2025-10-01T00:00:00+08:00', until: '2025-10-09T00:00:00+08:00' },
    note: '节假日景区客流大，市城管局统一调度执法力量；已过期，留作下次节假日参考。',
  },
];

/** 事件先属地: what the district 城管 bureaus handle in their own district, and 部件 with no city-wide owner. */
const DISTRICT_EVENT_CATEGORIES = ['SG-02', 'SG-04', 'SG-05', 'SG-07', 'HB-02', 'HB-03', 'GY-08', 'GY-09'];

function districtRule(district: (typeof NANJING_DISTRICTS)[number], index: number): SeedRule {
  return {
    id: `district-cgj-${district.slug}`,
    name: `${district.name}街面秩序与市容事件派区城管局`,
    order: 400 + index * 10,
    enabled: true,
    when: {
      all: [
        { fact: 'region', operator: 'equal', value: district.adcode },
        { any: [parentIn('JM', 'SR', 'GG'), categoryIn(...DISTRICT_EVENT_CATEGORIES)] },
        { not: categoryIn('SR-05') },
      ],
    },
    then: { departmentCode: `CGJ-${district.adcode}` as const },
    note: '水域保洁（SR-05）归水务，不派区城管。',
  };
}

const DISTRICT_RULES: readonly SeedRule[] = NANJING_DISTRICTS.map(districtRule);

const CITY_FALLBACK_RULES: readonly SeedRule[] = [
  {
    id: 'water-environment',
    name: '水域与排污问题派水务局',
    order: 600,
    enabled: true,
    when: categoryIn('SR-05', 'HB-04', 'HB-05'),
    then: { departmentCode: 'SWJ' },
  },
  {
    id: 'pollution',
    name: '工业噪声与废气派生态环境局',
    order: 610,
    enabled: true,
    when: categoryIn('HB-01', 'HB-06'),
    then: { departmentCode: 'STHJJ' },
  },
  {
    id: 'construction-sites',
    name: '工地扬尘与施工占道派建委',
    order: 620,
    enabled: true,
    when: categoryIn('SG-01', 'SG-03', 'SG-06'),
    then: { departmentCode: 'JW' },
  },
  {
    id: 'city-management-fallback',
    name: '属地不明的城管事项派市城管局',
    order: 630,
    enabled: true,
    when: { any: [parentIn('JM', 'SR', 'GG', 'SG'), categoryIn(...DISTRICT_EVENT_CATEGORIES)] },
    then: { departmentCode: 'CGJ' },
    note: '定位不在任何区内（或缺失）时由市城管局受理，再按实际位置转派。',
  },
  {
    id: 'suggestions',
    name: '意见建议派市指挥中心',
    order: 640,
    enabled: true,
    when: category('QT-01'),
    then: { departmentCode: 'ZHZX', slaPolicyCode: 'ADVISORY' },
  },
  {
    id: 'other-issues',
    name: '其他问题派市指挥中心',
    order: 650,
    enabled: true,
    when: { fact: 'parentCategory', operator: 'equal', value: 'QT' },
    then: { departmentCode: 'ZHZX' },
  },
];

export const ROUTING_RULE_SET: RuleSet = {
  version: 1,
  rules: [...HAZARD_RULES, ...PART_OWNER_RULES, ...SINGLE_BODY_EVENT_RULES, ...DISTRICT_RULES, ...CITY_FALLBACK_RULES],
};

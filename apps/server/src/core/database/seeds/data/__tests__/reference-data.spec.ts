import {
  CATEGORIES,
  COMMAND_CENTRE_DEPARTMENT_CODE,
  DEMO_ACCOUNTS,
  DEPARTMENTS,
  NANJING_DISTRICTS,
  SLA_POLICIES,
  SUBCATEGORIES,
  type DepartmentSeed,
} from '..';

// Traditional-only forms of characters this kind of text uses. A stray one usually means text was
// pasted from a Hong Kong or Taiwan source, and the word matcher would then miss simplified input.
const TRADITIONAL_ONLY = new Set(
  Array.from(
    '區園綠環廣設務燈電車門單號樹總監護馬東國們這會來對時學為無說經問開關點發現體頭長從間動將當應還種與後' +
      '見給過實機讓變專進條運幫聽錢買賣議記處輛髒亂違規噴塗畫攤樓層絡線纜網橋燒煙塵鋼鐵廠場報廳貨壞響險衛' +
      '標語聲銷辦證貼華陽溝積淨潔圍擋顯屬龍鳳淺灘隊災醫藥飯館雜蓋塊壓灑攝鄰擾築權倉準滅儘氣溼鍋爐銀樣檢歸' +
      '類檔級紙結統維養裡',
  ),
);
const HAN = /\p{Script=Han}/u;
const ASCII_CODE = /^[A-Za-z0-9][A-Za-z0-9.-]*$/;

function expectSimplifiedChinese(label: string, text: string): void {
  expect({ label, text, trimmed: text.trim() === text }).toEqual({ label, text, trimmed: true });
  expect({ label, hasHan: HAN.test(text) }).toEqual({ label, hasHan: true });
  const traditional = Array.from(text).filter((ch) => TRADITIONAL_ONLY.has(ch));
  expect({ label, traditional }).toEqual({ label, traditional: [] });
}

/** Codes of the items that fail, so a failure names every offender instead of the first. */
function offenders<T>(items: readonly T[], label: (item: T) => string, ok: (item: T) => boolean): string[] {
  return items.filter((item) => !ok(item)).map(label);
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

const departmentCodes = new Set<string>(DEPARTMENTS.map((d) => d.code));
const slaCodes = new Set<string>(SLA_POLICIES.map((p) => p.code));
const districtAdcodes = new Set<string>(NANJING_DISTRICTS.map((d) => d.adcode));
const allCategoryNodes = [...CATEGORIES, ...SUBCATEGORIES];

describe('categories', () => {
  it('has a tree big enough to be useful', () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(8);
    expect(SUBCATEGORIES.length).toBeGreaterThanOrEqual(40);
    expect(offenders(CATEGORIES, (top) => top.code, (top) => top.children.length > 0)).toEqual([]);
  });

  it('uses unique ASCII codes in the documented scheme', () => {
    const codes = allCategoryNodes.map((node) => node.code);
    expect(duplicates(codes)).toEqual([]);
    for (const top of CATEGORIES) {
      expect(top.code).toMatch(/^[A-Z]{2}$/);
      for (const child of top.children) expect(child.code).toMatch(new RegExp(`^${top.code}-\\d{2}$`));
    }
  });

  it('refers only to existing SLA policies and departments', () => {
    const code = (node: { readonly code: string }): string => node.code;
    expect(offenders(allCategoryNodes, code, (node) => slaCodes.has(node.slaPolicyCode))).toEqual([]);
    expect(offenders(allCategoryNodes, code, (node) => departmentCodes.has(node.defaultDepartmentCode))).toEqual([]);
  });

  it('has sane dedupe radii', () => {
    for (const node of allCategoryNodes) {
      expect(Number.isInteger(node.dedupeRadiusMetres)).toBe(true);
      expect(node.dedupeRadiusMetres).toBeGreaterThanOrEqual(10);
      expect(node.dedupeRadiusMetres).toBeLessThanOrEqual(500);
    }
  });

  it('gives every node 5-12 keywords, none shared between nodes', () => {
    const sized = (node: { readonly keywords: readonly string[] }): boolean =>
      node.keywords.length >= 5 && node.keywords.length <= 12;
    expect(offenders(allCategoryNodes, (node) => node.code, sized)).toEqual([]);
    expect(duplicates(allCategoryNodes.flatMap((node) => node.keywords))).toEqual([]);
  });

  it('writes names, descriptions and keywords in Simplified Chinese', () => {
    expect(duplicates(allCategoryNodes.map((node) => node.name))).toEqual([]);
    for (const node of allCategoryNodes) {
      expectSimplifiedChinese(`${node.code} name`, node.name);
      expectSimplifiedChinese(`${node.code} description`, node.description);
      for (const keyword of node.keywords) expectSimplifiedChinese(`${node.code} keyword`, keyword);
    }
  });
});

describe('departments', () => {
  it('has enough departments with unique ASCII codes and names', () => {
    expect(DEPARTMENTS.length).toBeGreaterThanOrEqual(12);
    expect(duplicates(DEPARTMENTS.map((d) => d.code))).toEqual([]);
    expect(duplicates(DEPARTMENTS.map((d) => d.name))).toEqual([]);
    for (const d of DEPARTMENTS) expect(d.code).toMatch(ASCII_CODE);
  });

  it('places district bodies in one of the 11 districts and city bodies nowhere', () => {
    const departments: readonly DepartmentSeed[] = DEPARTMENTS;
    const placed = (d: DepartmentSeed): boolean =>
      d.regionCode === null ? d.level !== 'district' : districtAdcodes.has(d.regionCode);
    expect(offenders(departments, (d) => d.code, placed)).toEqual([]);
  });

  it('has a city management bureau in each of the 11 districts', () => {
    expect(NANJING_DISTRICTS).toHaveLength(11);
    for (const district of NANJING_DISTRICTS) {
      const bureau = DEPARTMENTS.find((d) => d.code === `CGJ-${district.adcode}`);
      expect(bureau).toMatchObject({
        name: `${district.name}城市管理局`,
        level: 'district',
        regionCode: district.adcode,
      });
    }
  });

  it('has exactly one command centre, the one escalations go to', () => {
    const centres = DEPARTMENTS.filter((d) => d.level === 'command_centre').map((d) => d.code);
    expect(centres).toEqual([COMMAND_CENTRE_DEPARTMENT_CODE]);
  });

  it('uses obviously fictional contacts and Simplified Chinese text', () => {
    for (const d of DEPARTMENTS) {
      expect(d.contact).toMatch(/^025-0000-\d{4}$/);
      expectSimplifiedChinese(`${d.code} name`, d.name);
      expectSimplifiedChinese(`${d.code} shortName`, d.shortName);
      expectSimplifiedChinese(`${d.code} duties`, d.duties);
    }
  });
});

describe('SLA policies', () => {
  it('has 4-6 policies with unique ASCII codes', () => {
    expect(SLA_POLICIES.length).toBeGreaterThanOrEqual(4);
    expect(SLA_POLICIES.length).toBeLessThanOrEqual(6);
    expect(duplicates(SLA_POLICIES.map((p) => p.code))).toEqual([]);
    for (const p of SLA_POLICIES) expect(p.code).toMatch(/^[A-Z_]+$/);
  });

  it('has positive deadlines, signing due before resolving, and known escalation targets', () => {
    for (const p of SLA_POLICIES) {
      expect(p.acceptWithinMinutes).toBeGreaterThan(0);
      expect(p.resolveWithinHours).toBeGreaterThan(0);
      expect(p.acceptWithinMinutes).toBeLessThan(p.resolveWithinHours * 60);
      const target: string | null = p.escalateToDepartmentCode;
      if (target !== null) expect(departmentCodes.has(target)).toBe(true);
      expectSimplifiedChinese(`${p.code} name`, p.name);
      expectSimplifiedChinese(`${p.code} description`, p.description);
    }
  });

  it('orders the urgent policy fastest', () => {
    const fastest = [...SLA_POLICIES].sort((a, b) => a.resolveWithinHours - b.resolveWithinHours)[0];
    expect(fastest?.code).toBe('URGENT');
    expect(fastest?.workingHoursOnly).toBe(false);
  });
});

describe('demo accounts', () => {
  it('has unique ASCII usernames and exactly one admin called admin', () => {
    expect(duplicates(DEMO_ACCOUNTS.map((a) => a.username))).toEqual([]);
    for (const a of DEMO_ACCOUNTS) expect(a.username).toMatch(/^[a-z][a-z0-9.]*$/);
    expect(DEMO_ACCOUNTS.filter((a) => a.role === 'admin').map((a) => a.username)).toEqual(['admin']);
  });

  it('puts staff in existing departments, at least five of them, every district included', () => {
    expect(offenders(DEMO_ACCOUNTS, (a) => a.username, (a) => departmentCodes.has(a.departmentCode))).toEqual([]);
    const staff = DEMO_ACCOUNTS.filter((a) => a.role === 'staff');
    const staffDepartments = new Set<string>(staff.map((a) => a.departmentCode));
    expect(staffDepartments.size).toBeGreaterThanOrEqual(5);
    const bureau = (district: { readonly adcode: string }): string => `CGJ-${district.adcode}`;
    expect(offenders(NANJING_DISTRICTS, bureau, (district) => staffDepartments.has(bureau(district)))).toEqual([]);
  });

  it('has Simplified Chinese display names', () => {
    for (const a of DEMO_ACCOUNTS) expectSimplifiedChinese(`${a.username} displayName`, a.displayName);
  });
});

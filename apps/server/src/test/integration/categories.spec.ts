import type { CategoryNode } from '@ssp/contracts';
import { DataSource } from 'typeorm';
import { bundledRegions } from '../../seed/bundled-regions.util';
import { SeedService } from '../../seed/seed.service';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

describe('GET /api/v1/categories', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('returns the seeded two-level tree to anonymous callers', async () => {
    const response = await request<CategoryNode[]>(t.baseUrl, 'GET', '/api/v1/categories');
    expect(response.status).toBe(200);
    const tree = response.body;
    expect(tree.length).toBeGreaterThanOrEqual(8);
    expect(tree.flatMap((top) => top.children).length).toBeGreaterThanOrEqual(40);
    const names = tree.map((top) => top.name);
    expect(names).toEqual(expect.arrayContaining(['市容环境', '公用设施', '道路交通', '园林绿化']));
    const facilities = tree.find((top) => top.name === '公用设施');
    expect(facilities?.children.map((child) => child.name)).toEqual(expect.arrayContaining(['路灯', '井盖']));
    for (const top of tree) {
      expect(top.description.length).toBeGreaterThan(0);
      for (const child of top.children) expect(child.children).toEqual([]);
    }
    expect(response.headers.get('cache-control')).toContain('max-age');
  });

  it('hides inactive categories and the children of an inactive top category', async () => {
    const dataSource = t.app.get(DataSource);
    const before = await request<CategoryNode[]>(t.baseUrl, 'GET', '/api/v1/categories');
    const [firstTop] = before.body;
    await dataSource.query('UPDATE categories SET active = ? WHERE code = ?', [false, firstTop.code]);
    try {
      const after = await request<CategoryNode[]>(t.baseUrl, 'GET', '/api/v1/categories');
      expect(after.body.map((top) => top.code)).not.toContain(firstTop.code);
      const allCodes = after.body.flatMap((top) => top.children.map((child) => child.code));
      for (const child of firstTop.children) expect(allCodes).not.toContain(child.code);
    } finally {
      await dataSource.query('UPDATE categories SET active = ? WHERE code = ?', [true, firstTop.code]);
    }
  });

  it('seeds idempotently: running the seed again adds nothing and keeps the tree', async () => {
    const before = await request<CategoryNode[]>(t.baseUrl, 'GET', '/api/v1/categories');
    const added = await t.app.get(SeedService).run({ regions: bundledRegions(), demoPassword: 'another-password' });
    expect(added).toEqual({ departments: 0, slaPolicies: 0, workCalendarDays: 0, categories: 0, defaultRoutes: 0, regions: 0, routingRules: 0, wordRules: 0, users: 0 });
    const after = await request<CategoryNode[]>(t.baseUrl, 'GET', '/api/v1/categories');
    expect(after.body).toEqual(before.body);
  });

  it('seeded the city, its 11 districts, at least 12 departments and the demo accounts', async () => {
    const dataSource = t.app.get(DataSource);
    const count = async (sql: string) => Number((await dataSource.query(sql))[0].n);
    expect(await count("SELECT COUNT(*) AS n FROM regions WHERE level = 'district' AND parentCode = '320100'")).toBe(11);
    expect(await count("SELECT COUNT(*) AS n FROM regions WHERE level = 'city'")).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM departments')).toBeGreaterThanOrEqual(12);
    expect(await count("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'")).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM users WHERE role = 'staff' AND departmentId IS NOT NULL")).toBeGreaterThanOrEqual(5);
    const [region] = await dataSource.query("SELECT name, geometry FROM regions WHERE code = '320115'");
    expect(region.name).toBe('江宁区');
    expect(JSON.parse(region.geometry).type).toBe('MultiPolygon');
  });
});

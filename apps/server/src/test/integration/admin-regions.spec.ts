import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ErrorBody, LocateResult } from '@ssp/contracts';
import type { RegionImportResultDto, RegionSummaryDto } from '../../modules/regions/dto/region-admin.dto';
import { request, startTestApp, type TestApp } from '../helpers/test-app';
import { ADMIN_ONLY, TEN_KB, auditTrail, failNextAuditWrite, hiddenKeysIn, refusals, signInEveryone, type Callers } from './admin-support';

interface District {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: unknown;
}

const NANJING_FILE = path.join(__dirname, '../../seed/data/nanjing-districts.geojson');
const nanjing = (): { type: 'FeatureCollection'; features: District[] } => JSON.parse(readFileSync(NANJING_FILE, 'utf8'));
const square = (lng: number, lat: number, size = 0.05) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lng - size, lat - size],
      [lng + size, lat - size],
      [lng + size, lat + size],
      [lng - size, lat + size],
      [lng - size, lat - size],
    ],
  ],
});
const district = (adcode: number | undefined, name: string, geometry: unknown): District => ({
  type: 'Feature',
  properties: { adcode, name },
  geometry,
});
const SHANGHAI = 'lat=31.2304&lng=121.4737&coordSystem=gcj02';
const NANJING_IDENTITY = { cityCode: '320100', cityName: '南京市' };

describe('admin regions', () => {
  let t: TestApp;
  let callers: Callers;
  const importCity = (json: unknown) =>
    request<RegionImportResultDto & ErrorBody>(t.baseUrl, 'POST', '/api/v1/admin/regions/import', { json, headers: callers.admin.headers });
  const importFeatures = (features: unknown[]) => importCity({ type: 'FeatureCollection', features, ...NANJING_IDENTITY });
  const list = async () =>
    (await request<RegionSummaryDto[]>(t.baseUrl, 'GET', '/api/v1/admin/regions', { headers: callers.admin.headers })).body;
  const locate = async (query: string) => (await request<LocateResult>(t.baseUrl, 'GET', `/api/v1/regions/locate?${query}`)).body;

  beforeAll(async () => {
    t = await startTestApp();
    callers = await signInEveryone(t.baseUrl);
  });
  afterAll(() => t.close());

  it.each<[string, string, unknown]>([
    ['GET', '', undefined],
    ['POST', '/import', { ...nanjing(), cityCode: '320100', cityName: '南京市' }],
  ])('%s /admin/regions%s is for admins only', async (method, suffix, json) => {
    expect(await refusals(t.baseUrl, callers, method, `/api/v1/admin/regions${suffix}`, json)).toEqual(ADMIN_ONLY);
  });

  it('lists the city and its districts with bounding boxes but without outlines', async () => {
    const regions = await list();
    expect(regions).toHaveLength(12);
    expect(regions.find((region) => region.code === '320100')).toMatchObject({ name: '南京市', level: 'city', parentCode: null });
    expect(regions.find((region) => region.code === '320104')).toMatchObject({ name: '秦淮区', level: 'district', parentCode: '320100' });
    for (const region of regions) {
      expect(Object.keys(region).sort()).toEqual(['bbox', 'code', 'level', 'name', 'parentCode']);
      expect(region.bbox).toHaveLength(4);
    }
  });

  it('re-importing the same file changes nothing and audits nothing', async () => {
    const response = await importCity({ ...nanjing(), ...NANJING_IDENTITY });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ cityCode: '320100', added: [], updated: [], removed: [] });
    expect(response.body.unchanged).toHaveLength(12);
    expect(await auditTrail(t.baseUrl, callers.admin, 'region', '320104')).toEqual([]);
  });

  it.each<[string, (features: District[]) => District[]]>([
    ['a feature without an adcode', (f) => [...f, district(undefined, '无码区', square(118, 32))]],
    ['a ring of three positions', (f) => [...f, district(320198, '坏区', { type: 'Polygon', coordinates: [[[118, 32], [118.1, 32], [118, 32]]] })]],
    ['a point geometry', (f) => [...f, district(320198, '点区', { type: 'Point', coordinates: [118, 32] })]],
    ['a longitude of 200', (f) => [...f, district(320198, '远区', square(200, 32))]],
    ['a repeated adcode', (f) => [...f, { ...f[0] }]],
    ['a 10 KB district name', (f) => [...f, district(320198, TEN_KB, square(118, 32))]],
    ['a district with the city code', (f) => [...f, district(320100, '重码区', square(118, 32))]],
    ['no features', () => []],
  ])('refuses a file with %s (400) and changes nothing', async (_label, edit) => {
    const before = await list();
    const response = await importFeatures(edit(nanjing().features));
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(await list()).toEqual(before);
    expect(await auditTrail(t.baseUrl, callers.admin, 'region', '320198')).toEqual([]);
  });

  it.each([
    ['a Feature instead of a collection', { ...nanjing(), type: 'Feature', cityCode: '320100', cityName: '南京市' }],
    ['no city code', { ...nanjing(), cityName: '南京市' }],
    ['a city code that is not digits', { ...nanjing(), cityCode: 'nanjing', cityName: '南京市' }],
    ['a 10 KB city name', { ...nanjing(), cityCode: '320100', cityName: TEN_KB }],
    ['features that are not a list', { type: 'FeatureCollection', features: {}, cityCode: '320100', cityName: '南京市' }],
    ['an unknown member', { ...nanjing(), cityCode: '320100', cityName: '南京市', replaceAll: true }],
  ])('refuses a body with %s (400)', async (_label, body) => {
    expect((await importCity(body)).status).toBe(400);
  });

  it('refuses a body over BODY_LIMIT_BYTES with 413', async () => {
    const ring = Array.from({ length: 80_000 }, (_, index) => [118 + index / 1e6, 32]);
    const features = [district(320197, '大区', { type: 'Polygon', coordinates: [ring] })];
    expect(JSON.stringify(features).length).toBeGreaterThan(t.config.http.bodyLimitBytes);
    expect((await importFeatures(features)).status).toBe(413);
  });

  it('rolls the whole import back when a write fails halfway', async () => {
    const before = await list();
    const renamed = (feature: District) => ({ ...feature, properties: { ...feature.properties, name: `${String(feature.properties.name)}X` } });
    failNextAuditWrite(t.app, 3);
    expect((await importFeatures(nanjing().features.map(renamed))).status).toBe(500);
    expect(await list()).toEqual(before);
    expect(await auditTrail(t.baseUrl, callers.admin, 'region', '320102')).toEqual([]);
  });

  it('adds, replaces and removes districts in one audited import, and locate follows at once', async () => {
    expect(await locate(SHANGHAI)).toEqual({ inServiceArea: false, district: null });
    const rename = (feature: District) => ({ ...feature, properties: { ...feature.properties, name: '秦淮新区' } });
    const features = nanjing()
      .features.filter((feature) => feature.properties.adcode !== 320118)
      .map((feature) => (feature.properties.adcode === 320104 ? rename(feature) : feature));
    features.push(district(320199, '测试飞地', square(121.4737, 31.2304)));

    const response = await importFeatures(features);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ added: ['320199'], removed: ['320118'] });
    expect([...response.body.updated].sort()).toEqual(['320100', '320104']);
    expect(response.body.unchanged).toHaveLength(9);

    const regions = await list();
    expect(regions.map((region) => region.code)).not.toContain('320118');
    expect(regions.find((region) => region.code === '320104')?.name).toBe('秦淮新区');
    expect(await locate(SHANGHAI)).toEqual({ inServiceArea: true, district: { code: '320199', name: '测试飞地' } });
    expect(await locate('lat=32.0416&lng=118.7784&coordSystem=gcj02')).toEqual({
      inServiceArea: true,
      district: { code: '320104', name: '秦淮新区' },
    });

    const [renamed] = await auditTrail(t.baseUrl, callers.admin, 'region', '320104');
    expect(renamed).toMatchObject({ action: 'update', before: { name: '秦淮区' }, after: { name: '秦淮新区' } });
    expect(Object.keys(renamed.after ?? {})).not.toContain('outlineSha256');
    const [removed] = await auditTrail(t.baseUrl, callers.admin, 'region', '320118');
    expect(removed).toMatchObject({ action: 'delete', before: { name: '高淳区' }, after: null });
    const [added] = await auditTrail(t.baseUrl, callers.admin, 'region', '320199');
    expect(added).toMatchObject({ action: 'create', after: { name: '测试飞地', level: 'district', parentCode: '320100' } });
    const [city] = await auditTrail(t.baseUrl, callers.admin, 'region', '320100');
    expect(Object.keys(city.after ?? {})).toEqual(expect.arrayContaining(['outlineSha256']));
    expect(JSON.stringify(city).length).toBeLessThan(2000);
    expect(hiddenKeysIn(city)).toEqual([]);
  });
});

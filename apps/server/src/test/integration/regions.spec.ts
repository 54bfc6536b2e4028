import { ErrorCode, type CoordSystemName, type ErrorBody, type LocateResult } from '@ssp/contracts';
import { DomainError } from '../../core/errors/domain.error';
import { RegionsService } from '../../modules/regions/regions.service';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

const QINHUAI = { inServiceArea: true, district: { code: '320104', name: '秦淮区' } };

describe('GET /api/v1/regions/locate', () => {
  let t: TestApp;
  const locate = (query: string) => request<LocateResult & ErrorBody>(t.baseUrl, 'GET', `/api/v1/regions/locate?${query}`);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('places 新街口 (GCJ-02) in 秦淮区, for anonymous callers', async () => {
    const response = await locate('lat=32.0416&lng=118.7784&coordSystem=gcj02');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(QINHUAI);
  });

  it('converts a WGS-84 point to GCJ-02 before the lookup', async () => {
    // 新街口 in GPS coordinates; read as GCJ-02 the same numbers lie some 500 m west, in 鼓楼区.
    expect((await locate('lat=32.0436&lng=118.7732&coordSystem=wgs84')).body).toEqual(QINHUAI);
    expect((await locate('lat=32.0436&lng=118.7732&coordSystem=gcj02')).body).toEqual({
      inServiceArea: true,
      district: { code: '320106', name: '鼓楼区' },
    });
  });

  it('answers that Shanghai is outside the service area', async () => {
    expect((await locate('lat=31.2304&lng=121.4737&coordSystem=gcj02')).body).toEqual({ inServiceArea: false, district: null });
  });

  it.each([
    ['NaN', 'lat=NaN&lng=118.7784&coordSystem=gcj02'],
    ['text', 'lat=abc&lng=118.7784&coordSystem=gcj02'],
    ['an empty latitude', 'lat=&lng=118.7784&coordSystem=gcj02'],
    ['a missing longitude', 'lat=32.0416&coordSystem=gcj02'],
    ['Infinity', 'lat=Infinity&lng=118.7784&coordSystem=gcj02'],
    ['an overflowing number', 'lat=1e999&lng=118.7784&coordSystem=gcj02'],
    ['hexadecimal', 'lat=0x20&lng=118.7784&coordSystem=gcj02'],
    ['latitude 91', 'lat=91&lng=118.7784&coordSystem=gcj02'],
    ['latitude -90.5', 'lat=-90.5&lng=118.7784&coordSystem=gcj02'],
    ['longitude 181', 'lat=32.0416&lng=181&coordSystem=gcj02'],
    ['a repeated latitude', 'lat=32&lat=33&lng=118.7784&coordSystem=gcj02'],
    ['an unknown coordinate system', 'lat=32.0416&lng=118.7784&coordSystem=bd09'],
    ['no coordinate system', 'lat=32.0416&lng=118.7784'],
    ['an unknown parameter', 'lat=32.0416&lng=118.7784&coordSystem=gcj02&debug=1'],
  ])('refuses %s with 400', async (_label, query) => {
    const response = await locate(query);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('gives the reports pipeline the same answers through RegionsService.locate', async () => {
    const regions = t.app.get(RegionsService);
    expect(await regions.locate({ lat: 32.0416, lng: 118.7784, coordSystem: 'gcj02' })).toEqual(QINHUAI);
    expect(await regions.locate({ lat: 32.0436, lng: 118.7732, coordSystem: 'wgs84' })).toEqual(QINHUAI);
    const invalid: Array<{ lat: number; lng: number; coordSystem: CoordSystemName }> = [
      { lat: Number.NaN, lng: 118.7784, coordSystem: 'gcj02' },
      { lat: 32, lng: Number.POSITIVE_INFINITY, coordSystem: 'wgs84' },
      { lat: 32, lng: 118, coordSystem: 'bd09' as CoordSystemName },
    ];
    for (const point of invalid) {
      await expect(regions.locate(point)).rejects.toEqual(expect.objectContaining({ code: ErrorCode.VALIDATION_FAILED }));
      await expect(regions.locate(point)).rejects.toBeInstanceOf(DomainError);
    }
  });
});

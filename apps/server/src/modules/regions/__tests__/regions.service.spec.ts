import { ErrorCode, type CoordSystemName } from '@ssp/contracts';
import { DomainError } from '../../../core/errors/domain.error';
import type { RegionOutlineRow } from '../region-outlines.util';
import type { RegionsRepository } from '../regions.repository';
import { RegionsService } from '../regions.service';

const city: RegionOutlineRow = {
  code: '990100',
  name: '测试市',
  level: 'city',
  geometry: JSON.stringify({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] }),
};

function serviceWithRows(rows: () => RegionOutlineRow[]): { service: RegionsService; loads: () => number } {
  let loads = 0;
  const repository: Pick<RegionsRepository, 'outlines' | 'exists'> = {
    outlines: async () => {
      loads += 1;
      return rows();
    },
    exists: async () => true,
  };
  return { service: new RegionsService(repository as RegionsRepository), loads: () => loads };
}

const inside = { lat: 0.5, lng: 0.5, coordSystem: 'gcj02' as const };

describe('RegionsService.locate', () => {
  afterEach(() => jest.restoreAllMocks());

  it('loads the outlines once and answers from memory until they expire', async () => {
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const { service, loads } = serviceWithRows(() => [city]);
    await Promise.all([service.locate(inside), service.locate(inside)]);
    await service.locate(inside);
    expect(loads()).toBe(1);
    now += 61_000;
    expect((await service.locate(inside)).inServiceArea).toBe(true);
    expect(loads()).toBe(2);
  });

  it('reloads at once after forgetOutlines (an import on this instance)', async () => {
    let rows: RegionOutlineRow[] = [];
    const { service, loads } = serviceWithRows(() => rows);
    expect((await service.locate(inside)).inServiceArea).toBe(false);
    rows = [city];
    expect((await service.locate(inside)).inServiceArea).toBe(false);
    service.forgetOutlines();
    expect((await service.locate(inside)).inServiceArea).toBe(true);
    expect(loads()).toBe(2);
  });

  it('does not keep a failed load', async () => {
    let fail = true;
    const { service } = serviceWithRows(() => {
      if (fail) throw new Error('database away');
      return [city];
    });
    await expect(service.locate(inside)).rejects.toThrow('database away');
    fail = false;
    expect((await service.locate(inside)).inServiceArea).toBe(true);
  });

  it.each<[string, { lat: number; lng: number; coordSystem: CoordSystemName }]>([
    ['NaN', { lat: Number.NaN, lng: 0.5, coordSystem: 'gcj02' }],
    ['latitude 90.1', { lat: 90.1, lng: 0.5, coordSystem: 'wgs84' }],
    ['longitude -181', { lat: 0, lng: -181, coordSystem: 'gcj02' }],
    ['an unknown system', { lat: 0.5, lng: 0.5, coordSystem: 'bd09' as CoordSystemName }],
  ])('refuses %s as bad input, without loading anything', async (_label, point) => {
    const { service, loads } = serviceWithRows(() => [city]);
    const error: unknown = await service.locate(point).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(loads()).toBe(0);
  });
});

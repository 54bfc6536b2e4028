import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { geometryContains } from '@ssp/geo';
import { RegionImportError, regionsFromGeoJson } from '../region-import.util';

const NANJING = { code: '320100', name: '南京市' };
const square = (x: number, y: number) => [
  [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ],
];

describe('regionsFromGeoJson', () => {
  it('reads the shipped Nanjing outlines: the city plus its 11 districts, with bounding boxes', () => {
    const document: unknown = JSON.parse(
      readFileSync(path.join(__dirname, '../data/nanjing-districts.geojson'), 'utf8'),
    );
    const regions = regionsFromGeoJson(document, NANJING);
    expect(regions).toHaveLength(12);
    const [city, ...districts] = regions;
    expect(city).toMatchObject({ code: '320100', level: 'city', parentCode: null });
    expect(districts.map((district) => district.name)).toContain('江宁区');
    expect(districts.every((district) => district.parentCode === '320100')).toBe(true);
    // 南京南站 lies in 雨花台区 and therefore in the city outline; 上海人民广场 lies in neither.
    const station = { lat: 31.9686, lng: 118.7989 };
    const shanghai = { lat: 31.2304, lng: 121.4737 };
    expect(geometryContains(city.geometry, station)).toBe(true);
    expect(geometryContains(city.geometry, shanghai)).toBe(false);
    const [minLng, minLat, maxLng, maxLat] = city.bbox;
    expect(minLng).toBeGreaterThan(118);
    expect(maxLng).toBeLessThan(119.5);
    expect(minLat).toBeGreaterThan(31);
    expect(maxLat).toBeLessThan(33);
  });

  it('turns a Polygon district into a city MultiPolygon', () => {
    const regions = regionsFromGeoJson(
      {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { adcode: 990101, name: '甲区' }, geometry: { type: 'Polygon', coordinates: square(0, 0) } },
          { type: 'Feature', properties: { adcode: '990102', name: '乙区' }, geometry: { type: 'Polygon', coordinates: square(1, 0) } },
        ],
      },
      { code: '990100', name: '测试市' },
    );
    expect(regions[0].geometry).toEqual({ type: 'MultiPolygon', coordinates: [square(0, 0), square(1, 0)] });
    expect(regions[0].bbox).toEqual([0, 0, 2, 1]);
    expect(regions[2].code).toBe('990102');
  });

  it.each([
    ['not a collection', { type: 'Feature' }, /FeatureCollection/],
    ['no features', { type: 'FeatureCollection', features: [] }, /no features/],
    [
      'bad adcode',
      { type: 'FeatureCollection', features: [{ properties: { adcode: 'x', name: 'a' }, geometry: { type: 'Polygon', coordinates: square(0, 0) } }] },
      /adcode/,
    ],
    [
      'point geometry',
      { type: 'FeatureCollection', features: [{ properties: { adcode: 320102, name: 'a' }, geometry: { type: 'Point', coordinates: [1, 2] } }] },
      /Polygon and MultiPolygon/,
    ],
    [
      'latitude out of range',
      { type: 'FeatureCollection', features: [{ properties: { adcode: 320102, name: 'a' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [0, 95], [1, 1], [0, 0]]] } }] },
      /out of range/,
    ],
    [
      'duplicate adcodes',
      {
        type: 'FeatureCollection',
        features: [
          { properties: { adcode: 320102, name: 'a' }, geometry: { type: 'Polygon', coordinates: square(0, 0) } },
          { properties: { adcode: 320102, name: 'b' }, geometry: { type: 'Polygon', coordinates: square(1, 0) } },
        ],
      },
      /unique/,
    ],
  ])('rejects %s with a readable reason', (_label, document, reason) => {
    expect(() => regionsFromGeoJson(document, NANJING)).toThrow(RegionImportError);
    expect(() => regionsFromGeoJson(document, NANJING)).toThrow(reason);
  });
});

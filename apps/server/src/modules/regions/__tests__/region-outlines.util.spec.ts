import { locateIn, toOutlines, type RegionOutlineRow } from '../region-outlines.util';

const ring = (lng: number, lat: number, size: number) => [
  [
    [lng, lat],
    [lng + size, lat],
    [lng + size, lat + size],
    [lng, lat + size],
    [lng, lat],
  ],
];
const square = (lng: number, lat: number, size: number) => JSON.stringify({ type: 'Polygon', coordinates: ring(lng, lat, size) });

// A 2°×1° city made of a western and an eastern district, with a street that must be ignored.
const rows: RegionOutlineRow[] = [
  { code: '990100', name: '测试市', level: 'city', geometry: JSON.stringify({ type: 'MultiPolygon', coordinates: [ring(0, 0, 1), ring(1, 0, 1)] }) },
  { code: '990101', name: '西区', level: 'district', geometry: square(0, 0, 1) },
  { code: '990102', name: '东区', level: 'district', geometry: square(1, 0, 1) },
  { code: '990101001', name: '某街道', level: 'street', geometry: square(0, 0, 0.5) },
];

describe('locateIn', () => {
  const outlines = toOutlines(rows);

  it('keeps cities and districts apart and leaves streets out', () => {
    expect(outlines.cities.map((city) => city.properties.code)).toEqual(['990100']);
    expect(outlines.districts.map((district) => district.properties.code)).toEqual(['990101', '990102']);
  });

  it.each([
    [{ lat: 0.5, lng: 0.5 }, { inServiceArea: true, district: { code: '990101', name: '西区' } }],
    [{ lat: 0.5, lng: 1.5 }, { inServiceArea: true, district: { code: '990102', name: '东区' } }],
    [{ lat: 0.5, lng: 2.5 }, { inServiceArea: false, district: null }],
    [{ lat: -0.1, lng: 0.5 }, { inServiceArea: false, district: null }],
  ])('places %j', (point, expected) => {
    expect(locateIn(outlines, point)).toEqual(expected);
  });

  it('answers in the service area without a district where the districts leave a gap', () => {
    const gappy = toOutlines(rows.filter((row) => row.code !== '990102'));
    expect(locateIn(gappy, { lat: 0.5, lng: 1.5 })).toEqual({ inServiceArea: true, district: null });
  });

  it('knows no service area without a city', () => {
    expect(locateIn(toOutlines([]), { lat: 0.5, lng: 0.5 })).toEqual({ inServiceArea: false, district: null });
  });
});

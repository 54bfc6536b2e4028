import { gcj02ToWgs84, isInChina, toGcj02, toWgs84, wgs84ToGcj02 } from '../coords.util';
import { haversineMetres } from '../distance.util';
import type { LatLng } from '../types';

// Reference pairs from the eviltransform project's test suite: [WGS-84, GCJ-02].
const REFERENCE_PAIRS: readonly (readonly [string, LatLng, LatLng])[] = [
  ['Shanghai', { lat: 31.1774276, lng: 121.5272106 }, { lat: 31.17530398364597, lng: 121.531541859215 }],
  ['Shenzhen', { lat: 22.543847, lng: 113.912316 }, { lat: 22.540796131694766, lng: 113.9171764808363 }],
  ['Beijing', { lat: 39.911954, lng: 116.377817 }, { lat: 39.91334545536069, lng: 116.38404722455657 }],
];

function maxDegreeError(a: LatLng, b: LatLng): number {
  return Math.max(Math.abs(a.lat - b.lat), Math.abs(a.lng - b.lng));
}

describe('isInChina', () => {
  it.each([
    ['Nanjing', 32.0416, 118.7784, true],
    ['Urumqi', 43.8256, 87.6168, true],
    ['Sanya', 18.2528, 109.512, true],
    ['London', 51.5074, -0.1278, false],
    ['Tokyo', 35.6812, 139.7671, false],
    ['Sydney', -33.8688, 151.2093, false],
  ])('%s → %p', (_city, lat, lng, expected) => {
    expect(isInChina(lat, lng)).toBe(expected);
  });
});

describe('wgs84ToGcj02', () => {
  it.each(REFERENCE_PAIRS)('reproduces the reference value for %s', (_city, wgs, gcj) => {
    expect(maxDegreeError(wgs84ToGcj02(wgs), gcj)).toBeLessThan(1e-12);
  });

  it('moves a point in Beijing by a few hundred metres', () => {
    const tiananmen = { lat: 39.9087, lng: 116.3975 };
    const shifted = wgs84ToGcj02(tiananmen);
    expect(shifted.lat).toBeCloseTo(39.910103, 6);
    expect(shifted.lng).toBeCloseTo(116.403744, 6);
    expect(haversineMetres(tiananmen, shifted)).toBeCloseTo(554.93, 1);
  });

  it('leaves points outside China unchanged', () => {
    expect(wgs84ToGcj02({ lat: 51.5074, lng: -0.1278 })).toEqual({ lat: 51.5074, lng: -0.1278 });
    expect(wgs84ToGcj02({ lat: 35.6812, lng: 139.7671 })).toEqual({ lat: 35.6812, lng: 139.7671 });
  });

  it('rejects invalid coordinates', () => {
    expect(() => wgs84ToGcj02({ lat: Number.NaN, lng: 118 })).toThrow(RangeError);
    expect(() => wgs84ToGcj02({ lat: 118.7784, lng: 32.0416 + 180 })).toThrow(RangeError);
  });
});

describe('gcj02ToWgs84', () => {
  it.each(REFERENCE_PAIRS)('inverts the reference value for %s', (_city, wgs, gcj) => {
    expect(maxDegreeError(gcj02ToWgs84(gcj), wgs)).toBeLessThan(1e-9);
  });

  it('round-trips to within 1e-9° over a grid covering mainland China', () => {
    let worst = 0;
    let points = 0;
    for (let lat = 18; lat <= 53; lat += 0.7) {
      for (let lng = 74; lng <= 134; lng += 0.7) {
        const wgs = { lat, lng };
        const gcj = wgs84ToGcj02(wgs);
        worst = Math.max(worst, maxDegreeError(gcj02ToWgs84(gcj), wgs));
        worst = Math.max(worst, maxDegreeError(wgs84ToGcj02(gcj02ToWgs84(gcj)), gcj));
        points++;
      }
    }
    expect(points).toBeGreaterThan(4000);
    expect(worst).toBeLessThan(1e-9);
  });

  it('beats the one-step approximation, which is metres off', () => {
    const gcj = wgs84ToGcj02({ lat: 45.75, lng: 126.65 });
    const offsetAtGcj = { lat: wgs84ToGcj02(gcj).lat - gcj.lat, lng: wgs84ToGcj02(gcj).lng - gcj.lng };
    const oneStep = { lat: gcj.lat - offsetAtGcj.lat, lng: gcj.lng - offsetAtGcj.lng };
    const exact = { lat: 45.75, lng: 126.65 };
    expect(haversineMetres(oneStep, exact)).toBeGreaterThan(1);
    expect(haversineMetres(gcj02ToWgs84(gcj), exact)).toBeLessThan(0.001);
  });

  it('leaves points outside China unchanged', () => {
    expect(gcj02ToWgs84({ lat: -33.8688, lng: 151.2093 })).toEqual({ lat: -33.8688, lng: 151.2093 });
  });
});

describe('toWgs84 / toGcj02', () => {
  const [, wgs, gcj] = REFERENCE_PAIRS[0]!;

  it('converts a tagged point into the requested system', () => {
    expect(maxDegreeError(toWgs84({ ...gcj, coordSystem: 'gcj02' }), wgs)).toBeLessThan(1e-9);
    expect(maxDegreeError(toGcj02({ ...wgs, coordSystem: 'wgs84' }), gcj)).toBeLessThan(1e-12);
  });

  it('passes a point already in the requested system through as a plain LatLng', () => {
    expect(toWgs84({ ...wgs, coordSystem: 'wgs84' })).toEqual(wgs);
    expect(toGcj02({ ...gcj, coordSystem: 'gcj02' })).toEqual(gcj);
  });

  it('validates even when no conversion is needed', () => {
    expect(() => toWgs84({ lat: 91, lng: 0, coordSystem: 'wgs84' })).toThrow(RangeError);
    expect(() => toGcj02({ lat: 0, lng: Number.NaN, coordSystem: 'gcj02' })).toThrow(RangeError);
  });
});

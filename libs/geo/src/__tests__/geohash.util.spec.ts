import { EARTH_MEAN_RADIUS_METRES, haversineMetres } from '../distance.util';
import {
  decodeGeohash,
  encodeGeohash,
  geohashBounds,
  geohashesCoveringBox,
  geohashesCoveringRadius,
  geohashNeighbours,
} from '../geohash.util';
import { boxAroundMetres } from '../box.util';
import type { LatLng } from '../types';

const XINJIEKOU: LatLng = { lat: 32.0416, lng: 118.7784 };

/** Spherical "destination point": where you end up after `metres` on initial `bearingDegrees`. */
function destination(origin: LatLng, bearingDegrees: number, metres: number): LatLng {
  const toRad = Math.PI / 180;
  const angular = metres / EARTH_MEAN_RADIUS_METRES;
  const phi1 = origin.lat * toRad;
  const theta = bearingDegrees * toRad;
  const phi2 = Math.asin(
    Math.sin(phi1) * Math.cos(angular) + Math.cos(phi1) * Math.sin(angular) * Math.cos(theta),
  );
  const lambda2 =
    origin.lng * toRad +
    Math.atan2(
      Math.sin(theta) * Math.sin(angular) * Math.cos(phi1),
      Math.cos(angular) - Math.sin(phi1) * Math.sin(phi2),
    );
  const lng = ((((lambda2 / toRad + 180) % 360) + 360) % 360) - 180;
  return { lat: phi2 / toRad, lng };
}

describe('encodeGeohash', () => {
  it('matches the published reference value', () => {
    expect(encodeGeohash(57.64911, 10.40744, 11)).toBe('u4pruydqqvj');
    expect(encodeGeohash(42.6, -5.6, 5)).toBe('ezs42');
  });

  it('uses 9 characters by default', () => {
    expect(encodeGeohash(57.64911, 10.40744)).toBe('u4pruydqq');
    expect(encodeGeohash(XINJIEKOU.lat, XINJIEKOU.lng)).toBe('wtsqqbgzc');
  });

  it('puts the extreme corners inside the grid', () => {
    expect(encodeGeohash(90, 180, 1)).toBe('z');
    expect(encodeGeohash(-90, -180, 1)).toBe('0');
    expect(encodeGeohash(0, 0, 1)).toBe('s');
    expect(encodeGeohash(-1e-7, -1e-7, 1)).toBe('7');
  });

  it.each([
    [Number.NaN, 0, 9],
    [0, Number.NaN, 9],
    [90.0001, 0, 9],
    [-90.0001, 0, 9],
    [0, 180.0001, 9],
    [0, -180.0001, 9],
    [Number.POSITIVE_INFINITY, 0, 9],
    [0, 0, 0],
    [0, 0, 13],
    [0, 0, 2.5],
  ])('rejects lat=%p lng=%p precision=%p', (lat, lng, precision) => {
    expect(() => encodeGeohash(lat, lng, precision)).toThrow(RangeError);
  });
});

describe('decodeGeohash', () => {
  it('returns the centre of the cell and half its size', () => {
    expect(decodeGeohash('ezs42')).toEqual({
      lat: 42.60498046875,
      lng: -5.60302734375,
      latErr: 0.02197265625,
      lngErr: 0.02197265625,
    });
    expect(decodeGeohash('u')).toEqual({ lat: 67.5, lng: 22.5, latErr: 22.5, lngErr: 22.5 });
  });

  it('gives back a point within the error bounds of what was encoded', () => {
    const points: LatLng[] = [XINJIEKOU, { lat: -33.8688, lng: 151.2093 }, { lat: 0, lng: -180 }];
    for (const point of points) {
      for (const precision of [1, 5, 9, 12]) {
        const decoded = decodeGeohash(encodeGeohash(point.lat, point.lng, precision));
        expect(Math.abs(decoded.lat - point.lat)).toBeLessThanOrEqual(decoded.latErr);
        expect(Math.abs(decoded.lng - point.lng)).toBeLessThanOrEqual(decoded.lngErr);
      }
    }
  });

  it('exposes the cell bounds', () => {
    expect(geohashBounds('s')).toEqual({ minLat: 0, minLng: 0, maxLat: 45, maxLng: 45 });
  });

  it.each(['', 'a', 'wtsqi', 'wtsqo', 'WTSQQ', 'wtsq q', 'wtsqqbgzcwtsq'])('rejects %p', (hash) => {
    expect(() => decodeGeohash(hash)).toThrow(RangeError);
  });
});

describe('geohashNeighbours', () => {
  it('finds the eight neighbours, including across a parent-cell boundary', () => {
    expect(geohashNeighbours('wtsqqbgzc')).toEqual({
      n: 'wtsqqc5b1',
      ne: 'wtsqqc5b4',
      e: 'wtsqqbgzf',
      se: 'wtsqqbgzd',
      s: 'wtsqqbgz9',
      sw: 'wtsqqbgz8',
      w: 'wtsqqbgzb',
      nw: 'wtsqqc5b0',
    });
  });

  it('wraps east across the antimeridian', () => {
    expect(geohashNeighbours('xbpb')).toEqual({
      n: 'xbpc',
      ne: '8001',
      e: '8000',
      se: '2pbp',
      s: 'rzzz',
      sw: 'rzzx',
      w: 'xbp8',
      nw: 'xbp9',
    });
  });

  it('has no neighbours beyond the north pole, and wraps the rest', () => {
    expect(geohashNeighbours('zzz')).toEqual({
      n: null,
      ne: null,
      e: 'bpb',
      se: 'bp8',
      s: 'zzx',
      sw: 'zzw',
      w: 'zzy',
      nw: null,
    });
  });

  it('has no neighbours beyond the south pole, and wraps west', () => {
    expect(geohashNeighbours('000')).toEqual({
      n: '002',
      ne: '003',
      e: '001',
      se: null,
      s: null,
      sw: null,
      w: 'pbp',
      nw: 'pbr',
    });
  });

  it('rejects an invalid hash', () => {
    expect(() => geohashNeighbours('wtsqa')).toThrow(RangeError);
  });
});

describe('geohashesCoveringRadius', () => {
  it('picks the longest prefix whose cell is at least the radius, centre first', () => {
    const cells = geohashesCoveringRadius(XINJIEKOU.lat, XINJIEKOU.lng, 500);
    expect(cells).toHaveLength(9);
    expect(cells[0]).toBe('wtsqqb');
    expect(new Set(cells).size).toBe(9);
    expect(cells.slice(1)).toEqual(Object.values(geohashNeighbours('wtsqqb')));
  });

  it('coarsens as the radius grows', () => {
    const precisionFor = (radius: number): number =>
      geohashesCoveringRadius(XINJIEKOU.lat, XINJIEKOU.lng, radius)[0]!.length;
    // At Nanjing's latitude precision 6 cells are 610.8 m tall and 1.04 km wide, precision 5 cells
    // 4.89 km tall and 4.14 km wide, precision 4 cells 19.5 km tall.
    expect(precisionFor(610)).toBe(6);
    expect(precisionFor(611)).toBe(5);
    expect(precisionFor(4_100)).toBe(5);
    expect(precisionFor(4_200)).toBe(4);
    expect(precisionFor(20_000)).toBe(3);
  });

  it('never returns prefixes longer than the stored hashes', () => {
    expect(geohashesCoveringRadius(XINJIEKOU.lat, XINJIEKOU.lng, 1)[0]).toBe('wtsqqbgzc');
    expect(geohashesCoveringRadius(XINJIEKOU.lat, XINJIEKOU.lng, 1, 7)[0]).toBe('wtsqqbg');
  });

  it.each([
    { place: 'Nanjing', centre: XINJIEKOU, radius: 300 },
    { place: 'Nanjing', centre: XINJIEKOU, radius: 2_500 },
    { place: 'a cell corner', centre: { lat: 0.000001, lng: 0.000001 }, radius: 50 },
    { place: 'the antimeridian', centre: { lat: -16.5, lng: 179.9999 }, radius: 1_000 },
    { place: 'the far north', centre: { lat: 71.2, lng: 25.8 }, radius: 800 },
    { place: 'the far south', centre: { lat: -77.85, lng: 166.67 }, radius: 5_000 },
    { place: 'China', centre: { lat: 35, lng: 105 }, radius: 900_000 },
  ])('covers every point of a circle around $place (r = $radius m)', ({ centre, radius }) => {
    const cells = geohashesCoveringRadius(centre.lat, centre.lng, radius);
    const precision = cells[0]!.length;
    const covered = new Set(cells);
    for (let bearing = 0; bearing < 360; bearing += 5) {
      for (const fraction of [0.5, 0.999999]) {
        const point = destination(centre, bearing, radius * fraction);
        expect(haversineMetres(centre, point)).toBeLessThanOrEqual(radius);
        expect(covered).toContain(encodeGeohash(point.lat, point.lng, precision));
      }
    }
  });

  it('allows for cells narrowing towards the poles', () => {
    // A 3 km circle fits a precision-5 cell's height (4.9 km) but not its width at 71°N (1.6 km);
    // from the west edge of such a cell it would reach past the western neighbour.
    const cellWestLng = geohashBounds(encodeGeohash(71.2, 25.8, 5)).minLng;
    const westEdge: LatLng = { lat: 71.2, lng: cellWestLng + 1e-9 };
    const cells = geohashesCoveringRadius(westEdge.lat, westEdge.lng, 3_000);
    expect(cells[0]).toHaveLength(4);
    const farWest = destination(westEdge, 270, 2_999);
    expect(cells).toContain(encodeGeohash(farWest.lat, farWest.lng, cells[0]!.length));
  });

  it('includes cells on both sides of the antimeridian', () => {
    const cells = geohashesCoveringRadius(-16.5, 179.9999, 1_000);
    expect(cells.some((cell) => decodeGeohash(cell).lng > 0)).toBe(true);
    expect(cells.some((cell) => decodeGeohash(cell).lng < 0)).toBe(true);
  });

  it('falls back to the whole earth when the circle reaches a pole or is enormous', () => {
    expect(geohashesCoveringRadius(89.99, 0, 2_000)).toHaveLength(32);
    expect(geohashesCoveringRadius(0, 0, 6_000_000)).toHaveLength(32);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects radius %p', (radius) => {
    expect(() => geohashesCoveringRadius(0, 0, radius)).toThrow(RangeError);
  });

  it('rejects an invalid centre or precision', () => {
    expect(() => geohashesCoveringRadius(118.7784, 32.0416, 100)).toThrow(RangeError);
    expect(() => geohashesCoveringRadius(0, 0, 100, 13)).toThrow(RangeError);
  });
});

describe('geohashesCoveringBox', () => {
  const box = boxAroundMetres(XINJIEKOU, 1_100);

  it('covers every point of the box with cells of one precision, each once', () => {
    const cells = geohashesCoveringBox(box);
    const precision = cells[0]!.length;
    expect(cells.every((cell) => cell.length === precision)).toBe(true);
    expect(new Set(cells).size).toBe(cells.length);
    const covered = new Set(cells);
    for (let i = 0; i <= 40; i++) {
      for (let j = 0; j <= 40; j++) {
        const lat = box.minLat + ((box.maxLat - box.minLat) * i) / 40;
        const lng = box.minLng + ((box.maxLng - box.minLng) * j) / 40;
        expect(covered).toContain(encodeGeohash(lat, lng, precision));
      }
    }
  });

  it('has no cell outside the box', () => {
    for (const cell of geohashesCoveringBox(box)) {
      const bounds = geohashBounds(cell);
      expect(bounds.maxLat).toBeGreaterThan(box.minLat);
      expect(bounds.minLat).toBeLessThanOrEqual(box.maxLat);
      expect(bounds.maxLng).toBeGreaterThan(box.minLng);
      expect(bounds.minLng).toBeLessThanOrEqual(box.maxLng);
    }
  });

  it('picks the finest precision within maxCells, so the cells hug the box', () => {
    // A 2.2 km box in Nanjing: precision 7 cells (153 m × 130 m) number a few hundred; precision 6 needs ~15.
    const fine = geohashesCoveringBox(box, 512);
    expect(fine[0]).toHaveLength(7);
    expect(fine.length).toBeLessThanOrEqual(512);
    const coarse = geohashesCoveringBox(box, 100);
    expect(coarse[0]).toHaveLength(6);
    expect(coarse.length).toBeLessThanOrEqual(100);
    // Their area is within a small factor of the box's, unlike the 3 × 3 block of 4.9 km cells.
    const area = (cells: string[]) =>
      cells.reduce((sum, cell) => {
        const b = geohashBounds(cell);
        return sum + (b.maxLat - b.minLat) * (b.maxLng - b.minLng);
      }, 0);
    const boxArea = (box.maxLat - box.minLat) * (box.maxLng - box.minLng);
    expect(area(fine) / boxArea).toBeLessThan(1.3);
    expect(area(geohashesCoveringRadius(XINJIEKOU.lat, XINJIEKOU.lng, 1_100)) / boxArea).toBeGreaterThan(20);
  });

  it('never returns cells longer than maxPrecision, and one cell for a point', () => {
    const point = { minLat: XINJIEKOU.lat, maxLat: XINJIEKOU.lat, minLng: XINJIEKOU.lng, maxLng: XINJIEKOU.lng };
    expect(geohashesCoveringBox(point)).toEqual([encodeGeohash(XINJIEKOU.lat, XINJIEKOU.lng)]);
    expect(geohashesCoveringBox(point, 512, 5)).toEqual(['wtsqq']);
  });

  it('falls back to the 32 top-level cells when even they are too many', () => {
    expect(geohashesCoveringBox({ minLat: -80, maxLat: 80, minLng: -170, maxLng: 170 }, 4)).toHaveLength(32);
  });

  it('rejects an inverted or invalid box and a bad maxCells', () => {
    expect(() => geohashesCoveringBox({ ...box, minLat: box.maxLat + 1 })).toThrow(RangeError);
    expect(() => geohashesCoveringBox({ ...box, maxLat: 95 })).toThrow(RangeError);
    expect(() => geohashesCoveringBox(box, 0)).toThrow(RangeError);
    expect(() => geohashesCoveringBox(box, 512, 13)).toThrow(RangeError);
  });
});

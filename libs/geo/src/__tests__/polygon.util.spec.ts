import { bboxContains, findContaining, geometryBBox, geometryContains } from '../polygon.util';
import type { Feature, LinearRing, MultiPolygonGeometry, PolygonGeometry } from '../types';

const at = (lng: number, lat: number) => ({ lat, lng });

const squareWithHole: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [
    [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]],
    [[4, 4], [4, 6], [6, 6], [6, 4], [4, 4]],
  ],
};

// A "U": the notch 3 < lng < 7, lat > 3 is outside. Its bottom corners sit on the ray y = 3 and its
// top corners on y = 10, the cases where ray casting goes wrong if vertices are counted twice.
const uShape: PolygonGeometry = {
  type: 'Polygon',
  coordinates: [[[0, 0], [10, 0], [10, 10], [7, 10], [7, 3], [3, 3], [3, 10], [0, 10], [0, 0]]],
};

const islands: MultiPolygonGeometry = {
  type: 'MultiPolygon',
  coordinates: [
    [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]],
    [
      [[10, 10], [14, 10], [14, 14], [10, 14], [10, 10]],
      [[11, 11], [13, 11], [13, 13], [11, 13], [11, 11]],
    ],
  ],
};

describe('geometryContains — polygon with a hole', () => {
  it.each([
    ['inside the solid part', at(2, 2), true],
    ['inside the hole', at(5, 5), false],
    ['outside the square', at(11, 5), false],
    ['left of the square, level with the hole', at(-1, 5), false],
    ['on the outer edge', at(0, 5), true],
    ['on an outer vertex', at(10, 10), true],
    ['on the hole edge', at(4, 5), true],
    ['on a hole vertex', at(6, 6), true],
  ])('%s → %p', (_case, point, expected) => {
    expect(geometryContains(squareWithHole, point)).toBe(expected);
  });
});

describe('geometryContains — concave polygon', () => {
  it.each([
    ['in the notch', at(5, 5), false],
    ['in the notch, level with its top corners', at(5, 10), false],
    ['in the left arm', at(1, 8), true],
    ['in the right arm', at(8, 8), true],
    ['in the base', at(5, 1), true],
    ['in the base, level with the inner corners', at(1, 3), true],
    ['right of the base, level with the inner corners', at(8.5, 3), true],
    ['left of the shape, level with the inner corners', at(-1, 3), false],
    ['right of the shape, level with the top', at(11, 10), false],
    ['on the notch floor', at(5, 3), true],
    ['just above the notch floor', at(5, 3.000001), false],
  ])('%s → %p', (_case, point, expected) => {
    expect(geometryContains(uShape, point)).toBe(expected);
  });

  it('does not count a ray through an apex as a crossing', () => {
    const triangle: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [[[0, 0], [4, 0], [2, 4], [0, 0]]],
    };
    expect(geometryContains(triangle, at(-1, 4))).toBe(false);
    expect(geometryContains(triangle, at(1, 2))).toBe(true);
    expect(geometryContains(triangle, at(3.5, 3.9))).toBe(false);
  });

  it('accepts a ring that is not explicitly closed', () => {
    const open: PolygonGeometry = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4]]] };
    expect(geometryContains(open, at(2, 2))).toBe(true);
    expect(geometryContains(open, at(0, 2))).toBe(true);
    expect(geometryContains(open, at(5, 2))).toBe(false);
  });
});

describe('geometryContains — multipolygon', () => {
  it.each([
    ['in the first part', at(1, 1), true],
    ['in the second part', at(10.5, 12), true],
    ['in the hole of the second part', at(12, 12), false],
    ['between the parts', at(5, 5), false],
  ])('%s → %p', (_case, point, expected) => {
    expect(geometryContains(islands, point)).toBe(expected);
  });
});

describe('geometryContains — edge cases', () => {
  it('reads GeoJSON positions as [lng, lat]', () => {
    const lng10to20lat30to40: PolygonGeometry = {
      type: 'Polygon',
      coordinates: [[[10, 30], [20, 30], [20, 40], [10, 40], [10, 30]]],
    };
    expect(geometryContains(lng10to20lat30to40, { lat: 35, lng: 15 })).toBe(true);
    expect(geometryContains(lng10to20lat30to40, { lat: 15, lng: 35 })).toBe(false);
  });

  it('contains nothing when it has no rings', () => {
    expect(geometryContains({ type: 'Polygon', coordinates: [] }, at(0, 0))).toBe(false);
    expect(geometryContains({ type: 'MultiPolygon', coordinates: [] }, at(0, 0))).toBe(false);
  });

  it('rejects a point that is not on earth', () => {
    expect(() => geometryContains(squareWithHole, at(Number.NaN, 1))).toThrow(RangeError);
    expect(() => geometryContains(squareWithHole, { lat: 118, lng: 32 })).toThrow(RangeError);
  });
});

describe('geometryBBox / bboxContains', () => {
  it('spans the outer rings', () => {
    expect(geometryBBox(uShape)).toEqual([0, 0, 10, 10]);
    expect(geometryBBox(islands)).toEqual([0, 0, 14, 14]);
  });

  it('ignores altitude', () => {
    const ring: LinearRing = [[1, 2, 500], [3, 2, -20], [3, 5, 0], [1, 2, 500]];
    expect(geometryBBox({ type: 'Polygon', coordinates: [ring] })).toEqual([1, 2, 3, 5]);
  });

  it('is empty for an empty geometry', () => {
    const box = geometryBBox({ type: 'MultiPolygon', coordinates: [] });
    expect(box).toEqual([Infinity, Infinity, -Infinity, -Infinity]);
    expect(bboxContains(box, at(0, 0))).toBe(false);
  });

  it('includes its edges', () => {
    const box = geometryBBox(islands);
    expect(bboxContains(box, at(0, 0))).toBe(true);
    expect(bboxContains(box, at(14, 7))).toBe(true);
    expect(bboxContains(box, at(5, 5))).toBe(true);
    expect(bboxContains(box, at(14.0001, 7))).toBe(false);
    expect(bboxContains(box, at(7, -0.0001))).toBe(false);
  });
});

describe('findContaining', () => {
  interface Zone {
    code: string;
  }
  const zone = (code: string, geometry: Feature<Zone>['geometry']): Feature<Zone> => ({
    type: 'Feature',
    properties: { code },
    geometry,
  });
  const features: Feature<Zone>[] = [
    zone('unplaced', null),
    zone('islands', islands),
    zone('u', uShape),
    zone('overlapping-u', squareWithHole),
  ];

  it('returns the first feature that contains the point, typed by its properties', () => {
    const found = findContaining(at(1, 8), features);
    const code: string | undefined = found?.properties.code;
    expect(code).toBe('u');
    expect(findContaining(at(12.5, 10.5), features)?.properties.code).toBe('islands');
  });

  it('falls through to a later feature when an earlier one excludes the point', () => {
    expect(findContaining(at(5, 8), features)).toBe(features[3]);
  });

  it('returns undefined when nothing contains the point', () => {
    expect(findContaining(at(50, 50), features)).toBeUndefined();
    expect(findContaining(at(12, 12), features)).toBeUndefined();
    expect(findContaining(at(1, 1), [])).toBeUndefined();
  });

  it('rejects an invalid point even with no features to search', () => {
    expect(() => findContaining({ lat: 100, lng: 0 }, [])).toThrow(RangeError);
  });
});

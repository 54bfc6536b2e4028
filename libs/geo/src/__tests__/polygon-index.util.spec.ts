import { readFileSync } from 'node:fs';
import path from 'node:path';

import { geometryBBox, geometryContains, geometryContainsByScan, prepareGeometry } from '../polygon.util';
import type { FeatureCollection, LatLng, LinearRing, MultiPolygonGeometry, PolygonalGeometry, Position } from '../types';

// geometryContains answers through a grid index; geometryContainsByScan runs the ring test over every
// edge. They must agree on every point, including points on, at and a rounding error away from edges.

const DATA_FILE = path.resolve(__dirname, '../../../../apps/server/src/seed/data/nanjing-districts.geojson');
const districts = (JSON.parse(readFileSync(DATA_FILE, 'utf8')) as FeatureCollection<{ name: string }>).features;
const districtGeometries = districts.map((district) => district.geometry as PolygonalGeometry);
// The service area as the seed builds it: one MultiPolygon of every district's polygons.
const nanjingCity: MultiPolygonGeometry = {
  type: 'MultiPolygon',
  coordinates: districtGeometries.flatMap((geometry) =>
    geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates,
  ),
};

function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A closed star-shaped ring of `count` vertices with random radii: concave, many short edges. */
function starRing(random: () => number, cx: number, cy: number, radius: number, count: number, clockwise = false): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < count; i++) {
    const angle = ((clockwise ? -i : i) / count) * 2 * Math.PI;
    const r = radius * (0.4 + 0.6 * random());
    ring.push([cx + r * Math.cos(angle), cy + r * Math.sin(angle)]);
  }
  ring.push(ring[0]);
  return ring;
}

const random = prng(20261201);

const synthetic: Record<string, PolygonalGeometry> = {
  'star with two holes': {
    type: 'Polygon',
    coordinates: [
      starRing(random, 118.8, 32.0, 0.3, 400),
      starRing(random, 118.75, 32.0, 0.05, 60, true),
      starRing(random, 118.9, 32.05, 0.04, 30),
    ],
  },
  // Overlapping polygons, one with a hole another polygon fills again; an island with a lattice-aligned
  // hole whose edges lie on likely cell borders.
  'overlapping multipolygon': {
    type: 'MultiPolygon',
    coordinates: [
      [starRing(random, 0, 0, 10, 300), [[-2, -2], [2, -2], [2, 2], [-2, 2], [-2, -2]]],
      [starRing(random, 1, 1, 1.5, 50)],
      [[[20, 0], [28, 0], [28, 8], [20, 8], [20, 0]], [[22, 2], [22, 6], [26, 6], [26, 2], [22, 2]]],
    ],
  },
  // Axis-aligned staircase on a lattice: horizontal edges, vertices on rays, repeated and collinear
  // vertices, an unclosed ring.
  'lattice staircase': {
    type: 'Polygon',
    coordinates: [
      [[0, 0], [8, 0], [8, 0], [8, 1], [7, 1], [7, 2], [6, 2], [6, 3], [5, 3], [5, 4], [4, 4], [4, 5], [3, 5], [3, 6], [2, 6], [2, 7], [1, 7], [1, 8], [0, 8], [0, 4]],
    ],
  },
  'thin sliver': {
    type: 'Polygon',
    coordinates: [[[118.5, 32.0], [119.5, 32.0000001], [119.5, 32.0000003], [118.5, 32.0000001], [118.5, 32.0]]],
  },
  // Not valid GeoJSON, but the ring test gives it an answer the index must reproduce.
  'self-intersecting bow tie with a hole outside': {
    type: 'Polygon',
    coordinates: [
      [[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]],
      [[9, 4], [14, 4], [14, 6], [9, 6], [9, 4]],
    ],
  },
};

function ringsOf(geometry: PolygonalGeometry): LinearRing[] {
  return geometry.type === 'Polygon' ? [...geometry.coordinates] : geometry.coordinates.flat();
}

/** Random points in (and a little around) the box, vertices, points on edges and just off them. */
function probePoints(geometry: PolygonalGeometry, count: number): LatLng[] {
  const [minX, minY, maxX, maxY] = geometryBBox(geometry);
  const width = maxX - minX;
  const height = maxY - minY;
  const points: LatLng[] = [];
  const add = (lng: number, lat: number) => points.push({ lng, lat });
  for (let i = 0; i < count; i++) {
    add(minX - width * 0.02 + random() * width * 1.04, minY - height * 0.02 + random() * height * 1.04);
  }
  // The box's own sides and corners, and lines at simple fractions of it (where cell borders fall).
  for (const fx of [0, 1 / 64, 0.25, 0.5, 1 - 1 / 128, 1]) {
    for (const fy of [0, 1 / 100, 1 / 3, 0.5, 0.75, 1]) add(minX + fx * width, minY + fy * height);
  }
  const edges = ringsOf(geometry).flatMap((ring) => ring.slice(1).map((b, i) => [ring[i], b] as const));
  for (let i = 0; i < count; i++) {
    const [a, b] = edges[Math.floor(random() * edges.length)];
    const t = random();
    const lng = a[0] + t * (b[0] - a[0]);
    const lat = a[1] + t * (b[1] - a[1]);
    add(a[0], a[1]);
    add(lng, lat);
    // A ray through a vertex: same latitude, either side.
    add(a[0] - width * 1e-3 * random(), a[1]);
    add(a[0] + width * 1e-3 * random(), a[1]);
    for (const offset of [1e-15, 1e-12, 1e-9, 1e-6, 1e-3]) {
      const dx = (random() - 0.5) * offset * width;
      const dy = (random() - 0.5) * offset * height;
      add(lng + dx, lat + dy);
      add(a[0] + dx, a[1] + dy);
    }
  }
  return points.filter((p) => Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180);
}

function disagreements(geometry: PolygonalGeometry, points: readonly LatLng[], expected: readonly boolean[]): LatLng[] {
  return points.filter((point, i) => geometryContains(geometry, point) !== expected[i]);
}

describe('geometryContains through the index ≡ the ring test over every edge', () => {
  const cases: [string, PolygonalGeometry][] = [
    ['Nanjing city (the service area)', nanjingCity],
    ...districts.map((district): [string, PolygonalGeometry] => [district.properties.name, district.geometry as PolygonalGeometry]),
    ...Object.entries(synthetic),
  ];

  it.each(cases)('%s: every probe point gets the same answer', (_name, geometry) => {
    const points = probePoints(geometry, 400);
    const answers = points.map((point) => geometryContainsByScan(geometry, point));
    // The probes reach both answers, so agreement is not the trivial "always false".
    expect(answers.filter(Boolean).length).toBeGreaterThan(points.length / 20);
    expect(answers.filter((answer) => !answer).length).toBeGreaterThan(points.length / 20);
    expect(disagreements(geometry, points, answers)).toEqual([]);
  });

  it('prepareGeometry builds ahead of time and changes no answer', () => {
    const geometry: PolygonalGeometry = { type: 'Polygon', coordinates: [starRing(random, 5, 5, 4, 200)] };
    const points = probePoints(geometry, 100);
    const before = points.map((point) => geometryContainsByScan(geometry, point));
    prepareGeometry(geometry);
    expect(points.map((point) => geometryContains(geometry, point))).toEqual(before);
  });

  it('boxes without area (a line, a point, nothing) are answered by the scan', () => {
    const line: PolygonalGeometry = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [0, 0]]] };
    const dot: PolygonalGeometry = { type: 'Polygon', coordinates: [[[1, 1], [1, 1]]] };
    const empty: PolygonalGeometry = { type: 'MultiPolygon', coordinates: [] };
    expect(geometryContains(line, { lng: 2, lat: 0 })).toBe(true);
    expect(geometryContains(line, { lng: 2, lat: 1e-9 })).toBe(false);
    expect(geometryContains(dot, { lng: 1, lat: 1 })).toBe(true);
    expect(geometryContains(empty, { lng: 0, lat: 0 })).toBe(false);
  });

  it('geometryContainsByScan validates the point like geometryContains', () => {
    expect(() => geometryContainsByScan(nanjingCity, { lat: 91, lng: 118 })).toThrow(RangeError);
  });
});

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { geometryContains } from '../polygon.util';
import { simplifiedOuterRings, simplifyRing } from '../simplify.util';
import type { FeatureCollection, PolygonalGeometry } from '../types';

describe('simplifyRing', () => {
  it('drops points that lie on a straight edge and keeps the corners', () => {
    const square = [
      [0, 0],
      [0.5, 0],
      [1, 0],
      [1, 0.5],
      [1, 1],
      [0.5, 1.00001],
      [0, 1],
      [0, 0],
    ] as const;
    expect(simplifyRing(square, 0.001)).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
  });

  it('keeps a bump larger than the tolerance', () => {
    const bumped = [
      [0, 0],
      [0.5, 0.2],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ] as const;
    expect(simplifyRing(bumped, 0.1)).toContainEqual([0.5, 0.2]);
    expect(simplifyRing(bumped, 0.3)).not.toContainEqual([0.5, 0.2]);
  });

  it('rounds coordinates and closes the ring', () => {
    const ring = simplifyRing([[118.123456, 32.1], [118.2, 32.1], [118.2, 32.2]], 0.0001);
    expect(ring[0]).toEqual([118.1235, 32.1]);
    expect(ring[ring.length - 1]).toEqual(ring[0]);
  });

  it('gives nothing for a degenerate ring', () => {
    expect(simplifyRing([[1, 1], [2, 2]], 0.1)).toEqual([]);
  });
});

describe('simplifiedOuterRings on the bundled Nanjing districts', () => {
  const file = path.resolve(__dirname, '../../../../apps/server/src/seed/data/nanjing-districts.geojson');
  const districts = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<{ name: string }>;

  it('shrinks the outlines yet keeps 新街口 inside 秦淮区', () => {
    const qinhuai = districts.features.find((feature) => feature.properties.name === '秦淮区');
    const geometry = qinhuai?.geometry as PolygonalGeometry;
    const before = JSON.stringify(geometry).length;
    const rings = simplifiedOuterRings(geometry, 0.001);
    expect(JSON.stringify(rings).length).toBeLessThan(before);
    expect(geometryContains({ type: 'Polygon', coordinates: rings }, { lat: 32.0416, lng: 118.7784 })).toBe(true);
  });

  it('keeps every district drawable (at least a triangle)', () => {
    for (const feature of districts.features) {
      const rings = simplifiedOuterRings(feature.geometry as PolygonalGeometry, 0.002);
      expect(rings.length).toBeGreaterThan(0);
      for (const ring of rings) expect(ring.length).toBeGreaterThanOrEqual(4);
    }
  });
});

import { PolygonIndex } from './polygon-index.util';
import { crossesRay, isOnEdge, type RingRelation } from './ring-test.util';
import type { BBox, Feature, LatLng, LinearRing, PolygonalGeometry } from './types';
import { assertValidLatLng } from './validation.util';

/*
 * Containment is tested in the plane of (longitude, latitude) with straight edges, which is how
 * RFC 7946 defines GeoJSON polygons. Point and geometry must be in the same coordinate system (the
 * bundled Nanjing districts are GCJ-02). Polygons crossing the antimeridian must be split, as the RFC
 * asks; they are not unwrapped here.
 *
 * Boundary rule: a polygon is a closed set. A point exactly on an edge or vertex of the outer ring,
 * or of a hole, is contained; a point strictly inside a hole is not. "Exactly" is in floating point,
 * so a point computed to lie on a slanted edge may fall either side of it. Two districts that share a
 * border therefore both contain a point on it, and `findContaining` returns whichever comes first.
 */

/**
 * Even-odd ray casting towards +x (see crossesRay for rays through vertices). Works on closed and
 * unclosed rings alike: the closing edge of a closed ring has zero length and crosses nothing.
 */
function ringRelation(x: number, y: number, ring: LinearRing): RingRelation {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [ax, ay] = ring[j];
    const [bx, by] = ring[i];
    if (isOnEdge(x, y, ax, ay, bx, by)) return 'boundary';
    if (crossesRay(x, y, ax, ay, bx, by)) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

function polygonContains(x: number, y: number, rings: readonly LinearRing[]): boolean {
  const [outer, ...holes] = rings;
  if (outer === undefined || ringRelation(x, y, outer) === 'outside') return false;
  return holes.every((hole) => ringRelation(x, y, hole) !== 'inside');
}

function outerRings(geometry: PolygonalGeometry): LinearRing[] {
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.slice(0, 1);
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((polygon) => polygon.slice(0, 1));
  }
}

/**
 * [west, south, east, north] of the geometry. Holes lie inside their outer ring, so only outer rings
 * are scanned. A geometry without positions has the empty box [∞, ∞, -∞, -∞], which contains nothing.
 */
export function geometryBBox(geometry: PolygonalGeometry): BBox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const ring of outerRings(geometry)) {
    for (const [lng, lat] of ring) {
      minLng = Math.min(minLng, lng);
      minLat = Math.min(minLat, lat);
      maxLng = Math.max(maxLng, lng);
      maxLat = Math.max(maxLat, lat);
    }
  }
  return [minLng, minLat, maxLng, maxLat];
}

/** Inclusive on all sides, matching the closed-set rule for polygons. */
export function bboxContains([minLng, minLat, maxLng, maxLat]: BBox, point: LatLng): boolean {
  return point.lng >= minLng && point.lng <= maxLng && point.lat >= minLat && point.lat <= maxLat;
}

// Region outlines are loaded once and queried for every report. Each geometry's box is remembered
// (most districts are rejected in four comparisons) and, if the box has an area, so is a grid index
// (polygon-index.util) that gives the answer of the scan of every edge below without the scan. Keyed
// weakly so dropped geometries are collected; geometries are readonly and must not be mutated.
const bboxCache = new WeakMap<PolygonalGeometry, BBox>();
const indexCache = new WeakMap<PolygonalGeometry, PolygonIndex | null>();

function cachedBBox(geometry: PolygonalGeometry): BBox {
  let box = bboxCache.get(geometry);
  if (box === undefined) {
    box = geometryBBox(geometry);
    bboxCache.set(geometry, box);
  }
  return box;
}

function cachedIndex(geometry: PolygonalGeometry): PolygonIndex | null {
  let index = indexCache.get(geometry);
  if (index === undefined) {
    const box = cachedBBox(geometry);
    const hasArea = box.every(Number.isFinite) && box[2] > box[0] && box[3] > box[1];
    index = hasArea ? new PolygonIndex(geometry, box) : null;
    indexCache.set(geometry, index);
  }
  return index;
}

/**
 * Builds the geometry's box and index now instead of at its first query, so that whoever loads
 * outlines pays for it at load time. Queries give the same answers either way.
 */
export function prepareGeometry(geometry: PolygonalGeometry): void {
  cachedIndex(geometry);
}

/** The box, then the ring test over every edge: the answer the index must reproduce. */
function scanContains(geometry: PolygonalGeometry, point: LatLng): boolean {
  if (!bboxContains(cachedBBox(geometry), point)) return false;
  switch (geometry.type) {
    case 'Polygon':
      return polygonContains(point.lng, point.lat, geometry.coordinates);
    case 'MultiPolygon':
      return geometry.coordinates.some((rings) => polygonContains(point.lng, point.lat, rings));
  }
}

function contains(geometry: PolygonalGeometry, point: LatLng): boolean {
  const index = cachedIndex(geometry);
  return index === null ? scanContains(geometry, point) : index.contains(point.lng, point.lat);
}

/**
 * `geometryContains` without the grid index: the box, then a scan of every edge of every ring.
 * Slower on large outlines; it exists so that the index can be checked and measured against it.
 */
export function geometryContainsByScan(geometry: PolygonalGeometry, point: LatLng): boolean {
  assertValidLatLng(point.lat, point.lng);
  return scanContains(geometry, point);
}

/** Whether `point` lies in the (Multi)Polygon, under the boundary rule at the top of this file. */
export function geometryContains(geometry: PolygonalGeometry, point: LatLng): boolean {
  assertValidLatLng(point.lat, point.lng);
  return contains(geometry, point);
}

/** The first feature whose geometry contains `point`; features without geometry never match. */
export function findContaining<P>(
  point: LatLng,
  features: Iterable<Feature<P>>,
): Feature<P> | undefined {
  assertValidLatLng(point.lat, point.lng);
  for (const feature of features) {
    if (feature.geometry !== null && contains(feature.geometry, point)) return feature;
  }
  return undefined;
}

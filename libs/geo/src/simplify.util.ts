import type { LinearRing, PolygonalGeometry, Position } from './types';

/** Squared distance in the (lng, lat) plane from `p` to the segment a–b. */
function segmentDistanceSquared(p: Position, a: Position, b: Position): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return x * x + y * y;
}

/** Douglas–Peucker on an open polyline, iterative (outlines have thousands of points). */
function simplifyLine(points: readonly Position[], tolerance: number): Position[] {
  if (points.length <= 2) return [...points];
  const keep = new Array<boolean>(points.length).fill(false);
  keep[0] = true;
  keep[points.length - 1] = true;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  const toleranceSquared = tolerance * tolerance;
  while (stack.length > 0) {
    const [first, last] = stack.pop() as [number, number];
    let farthest = -1;
    let farthestDistance = toleranceSquared;
    for (let i = first + 1; i < last; i++) {
      const distance = segmentDistanceSquared(points[i], points[first], points[last]);
      if (distance > farthestDistance) {
        farthest = i;
        farthestDistance = distance;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/**
 * A ring with fewer points, none of the dropped ones farther than `tolerance` degrees from the result,
 * coordinates rounded to `decimals`. Always closed; a ring that would collapse below a triangle is
 * returned as its bounding triangle of kept points, never dropped (a small district stays visible).
 */
export function simplifyRing(ring: LinearRing, tolerance: number, decimals = 4): Array<[number, number]> {
  const open = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] ? ring.slice(0, -1) : [...ring];
  if (open.length < 3) return [];
  // Split at the point farthest from the first, so that Douglas–Peucker works on two open halves.
  let split = 1;
  let best = -1;
  for (let i = 1; i < open.length; i++) {
    const distance = (open[i][0] - open[0][0]) ** 2 + (open[i][1] - open[0][1]) ** 2;
    if (distance > best) {
      best = distance;
      split = i;
    }
  }
  const firstHalf = simplifyLine(open.slice(0, split + 1), tolerance);
  const secondHalf = simplifyLine([...open.slice(split), open[0]], tolerance);
  let points = [...firstHalf, ...secondHalf.slice(1, -1)];
  if (points.length < 3) points = [open[0], open[Math.floor(open.length / 3)], open[Math.floor((2 * open.length) / 3)]];
  const factor = 10 ** decimals;
  const round = (value: number) => Math.round(value * factor) / factor;
  const rounded = points.map((p): [number, number] => [round(p[0]), round(p[1])]);
  return [...rounded, rounded[0]];
}

/** The outer rings of a polygon or multipolygon, simplified (holes left out: a drawing does not need them). */
export function simplifiedOuterRings(geometry: PolygonalGeometry, tolerance: number, decimals = 4): Array<Array<[number, number]>> {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons
    .map((rings) => (rings.length > 0 ? simplifyRing(rings[0], tolerance, decimals) : []))
    .filter((ring) => ring.length >= 4);
}

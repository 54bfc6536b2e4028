/*
 * The two per-edge questions of the even-odd ring test, for an edge from (ax, ay) to (bx, by). Both the
 * scan of every edge (polygon.util) and the grid index (polygon-index.util) ask them through these
 * functions, so the index reproduces the scan's floating-point results by construction.
 */

export type RingRelation = 'inside' | 'outside' | 'boundary';

/** Whether (x, y) lies exactly (in floating point) on the edge. */
export function isOnEdge(x: number, y: number, ax: number, ay: number, bx: number, by: number): boolean {
  const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
  return (
    cross === 0 &&
    x >= Math.min(ax, bx) &&
    x <= Math.max(ax, bx) &&
    y >= Math.min(ay, by) &&
    y <= Math.max(ay, by)
  );
}

/**
 * Whether the ray from (x, y) towards +x crosses the edge. The half-open test `(ay > y) !== (by > y)`
 * counts a vertex lying on the ray once for the edge pair that crosses it and not at all for one that
 * only touches it, so rays through vertices need no special case.
 */
export function crossesRay(x: number, y: number, ax: number, ay: number, bx: number, by: number): boolean {
  return ay > y !== by > y && x < ax + ((y - ay) * (bx - ax)) / (by - ay);
}

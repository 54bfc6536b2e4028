import { crossesRay, isOnEdge, type RingRelation } from './ring-test.util';
import type { BBox, LinearRing, PolygonalGeometry } from './types';

/*
 * A grid over a geometry's bounding box that answers the ring test of polygon.util without scanning
 * every edge, and gives exactly the same answer, floating-point rounding included:
 *
 * - Rows ("slabs"): each row keeps, per polygon and ring, the edges whose latitude range overlaps the
 *   row (widened by a margin). An edge outside that range neither crosses a horizontal ray from a point
 *   in the row nor has the point on it, so running the very same ring arithmetic over the row's edges
 *   only gives the same relation as over the whole ring.
 * - Cells: a cell no edge comes within the margin of lies wholly inside or wholly outside (the answer
 *   only changes across an edge, and adjacent such cells form one edge-free region), and its points are
 *   far enough from every edge for the rounding of the ring test not to matter. Such cells store the
 *   answer, computed once at the centre of each run of them; only cells near an edge run the row test.
 *
 * The margin is many orders of magnitude above the rounding of the ring test, of the cell arithmetic
 * and of a point's cell number, and far below a cell, so it costs next to nothing.
 */

const OUTSIDE = 0;
const INSIDE = 1;
const NEAR_EDGE = 2;

/** Roughly this many cells per edge, so that a near-edge cell sees a handful of edges. */
const CELLS_PER_EDGE = 4;
const MIN_CELLS = 64;
const MAX_CELLS = 1 << 16;

/** One polygon's edges within one row: [ax, ay, bx, by] per edge, a the ring's previous position. */
interface RowPolygon {
  outer: Float64Array;
  holes: Float64Array[];
}

/** The ring test of polygon.util (same per-edge functions, same edge orientation) over a ring's row edges. */
function rowRingRelation(x: number, y: number, edges: Float64Array): RingRelation {
  let inside = false;
  for (let k = 0; k < edges.length; k += 4) {
    const ax = edges[k];
    const ay = edges[k + 1];
    const bx = edges[k + 2];
    const by = edges[k + 3];
    if (isOnEdge(x, y, ax, ay, bx, by)) return 'boundary';
    if (crossesRay(x, y, ax, ay, bx, by)) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

function rowContains(x: number, y: number, polygons: readonly RowPolygon[]): boolean {
  for (const polygon of polygons) {
    if (rowRingRelation(x, y, polygon.outer) === 'outside') continue;
    if (polygon.holes.every((hole) => rowRingRelation(x, y, hole) !== 'inside')) return true;
  }
  return false;
}

function polygonsOf(geometry: PolygonalGeometry): readonly (readonly LinearRing[])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export class PolygonIndex {
  private readonly cols: number;
  private readonly rows: number;
  private readonly cellWidth: number;
  private readonly cellHeight: number;
  private readonly cells: Uint8Array;
  private readonly rowPolygons: RowPolygon[][];

  /** `bbox` must be the geometry's box (geometryBBox), non-empty and of positive width and height. */
  constructor(geometry: PolygonalGeometry, private readonly bbox: BBox) {
    const [minX, minY, maxX, maxY] = bbox;
    const polygons = polygonsOf(geometry);
    const edgeCount = polygons.reduce((sum, rings) => sum + rings.reduce((n, ring) => n + ring.length, 0), 0);
    const width = maxX - minX;
    const height = maxY - minY;
    const cellCount = Math.min(MAX_CELLS, Math.max(MIN_CELLS, edgeCount * CELLS_PER_EDGE));
    const side = Math.sqrt((width * height) / cellCount);
    // Each side capped, so a sliver of a box cannot ask for a huge grid (at most about 3 × MAX_CELLS).
    this.cols = Math.min(MAX_CELLS, Math.max(1, Math.ceil(width / side)));
    this.rows = Math.min(MAX_CELLS, Math.max(1, Math.ceil(height / side)));
    this.cellWidth = width / this.cols;
    this.cellHeight = height / this.rows;
    const scale = Math.max(Math.abs(minX), Math.abs(maxX), Math.abs(minY), Math.abs(maxY));
    const margin = Math.max(this.cellWidth, this.cellHeight) * 1e-6 + scale * 1e-12;

    this.cells = new Uint8Array(this.cols * this.rows);
    const rowEdges: number[][][][] = Array.from({ length: this.rows }, () => []);
    polygons.forEach((rings, p) => {
      rings.forEach((ring, r) => {
        for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
          this.addEdge(ring[j][0], ring[j][1], ring[i][0], ring[i][1], margin, (row) => {
            const perPolygon = (rowEdges[row][p] ??= []);
            (perPolygon[r] ??= []).push(ring[j][0], ring[j][1], ring[i][0], ring[i][1]);
          });
        }
      });
    });
    this.rowPolygons = rowEdges.map((byPolygon) =>
      byPolygon
        .filter((byRing) => byRing !== undefined && byRing[0] !== undefined)
        .map(([outer, ...holes]) => ({
          outer: Float64Array.from(outer),
          holes: holes.filter((hole) => hole !== undefined).map((hole) => Float64Array.from(hole)),
        })),
    );
    this.classifyEdgeFreeCells();
  }

  /** Whether the geometry contains (x, y), exactly as the ring test over all edges answers. */
  contains(x: number, y: number): boolean {
    const [minX, minY, maxX, maxY] = this.bbox;
    if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) return false;
    const col = Math.min(this.cols - 1, Math.floor((x - minX) / this.cellWidth));
    const row = Math.min(this.rows - 1, Math.floor((y - minY) / this.cellHeight));
    const state = this.cells[row * this.cols + col];
    if (state !== NEAR_EDGE) return state === INSIDE;
    return rowContains(x, y, this.rowPolygons[row]);
  }

  /**
   * Files the edge a→b under every row whose band (widened by 2 × margin) its latitude range overlaps,
   * and marks as near an edge every cell of those rows that the part of the edge within the band,
   * widened by 2 × margin, overlaps. Twice the margin covers the rounding of this arithmetic itself.
   */
  private addEdge(ax: number, ay: number, bx: number, by: number, margin: number, fileUnder: (row: number) => void): void {
    const [minX, minY, maxX, maxY] = this.bbox;
    const slack = 2 * margin;
    const edgeMinY = Math.min(ay, by);
    const edgeMaxY = Math.max(ay, by);
    if (edgeMaxY < minY - slack || edgeMinY > maxY + slack) return;
    const firstRow = Math.max(0, Math.floor((edgeMinY - slack - minY) / this.cellHeight));
    const lastRow = Math.min(this.rows - 1, Math.floor((edgeMaxY + slack - minY) / this.cellHeight));
    for (let row = firstRow; row <= lastRow; row++) {
      const bandLow = Math.max(edgeMinY, minY + row * this.cellHeight - slack);
      const bandHigh = Math.min(edgeMaxY, minY + (row + 1) * this.cellHeight + slack);
      if (bandLow > bandHigh) continue;
      fileUnder(row);
      let xLow: number;
      let xHigh: number;
      if (ay === by) {
        xLow = Math.min(ax, bx);
        xHigh = Math.max(ax, bx);
      } else {
        const atLow = ax + ((bandLow - ay) * (bx - ax)) / (by - ay);
        const atHigh = ax + ((bandHigh - ay) * (bx - ax)) / (by - ay);
        xLow = Math.max(Math.min(ax, bx), Math.min(atLow, atHigh));
        xHigh = Math.min(Math.max(ax, bx), Math.max(atLow, atHigh));
      }
      xLow -= slack;
      xHigh += slack;
      if (xHigh < minX || xLow > maxX) continue;
      const firstCol = Math.max(0, Math.floor((xLow - minX) / this.cellWidth));
      const lastCol = Math.min(this.cols - 1, Math.floor((xHigh - minX) / this.cellWidth));
      this.cells.fill(NEAR_EDGE, row * this.cols + firstCol, row * this.cols + lastCol + 1);
    }
  }

  /** Each run of edge-free cells in a row takes the answer at the centre of its first cell. */
  private classifyEdgeFreeCells(): void {
    const [minX, minY] = this.bbox;
    for (let row = 0; row < this.rows; row++) {
      const y = minY + (row + 0.5) * this.cellHeight;
      let runState = -1;
      for (let col = 0; col < this.cols; col++) {
        const index = row * this.cols + col;
        if (this.cells[index] === NEAR_EDGE) {
          runState = -1;
          continue;
        }
        if (runState === -1) {
          const x = minX + (col + 0.5) * this.cellWidth;
          runState = rowContains(x, y, this.rowPolygons[row]) ? INSIDE : OUTSIDE;
        }
        this.cells[index] = runState;
      }
    }
  }
}

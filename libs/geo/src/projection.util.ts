import { boxAroundMetres } from './box.util';
import type { BBox, LatLng } from './types';

const RADIANS_PER_DEGREE = Math.PI / 180;

export interface ScreenPoint {
  x: number;
  y: number;
}

export interface MapProjection {
  /** Canvas pixels of a point; y grows downwards, north is up. */
  project(point: LatLng): ScreenPoint;
  /** Pixels per degree of latitude. */
  scale: number;
}

/**
 * An equirectangular projection that fits `bbox` into a `width` × `height` canvas with `padding`
 * pixels on every side, centred, with east–west distances shrunk by the cosine of the middle latitude
 * so a city looks the shape it is. At city scale this is indistinguishable from Web Mercator.
 */
export function fitProjection(bbox: BBox, width: number, height: number, padding = 8): MapProjection {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const lngScale = Math.cos(((minLat + maxLat) / 2) * RADIANS_PER_DEGREE);
  const spanX = Math.max((maxLng - minLng) * lngScale, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const innerWidth = Math.max(1, width - 2 * padding);
  const innerHeight = Math.max(1, height - 2 * padding);
  const scale = Math.min(innerWidth / spanX, innerHeight / spanY);
  const offsetX = padding + (innerWidth - spanX * scale) / 2;
  const offsetY = padding + (innerHeight - spanY * scale) / 2;
  return {
    scale,
    project: (point) => ({
      x: offsetX + (point.lng - minLng) * lngScale * scale,
      y: offsetY + (maxLat - point.lat) * scale,
    }),
  };
}

/** The smallest box holding every position of the rings and every extra point; null when there are none. */
export function boundsOf(rings: ReadonlyArray<ReadonlyArray<readonly [number, number]>>, points: readonly LatLng[] = []): BBox | null {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  const add = (lng: number, lat: number) => {
    minLng = Math.min(minLng, lng);
    maxLng = Math.max(maxLng, lng);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  };
  for (const ring of rings) for (const [lng, lat] of ring) add(lng, lat);
  for (const point of points) add(point.lng, point.lat);
  return minLng === Infinity ? null : [minLng, minLat, maxLng, maxLat];
}

/** A box `metres` around a point as a GeoJSON bbox (for zooming a map onto the resident's surroundings). */
export function bboxAroundMetres(centre: LatLng, metres: number): BBox {
  const box = boxAroundMetres(centre, metres);
  return [box.minLng, box.minLat, box.maxLng, box.maxLat];
}

export interface HeatCell {
  /** The cell's south-west corner and size in degrees. */
  lat: number;
  lng: number;
  latSize: number;
  lngSize: number;
  count: number;
}

/**
 * Points counted in square cells about `cellMetres` wide (a heat map that needs no tiles), the cells
 * with points only, the busiest first. Each point may carry a weight (e.g. its supporters).
 */
export function heatCells(points: ReadonlyArray<LatLng & { weight?: number }>, cellMetres: number, referenceLat: number): HeatCell[] {
  const latSize = cellMetres / 111_195;
  const lngSize = latSize / Math.max(0.01, Math.cos(referenceLat * RADIANS_PER_DEGREE));
  const cells = new Map<string, HeatCell>();
  for (const point of points) {
    const row = Math.floor(point.lat / latSize);
    const column = Math.floor(point.lng / lngSize);
    const key = `${row}:${column}`;
    const cell = cells.get(key) ?? { lat: row * latSize, lng: column * lngSize, latSize, lngSize, count: 0 };
    cell.count += point.weight ?? 1;
    cells.set(key, cell);
  }
  return [...cells.values()].sort((a, b) => b.count - a.count);
}

/**
 * Where to write a polygon's name: the area centroid of its largest ring (`[lng, lat]` rings), or
 * null without a ring of area. For the convex-ish districts of a city it falls inside them.
 */
export function labelPoint(rings: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): LatLng | null {
  let best: { area: number; lng: number; lat: number } | null = null;
  for (const ring of rings) {
    let twiceArea = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const cross = x0 * y1 - x1 * y0;
      twiceArea += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (twiceArea === 0) continue;
    const area = Math.abs(twiceArea / 2);
    if (!best || area > best.area) best = { area, lng: cx / (3 * twiceArea), lat: cy / (3 * twiceArea) };
  }
  return best ? { lat: best.lat, lng: best.lng } : null;
}

import { EARTH_MEAN_RADIUS_METRES } from './distance.util';
import type { LatLngBox } from './box.util';
import { assertValidLatLng } from './validation.util';

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';
const BITS_PER_CHAR = 5;
const RADIANS_PER_DEGREE = Math.PI / 180;
const METRES_PER_DEGREE_OF_ARC = EARTH_MEAN_RADIUS_METRES * RADIANS_PER_DEGREE;

/** About 4.8 m × 4.8 m: finer than phone GPS, so storing more characters would only add noise. */
export const DEFAULT_GEOHASH_PRECISION = 9;
/** 60 bits; beyond this a geohash describes millimetres and stops being exact in a double. */
export const MAX_GEOHASH_PRECISION = 12;

export interface DecodedGeohash {
  /** Centre of the cell. */
  lat: number;
  lng: number;
  /** Half the cell's height and width: the centre is at most this far from any point it encodes. */
  latErr: number;
  lngErr: number;
}

export interface GeohashBounds {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

export type CompassDirection = 'n' | 'ne' | 'e' | 'se' | 's' | 'sw' | 'w' | 'nw';

/** `null` where a neighbour would lie beyond a pole: a cell touching the pole has nothing past it. */
export type GeohashNeighbours = Record<CompassDirection, string | null>;

const COMPASS_DIRECTIONS: readonly CompassDirection[] = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'];

function assertPrecision(precision: number): void {
  if (!Number.isInteger(precision) || precision < 1 || precision > MAX_GEOHASH_PRECISION) {
    throw new RangeError(
      `Geohash precision must be an integer in [1, ${MAX_GEOHASH_PRECISION}], got ${precision}`,
    );
  }
}

/**
 * Standard geohash (base32, longitude bit first). A point exactly on a cell edge belongs to the cell
 * to its north / east, so +180° and +90° land in the last column / row rather than outside the grid.
 */
export function encodeGeohash(
  lat: number,
  lng: number,
  precision: number = DEFAULT_GEOHASH_PRECISION,
): string {
  assertValidLatLng(lat, lng);
  assertPrecision(precision);
  let minLat = -90;
  let maxLat = 90;
  let minLng = -180;
  let maxLng = 180;
  let isLngBit = true;
  let hash = '';
  for (let char = 0; char < precision; char++) {
    let index = 0;
    for (let bit = 0; bit < BITS_PER_CHAR; bit++) {
      if (isLngBit) {
        const mid = (minLng + maxLng) / 2;
        if (lng >= mid) {
          index = index * 2 + 1;
          minLng = mid;
        } else {
          index *= 2;
          maxLng = mid;
        }
      } else {
        const mid = (minLat + maxLat) / 2;
        if (lat >= mid) {
          index = index * 2 + 1;
          minLat = mid;
        } else {
          index *= 2;
          maxLat = mid;
        }
      }
      isLngBit = !isLngBit;
    }
    hash += BASE32.charAt(index);
  }
  return hash;
}

/**
 * The cell a geohash names. Only lowercase is accepted: an index query matches prefixes byte for
 * byte, so a second spelling of the same cell would silently find nothing.
 */
export function geohashBounds(hash: string): GeohashBounds {
  if (hash.length < 1 || hash.length > MAX_GEOHASH_PRECISION) {
    throw new RangeError(
      `Geohash must have 1 to ${MAX_GEOHASH_PRECISION} characters, got ${hash.length}`,
    );
  }
  let minLat = -90;
  let maxLat = 90;
  let minLng = -180;
  let maxLng = 180;
  let isLngBit = true;
  for (const char of hash) {
    const index = BASE32.indexOf(char);
    if (index < 0) {
      throw new RangeError(`Geohash "${hash}" contains "${char}", not a lowercase geohash character`);
    }
    for (let bit = BITS_PER_CHAR - 1; bit >= 0; bit--) {
      const isSet = ((index >> bit) & 1) === 1;
      if (isLngBit) {
        const mid = (minLng + maxLng) / 2;
        if (isSet) minLng = mid;
        else maxLng = mid;
      } else {
        const mid = (minLat + maxLat) / 2;
        if (isSet) minLat = mid;
        else maxLat = mid;
      }
      isLngBit = !isLngBit;
    }
  }
  return { minLat, minLng, maxLat, maxLng };
}

export function decodeGeohash(hash: string): DecodedGeohash {
  const { minLat, minLng, maxLat, maxLng } = geohashBounds(hash);
  return {
    lat: (minLat + maxLat) / 2,
    lng: (minLng + maxLng) / 2,
    latErr: (maxLat - minLat) / 2,
    lngErr: (maxLng - minLng) / 2,
  };
}

function wrapLongitude(lng: number): number {
  if (lng > 180) return lng - 360;
  if (lng < -180) return lng + 360;
  return lng;
}

/**
 * The eight cells of the same precision around `hash`. East and west wrap across the antimeridian
 * (the grid is a cylinder); north and south do not wrap, because the cell "north" of a polar row in a
 * naive implementation is the opposite pole's row, which is no neighbour at all.
 */
export function geohashNeighbours(hash: string): GeohashNeighbours {
  const { lat, lng, latErr, lngErr } = decodeGeohash(hash);
  // Cell centres are exact binary fractions, so one cell-size step lands on the neighbour's centre
  // exactly and never on an edge where rounding could pick the wrong cell.
  const step = (rows: -1 | 0 | 1, columns: -1 | 0 | 1): string | null => {
    const neighbourLat = lat + rows * 2 * latErr;
    if (neighbourLat > 90 || neighbourLat < -90) return null;
    return encodeGeohash(neighbourLat, wrapLongitude(lng + columns * 2 * lngErr), hash.length);
  };
  return {
    n: step(1, 0),
    ne: step(1, 1),
    e: step(0, 1),
    se: step(-1, 1),
    s: step(-1, 0),
    sw: step(-1, -1),
    w: step(0, -1),
    nw: step(1, -1),
  };
}

function cellSizeDegrees(precision: number): { latDegrees: number; lngDegrees: number } {
  const bits = precision * BITS_PER_CHAR;
  return {
    latDegrees: 180 / 2 ** Math.floor(bits / 2),
    lngDegrees: 360 / 2 ** Math.ceil(bits / 2),
  };
}

/**
 * Geohash prefixes whose cells together cover every point within `radiusMetres` of (lat, lng), for a
 * "nearby" query such as `geohash LIKE 'prefix%'` over each. The result is a superset of the circle:
 * callers filter the rows by `haversineMetres` afterwards.
 *
 * It picks the longest prefix whose cell is at least `radiusMetres` tall and wide, so the centre cell
 * plus its neighbours (centre first, then n, ne, e, se, s, sw, w, nw) contain the circle wherever the
 * point sits in its cell. `maxPrecision` must not exceed the length of the stored hashes, or the
 * prefixes would be longer than the values they are meant to match. When no 3 × 3 block suffices (a
 * radius of thousands of kilometres, or a circle that reaches a pole) the answer is all 32 top-level
 * cells, i.e. the whole earth.
 */
export function geohashesCoveringRadius(
  lat: number,
  lng: number,
  radiusMetres: number,
  maxPrecision: number = DEFAULT_GEOHASH_PRECISION,
): string[] {
  assertValidLatLng(lat, lng);
  if (!Number.isFinite(radiusMetres) || radiusMetres < 0) {
    throw new RangeError(`Radius must be a finite number of metres >= 0, got ${radiusMetres}`);
  }
  assertPrecision(maxPrecision);
  const radiusDegrees = radiusMetres / METRES_PER_DEGREE_OF_ARC;
  // A degree of longitude shrinks towards the poles, so the cell width that matters is the one at
  // the circle's poleward edge, where the circle is widest in degrees of longitude.
  const polewardLat = Math.min(90, Math.abs(lat) + radiusDegrees);
  const lngDegreeScale = Math.cos(polewardLat * RADIANS_PER_DEGREE);
  for (let precision = maxPrecision; precision >= 1; precision--) {
    const { latDegrees, lngDegrees } = cellSizeDegrees(precision);
    if (latDegrees >= radiusDegrees && lngDegrees * lngDegreeScale >= radiusDegrees) {
      const centre = encodeGeohash(lat, lng, precision);
      const neighbours = geohashNeighbours(centre);
      const around = COMPASS_DIRECTIONS.map((direction) => neighbours[direction]);
      return [centre, ...around.filter((cell): cell is string => cell !== null)];
    }
  }
  return [...BASE32];
}

/** Cells of one precision a box spans: rows × columns of the grid, counted without enumerating them. */
function cellCountForBox(box: LatLngBox, precision: number): number {
  const { latDegrees, lngDegrees } = cellSizeDegrees(precision);
  const rows = Math.floor((box.maxLat + 90) / latDegrees) - Math.floor((box.minLat + 90) / latDegrees) + 1;
  const columns = Math.floor((box.maxLng + 180) / lngDegrees) - Math.floor((box.minLng + 180) / lngDegrees) + 1;
  return rows * columns;
}

/**
 * Every cell of the finest precision (at most `maxPrecision`) whose cells, no more than `maxCells` of
 * them, together cover `box`: for a range query over a box of any size that reads close to the box's
 * own area. (The 3 × 3 block of geohashesCoveringRadius can cover up to nine times the circle's box:
 * around a kilometre that means 5-character cells, 4.9 km across.) The box must not cross the
 * antimeridian or reach beyond a pole; a box too large for `maxCells` cells of one character gets all 32.
 */
export function geohashesCoveringBox(box: LatLngBox, maxCells = 512, maxPrecision: number = DEFAULT_GEOHASH_PRECISION): string[] {
  assertValidLatLng(box.minLat, box.minLng);
  assertValidLatLng(box.maxLat, box.maxLng);
  assertPrecision(maxPrecision);
  if (box.minLat > box.maxLat || box.minLng > box.maxLng) throw new RangeError('Box minimum must not exceed its maximum');
  if (!Number.isInteger(maxCells) || maxCells < 1) throw new RangeError(`maxCells must be a positive integer, got ${maxCells}`);
  let precision = maxPrecision;
  while (precision > 1 && cellCountForBox(box, precision) > maxCells) precision--;
  if (cellCountForBox(box, precision) > maxCells) return [...BASE32];
  const { latDegrees, lngDegrees } = cellSizeDegrees(precision);
  const firstRow = Math.floor((box.minLat + 90) / latDegrees);
  const lastRow = Math.floor((box.maxLat + 90) / latDegrees);
  const firstColumn = Math.floor((box.minLng + 180) / lngDegrees);
  const lastColumn = Math.floor((box.maxLng + 180) / lngDegrees);
  const cells: string[] = [];
  for (let row = firstRow; row <= lastRow; row++) {
    // Cell centres: exact binary fractions, never on an edge where rounding could pick a neighbour.
    const lat = Math.min(90, -90 + (row + 0.5) * latDegrees);
    for (let column = firstColumn; column <= lastColumn; column++) {
      cells.push(encodeGeohash(lat, Math.min(180, -180 + (column + 0.5) * lngDegrees), precision));
    }
  }
  return cells;
}

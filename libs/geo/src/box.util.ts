import { EARTH_MEAN_RADIUS_METRES } from './distance.util';
import type { LatLng } from './types';

const RADIANS_PER_DEGREE = Math.PI / 180;
const METRES_PER_DEGREE_OF_ARC = EARTH_MEAN_RADIUS_METRES * RADIANS_PER_DEGREE;

export interface LatLngBox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/**
 * Degrees spanned by `metres` around a point: a box slightly larger than the circle, never smaller
 * (1 % padding, and the longitude span taken at the circle's poleward edge), for a cheap SQL pre-filter.
 */
export function boxAroundMetres(centre: LatLng, metres: number): LatLngBox {
  const dLat = (metres * 1.01) / METRES_PER_DEGREE_OF_ARC;
  const cosine = Math.max(0.01, Math.cos(Math.min(90, Math.abs(centre.lat) + dLat) * RADIANS_PER_DEGREE));
  const dLng = (metres * 1.01) / (METRES_PER_DEGREE_OF_ARC * cosine);
  return { minLat: centre.lat - dLat, maxLat: centre.lat + dLat, minLng: centre.lng - dLng, maxLng: centre.lng + dLng };
}

/**
 * A point snapped to a grid of `decimals` decimal degrees (3: about 111 m north–south, 94 m east–west
 * in Nanjing), so that a public view shows the block a problem is in, never where the reporter stood.
 */
export function roundLatLng(point: LatLng, decimals = 3): LatLng {
  const factor = 10 ** decimals;
  const round = (value: number) => Math.round(value * factor) / factor;
  return { lat: round(point.lat), lng: round(point.lng) };
}

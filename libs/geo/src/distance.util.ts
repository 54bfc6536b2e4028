import type { LatLng } from './types';
import { assertValidLatLng } from './validation.util';

/** IUGG mean earth radius (2R₁ + R₂) / 3: the sphere that best fits the ellipsoid on average. */
export const EARTH_MEAN_RADIUS_METRES = 6_371_008.8;

const RADIANS_PER_DEGREE = Math.PI / 180;

/**
 * Great-circle distance on the mean sphere. Within a city the spherical model errs by under 0.5 %,
 * far below GPS noise, so the ellipsoidal (Vincenty) formula would buy nothing.
 */
export function haversineMetres(a: LatLng, b: LatLng): number {
  assertValidLatLng(a.lat, a.lng);
  assertValidLatLng(b.lat, b.lng);
  const phiA = a.lat * RADIANS_PER_DEGREE;
  const phiB = b.lat * RADIANS_PER_DEGREE;
  const deltaPhi = phiB - phiA;
  const deltaLambda = (b.lng - a.lng) * RADIANS_PER_DEGREE;
  const h =
    Math.sin(deltaPhi / 2) ** 2 + Math.cos(phiA) * Math.cos(phiB) * Math.sin(deltaLambda / 2) ** 2;
  // Rounding can push h a hair above 1 for antipodal points, where asin would return NaN.
  return 2 * EARTH_MEAN_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

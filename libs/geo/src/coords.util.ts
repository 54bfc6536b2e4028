import type { LatLng, LatLngInSystem } from './types';
import { assertValidLatLng } from './validation.util';

/*
 * GCJ-02 is WGS-84 plus a deliberate, smooth, position-dependent offset of a few hundred metres,
 * applied by law to maps published in mainland China. The forward formula below is the widely
 * published one (it reproduces the reference values of e.g. eviltransform to the last digit).
 * There is no closed-form inverse, so gcj02ToWgs84 solves for the WGS-84 point numerically.
 */

// GCJ-02 is defined on the Krasovsky 1940 ellipsoid, not on WGS-84's.
const KRASOVSKY_SEMI_MAJOR_AXIS = 6378245.0;
const KRASOVSKY_ECCENTRICITY_SQUARED = 0.006693421622965943;
const RADIANS_PER_DEGREE = Math.PI / 180;

// The offset varies slowly with position (its gradient is under 0.5 %), so each fixed-point step
// shrinks the error about 200-fold and four or five steps reach the tolerance; the cap only bounds
// the loop.
const INVERSE_TOLERANCE_DEGREES = 1e-10;
const INVERSE_MAX_ITERATIONS = 10;

/**
 * The customary rough rectangle around China. It also takes in neighbours (Mongolia, the Korean
 * peninsula, parts of Japan and South-East Asia), where the conversion is then wrongly applied; that
 * is harmless for a Chinese city's reports and is what every GCJ-02 implementation does.
 */
export function isInChina(lat: number, lng: number): boolean {
  assertValidLatLng(lat, lng);
  return lng >= 72.004 && lng <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function offsetNorthing(x: number, y: number): number {
  return (
    -100 +
    2 * x +
    3 * y +
    0.2 * y * y +
    0.1 * x * y +
    0.2 * Math.sqrt(Math.abs(x)) +
    ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3 +
    ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3 +
    ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
  );
}

function offsetEasting(x: number, y: number): number {
  return (
    300 +
    x +
    2 * y +
    0.1 * x * x +
    0.1 * x * y +
    0.1 * Math.sqrt(Math.abs(x)) +
    ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3 +
    ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3 +
    ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
  );
}

/** The GCJ-02 offset in degrees at a WGS-84 point, regardless of whether the point is in China. */
function gcjOffsetDegrees(lat: number, lng: number): LatLng {
  const northing = offsetNorthing(lng - 105, lat - 35);
  const easting = offsetEasting(lng - 105, lat - 35);
  const latRadians = lat * RADIANS_PER_DEGREE;
  const sinLat = Math.sin(latRadians);
  const magic = 1 - KRASOVSKY_ECCENTRICITY_SQUARED * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  // Metres to degrees on the ellipsoid: meridional and prime-vertical radii of curvature.
  const meridionalRadius =
    (KRASOVSKY_SEMI_MAJOR_AXIS * (1 - KRASOVSKY_ECCENTRICITY_SQUARED)) / (magic * sqrtMagic);
  const primeVerticalRadius = KRASOVSKY_SEMI_MAJOR_AXIS / sqrtMagic;
  return {
    lat: (northing * 180) / (meridionalRadius * Math.PI),
    lng: (easting * 180) / (primeVerticalRadius * Math.cos(latRadians) * Math.PI),
  };
}

/** WGS-84 (GPS) to GCJ-02 (WeChat, Chinese map tiles). Outside China the two are the same. */
export function wgs84ToGcj02(point: LatLng): LatLng {
  if (!isInChina(point.lat, point.lng)) return { lat: point.lat, lng: point.lng };
  const offset = gcjOffsetDegrees(point.lat, point.lng);
  return { lat: point.lat + offset.lat, lng: point.lng + offset.lng };
}

/**
 * GCJ-02 to WGS-84, to within 1e-10° (about 0.01 mm) of the point that wgs84ToGcj02 maps to `point`.
 * The common one-step inverse (subtract the offset taken at the GCJ-02 point) is off by up to several
 * metres, enough to move a report across a street or a district border. Whether to convert is
 * decided by the GCJ-02 point, so within a few hundred metres of the rough China rectangle's edges
 * (all far outside the mainland) a point may be passed through unchanged.
 */
export function gcj02ToWgs84(point: LatLng): LatLng {
  if (!isInChina(point.lat, point.lng)) return { lat: point.lat, lng: point.lng };
  let lat = point.lat;
  let lng = point.lng;
  for (let iteration = 0; iteration < INVERSE_MAX_ITERATIONS; iteration++) {
    const offset = gcjOffsetDegrees(lat, lng);
    const latError = lat + offset.lat - point.lat;
    const lngError = lng + offset.lng - point.lng;
    if (Math.max(Math.abs(latError), Math.abs(lngError)) < INVERSE_TOLERANCE_DEGREES) break;
    lat -= latError;
    lng -= lngError;
  }
  return { lat, lng };
}

export function toWgs84(point: LatLngInSystem): LatLng {
  switch (point.coordSystem) {
    case 'wgs84':
      assertValidLatLng(point.lat, point.lng);
      return { lat: point.lat, lng: point.lng };
    case 'gcj02':
      return gcj02ToWgs84(point);
  }
}

export function toGcj02(point: LatLngInSystem): LatLng {
  switch (point.coordSystem) {
    case 'wgs84':
      return wgs84ToGcj02(point);
    case 'gcj02':
      assertValidLatLng(point.lat, point.lng);
      return { lat: point.lat, lng: point.lng };
  }
}

/** A point on the earth in decimal degrees. Which datum it is in is the caller's to know. */
export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * WeChat's `getLocation({ type: 'gcj02' })` and Chinese map tiles speak GCJ-02; GPS and most
 * non-Chinese data speak WGS-84. A stored point carries its system so nobody has to guess.
 */
export type CoordSystem = 'wgs84' | 'gcj02';

export interface LatLngInSystem extends LatLng {
  coordSystem: CoordSystem;
}

/** GeoJSON position: longitude first, then latitude, then an altitude we ignore. */
export type Position = readonly [lng: number, lat: number, ...rest: number[]];

/** GeoJSON linear ring: closed (first position repeated last) by the spec; open rings are tolerated. */
export type LinearRing = readonly Position[];

export interface PolygonGeometry {
  type: 'Polygon';
  /** The outer ring first, then the holes. */
  coordinates: readonly LinearRing[];
}

export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: readonly (readonly LinearRing[])[];
}

export type PolygonalGeometry = PolygonGeometry | MultiPolygonGeometry;

/** GeoJSON bounding box order: [west, south, east, north]. */
export type BBox = readonly [minLng: number, minLat: number, maxLng: number, maxLat: number];

export interface Feature<P> {
  type: 'Feature';
  properties: P;
  /** GeoJSON allows a feature without a location; such a feature contains no point. */
  geometry: PolygonalGeometry | null;
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: readonly Feature<P>[];
}

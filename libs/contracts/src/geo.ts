export type CoordSystemName = 'gcj02' | 'wgs84';

/** A district's outline for drawing (no map tiles): simplified outer rings of `[lng, lat]`, GCJ-02. */
export interface DistrictOutline {
  code: string;
  name: string;
  rings: Array<Array<[number, number]>>;
}

/** `GET /api/v1/regions/outlines` (public): the service area's districts, simplified to about 100 m. */
export interface RegionOutlinesResponse {
  /** `[minLng, minLat, maxLng, maxLat]` of all districts; null when no outlines are loaded. */
  bbox: [number, number, number, number] | null;
  districts: DistrictOutline[];
}

import type { LocateResult } from '@ssp/contracts';
import { findContaining, type Feature, type LatLng, type PolygonalGeometry } from '@ssp/geo';
import type { RegionLevel } from './entities/region.entity';

export interface RegionOutlineRow {
  code: string;
  name: string;
  level: RegionLevel;
  /** GeoJSON text as stored. */
  geometry: string;
}

interface RegionRef {
  code: string;
  name: string;
}

/** The parsed outlines a lookup needs: cities (the service area) and their districts. */
export interface RegionOutlines {
  cities: Feature<RegionRef>[];
  districts: Feature<RegionRef>[];
}

export function toOutlines(rows: readonly RegionOutlineRow[]): RegionOutlines {
  const featuresOf = (level: RegionLevel): Feature<RegionRef>[] =>
    rows
      .filter((row) => row.level === level)
      .map((row) => ({
        type: 'Feature',
        properties: { code: row.code, name: row.name },
        geometry: JSON.parse(row.geometry) as PolygonalGeometry,
      }));
  return { cities: featuresOf('city'), districts: featuresOf('district') };
}

/** Where a GCJ-02 point lies: inside a city's outline (the service area) and, if so, in which district. */
export function locateIn(outlines: RegionOutlines, point: LatLng): LocateResult {
  if (findContaining(point, outlines.cities) === undefined) return { inServiceArea: false, district: null };
  const district = findContaining(point, outlines.districts);
  return { inServiceArea: true, district: district ? { code: district.properties.code, name: district.properties.name } : null };
}

import type { DistrictOutline, LocateResult, RegionOutlinesResponse } from '@ssp/contracts';
import { boundsOf, findContaining, prepareGeometry, simplifiedOuterRings, type Feature, type LatLng, type PolygonalGeometry } from '@ssp/geo';
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

/** Parses the rows and builds each geometry's lookup index now, not in the first report's request. */
export function toOutlines(rows: readonly RegionOutlineRow[]): RegionOutlines {
  const featuresOf = (level: RegionLevel): Feature<RegionRef>[] =>
    rows
      .filter((row) => row.level === level)
      .map((row) => {
        const geometry = JSON.parse(row.geometry) as PolygonalGeometry;
        prepareGeometry(geometry);
        return { type: 'Feature', properties: { code: row.code, name: row.name }, geometry };
      });
  return { cities: featuresOf('city'), districts: featuresOf('district') };
}

/** Where a GCJ-02 point lies: inside a city's outline (the service area) and, if so, in which district. */
export function locateIn(outlines: RegionOutlines, point: LatLng): LocateResult {
  if (findContaining(point, outlines.cities) === undefined) return { inServiceArea: false, district: null };
  const district = findContaining(point, outlines.districts);
  return { inServiceArea: true, district: district ? { code: district.properties.code, name: district.properties.name } : null };
}

/** About 100 m: district borders stay recognisable on a phone screen at a tenth of the size. */
const DRAWING_TOLERANCE_DEGREES = 0.001;

/** The districts as a client draws them: simplified outer rings, sorted by code, and their joint bounds. */
export function drawableOutlines(outlines: RegionOutlines): RegionOutlinesResponse {
  const districts: DistrictOutline[] = outlines.districts
    .filter((feature) => feature.geometry !== null)
    .map((feature) => ({
      code: feature.properties.code,
      name: feature.properties.name,
      rings: simplifiedOuterRings(feature.geometry as PolygonalGeometry, DRAWING_TOLERANCE_DEGREES),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const bbox = boundsOf(districts.flatMap((district) => district.rings));
  return { bbox: bbox ? [bbox[0], bbox[1], bbox[2], bbox[3]] : null, districts };
}

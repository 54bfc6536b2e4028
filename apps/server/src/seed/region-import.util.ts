import { geometryBBox, type LinearRing, type PolygonalGeometry } from '@ssp/geo';

export interface RegionSeed {
  code: string;
  name: string;
  level: 'city' | 'district';
  parentCode: string | null;
  geometry: PolygonalGeometry;
  bbox: [number, number, number, number];
}

export interface CityIdentity {
  code: string;
  name: string;
}

export class RegionImportError extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readRing(value: unknown, where: string): LinearRing {
  if (!Array.isArray(value) || value.length < 4) throw new RegionImportError(`${where}: a ring needs ≥ 4 positions`);
  return value.map((position: unknown, index) => {
    if (!Array.isArray(position) || position.length < 2) {
      throw new RegionImportError(`${where}[${index}]: a position is [lng, lat]`);
    }
    const [lng, lat] = position as unknown[];
    if (typeof lng !== 'number' || typeof lat !== 'number' || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
      throw new RegionImportError(`${where}[${index}]: coordinates out of range`);
    }
    return [lng, lat] as const;
  });
}

function readPolygonal(value: unknown, where: string): PolygonalGeometry {
  if (!isObject(value)) throw new RegionImportError(`${where}: geometry missing`);
  const coordinates = value.coordinates;
  if (!Array.isArray(coordinates) || coordinates.length === 0) {
    throw new RegionImportError(`${where}: geometry has no coordinates`);
  }
  const readPolygon = (rings: unknown, at: string) => {
    if (!Array.isArray(rings) || rings.length === 0) throw new RegionImportError(`${at}: a polygon needs a ring`);
    return rings.map((ring: unknown, index) => readRing(ring, `${at}[${index}]`));
  };
  if (value.type === 'Polygon') return { type: 'Polygon', coordinates: readPolygon(coordinates, where) };
  if (value.type === 'MultiPolygon') {
    return {
      type: 'MultiPolygon',
      coordinates: coordinates.map((polygon: unknown, index) => readPolygon(polygon, `${where}[${index}]`)),
    };
  }
  throw new RegionImportError(`${where}: only Polygon and MultiPolygon outlines are supported`);
}

function withBBox(seed: Omit<RegionSeed, 'bbox'>): RegionSeed {
  const [minLng, minLat, maxLng, maxLat] = geometryBBox(seed.geometry);
  return { ...seed, bbox: [minLng, minLat, maxLng, maxLat] };
}

/**
 * District outlines from a GeoJSON FeatureCollection (properties `adcode` and `name`, GCJ-02), plus the
 * city whose outline is the union of its districts, kept as one MultiPolygon of their polygons.
 */
export function regionsFromGeoJson(document: unknown, city: CityIdentity): RegionSeed[] {
  if (!isObject(document) || document.type !== 'FeatureCollection' || !Array.isArray(document.features)) {
    throw new RegionImportError('expected a GeoJSON FeatureCollection');
  }
  const districts = document.features.map((feature: unknown, index): RegionSeed => {
    const where = `features[${index}]`;
    if (!isObject(feature) || !isObject(feature.properties)) throw new RegionImportError(`${where}: no properties`);
    const code = String(feature.properties.adcode ?? '');
    const name = feature.properties.name;
    if (!/^\d{6,12}$/.test(code)) throw new RegionImportError(`${where}: adcode must be 6–12 digits`);
    if (typeof name !== 'string' || name.trim() === '') throw new RegionImportError(`${where}: name missing`);
    return withBBox({
      code,
      name: name.trim(),
      level: 'district',
      parentCode: city.code,
      geometry: readPolygonal(feature.geometry, where),
    });
  });
  if (districts.length === 0) throw new RegionImportError('the FeatureCollection has no features');
  const codes = new Set(districts.map((district) => district.code));
  if (codes.size !== districts.length) throw new RegionImportError('adcodes must be unique');
  const cityPolygons = districts.flatMap((district) =>
    district.geometry.type === 'Polygon' ? [district.geometry.coordinates] : district.geometry.coordinates,
  );
  const cityRegion = withBBox({
    code: city.code,
    name: city.name,
    level: 'city',
    parentCode: null,
    geometry: { type: 'MultiPolygon', coordinates: cityPolygons },
  });
  return [cityRegion, ...districts];
}

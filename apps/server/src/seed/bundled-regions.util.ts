import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { regionsFromGeoJson, type RegionSeed } from './region-import.util';

export const DEMO_CITY = { code: '320100', name: '南京市' } as const;

/** The outlines shipped for the demo city (see README, "Regions"). */
export function bundledRegions(): RegionSeed[] {
  const file = path.join(__dirname, 'data/nanjing-districts.geojson');
  return regionsFromGeoJson(JSON.parse(readFileSync(file, 'utf8')), DEMO_CITY);
}

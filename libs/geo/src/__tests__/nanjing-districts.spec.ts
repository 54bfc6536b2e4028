import { readFileSync } from 'node:fs';
import path from 'node:path';

import { gcj02ToWgs84 } from '../coords.util';
import { findContaining, geometryContains } from '../polygon.util';
import type { FeatureCollection, LatLng } from '../types';

// The demo city's outlines as the repository ships them for the seed (see README, "Regions").
const DATA_FILE = path.resolve(__dirname, '../../../../apps/server/src/seed/data/nanjing-districts.geojson');

interface DistrictProperties {
  adcode: number;
  name: string;
  center: [number, number];
}

const districts = (JSON.parse(readFileSync(DATA_FILE, 'utf8')) as FeatureCollection<DistrictProperties>)
  .features;

function districtsContaining(point: LatLng): string[] {
  return districts
    .filter((district) => district.geometry !== null && geometryContains(district.geometry, point))
    .map((district) => district.properties.name);
}

// All points are GCJ-02, like the data and like WeChat's getLocation.
const XINJIEKOU: LatLng = { lat: 32.0416, lng: 118.7784 };
const UNIVERSITY_TOWN_JIANGNING: LatLng = { lat: 31.92, lng: 118.9 };
const GAOCHUN_CENTRE: LatLng = { lat: 31.3271, lng: 118.8759 };
const SHANGHAI: LatLng = { lat: 31.23, lng: 121.47 };

describe('Nanjing district outlines', () => {
  it('has the 11 districts', () => {
    expect(districts).toHaveLength(11);
    expect(new Set(districts.map((district) => district.properties.adcode)).size).toBe(11);
  });

  it('puts 新街口 in 秦淮区 and in no other district', () => {
    // About 60 m inside 秦淮区's northern border in this data set, so not a borderline call.
    expect(districtsContaining(XINJIEKOU)).toEqual(['秦淮区']);
    expect(findContaining(XINJIEKOU, districts)?.properties.adcode).toBe(320104);
  });

  it('puts 江宁大学城 in 江宁区', () => {
    expect(districtsContaining(UNIVERSITY_TOWN_JIANGNING)).toEqual(['江宁区']);
  });

  it('puts the centre of 高淳 in 高淳区', () => {
    expect(districtsContaining(GAOCHUN_CENTRE)).toEqual(['高淳区']);
  });

  it('puts Shanghai in no district', () => {
    expect(districtsContaining(SHANGHAI)).toEqual([]);
    expect(findContaining(SHANGHAI, districts)).toBeUndefined();
  });

  it("puts each district's own centre in that district alone", () => {
    for (const district of districts) {
      const [lng, lat] = district.properties.center;
      expect(districtsContaining({ lat, lng })).toEqual([district.properties.name]);
    }
  });

  it('needs GCJ-02 input: unconverted WGS-84 coordinates can land in another district', () => {
    // This place is 76 m inside 秦淮区; its WGS-84 coordinates, looked up in the GCJ-02 outlines
    // without converting, land 114 m inside 玄武区.
    const gcj: LatLng = { lat: 32.0395, lng: 118.8065 };
    const wgs = gcj02ToWgs84(gcj);
    expect(districtsContaining(gcj)).toEqual(['秦淮区']);
    expect(districtsContaining(wgs)).toEqual(['玄武区']);
  });
});

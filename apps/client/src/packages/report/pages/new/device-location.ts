import Taro from '@tarojs/taro';
import type { CoordSystemName } from '@ssp/contracts';
import { locatePoint } from '@/services/api';
import type { DraftLocation, LocationSource } from '@/stores/report-draft';
import { isWeapp } from '@/utils/platform';

export interface PickedPoint {
  lat: number;
  lng: number;
  coordSystem: CoordSystemName;
  source: LocationSource;
  placeName: string | null;
}

/** Why the device gave no position: the resident said no, or it could not tell. */
export type LocationFailure = 'denied' | 'unavailable';

function failureOf(error: unknown): LocationFailure {
  const message = typeof error === 'object' && error !== null ? (error as { errMsg?: unknown }).errMsg : '';
  return /auth|deny|denied|permission/i.test(String(message)) ? 'denied' : 'unavailable';
}

/**
 * The device position in the system the platform speaks: WeChat gives GCJ-02 (what its maps use),
 * a browser gives GPS WGS-84; the server converts, so the point is sent as measured.
 */
export async function locateDevice(): Promise<PickedPoint> {
  const coordSystem: CoordSystemName = isWeapp() ? 'gcj02' : 'wgs84';
  try {
    const position = await Taro.getLocation({
      type: coordSystem,
      isHighAccuracy: true,
      highAccuracyExpireTime: 10_000,
    });
    return { lat: position.latitude, lng: position.longitude, coordSystem, source: 'device', placeName: null };
  } catch (error) {
    throw failureOf(error);
  }
}

/** WeChat's map picker (GCJ-02); null when the resident closes it without choosing. */
export async function pickOnMap(): Promise<PickedPoint | null> {
  try {
    const place = await Taro.chooseLocation({});
    return {
      lat: place.latitude,
      lng: place.longitude,
      coordSystem: 'gcj02',
      source: 'map',
      placeName: place.name || place.address || null,
    };
  } catch {
    return null;
  }
}

/** Reads a typed-in GPS position; the message says what is wrong with it. */
export function parseManualPoint(latText: string, lngText: string): PickedPoint | string {
  const lat = Number(latText.trim());
  const lng = Number(lngText.trim());
  if (latText.trim() === '' || lngText.trim() === '' || !Number.isFinite(lat) || !Number.isFinite(lng)) {
    return '请填写数字形式的纬度和经度，例如 32.0416 和 118.7784';
  }
  if (Math.abs(lat) > 90 && Math.abs(lng) <= 90) return '纬度和经度似乎填反了：南京的纬度约为 32，经度约为 118';
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return '纬度应在 -90 到 90 之间，经度应在 -180 到 180 之间';
  return { lat, lng, coordSystem: 'wgs84', source: 'manual', placeName: null };
}

/** Adds the district (and whether the city serves it); a failed lookup leaves the point usable. */
export async function withDistrict(point: PickedPoint): Promise<DraftLocation> {
  try {
    const result = await locatePoint(point.lat, point.lng, point.coordSystem);
    return { ...point, districtName: result.district?.name ?? null, inServiceArea: result.inServiceArea };
  } catch {
    return { ...point, districtName: null, inServiceArea: null };
  }
}

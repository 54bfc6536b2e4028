import type { CoordSystemName } from '@ssp/contracts';
import { toGcj02, type LatLng } from '@ssp/geo';
import { locateDevice, type LocationFailure } from '@/packages/report/pages/new/device-location';

/** 新街口, the city centre (GCJ-02): where the view opens when the phone gives no position. */
export const CITY_CENTRE: LatLng = { lat: 32.0416, lng: 118.7784 };

export interface NearbyPoint {
  lat: number;
  lng: number;
  coordSystem: CoordSystemName;
  /** The same point in GCJ-02, the system of the outlines and of the answers, for drawing. */
  gcj02: LatLng;
  /** null: the device's position; otherwise why the city centre is shown instead. */
  fallback: LocationFailure | null;
}

export const FALLBACK_MESSAGES: Record<LocationFailure, string> = {
  denied: '您未授权获取位置，先为您显示市中心（新街口）附近的问题。可在设置中允许定位后点“重新定位”。',
  unavailable: '暂时无法获取您的位置，先为您显示市中心（新街口）附近的问题。',
};

/** The resident's position, or the city centre with the reason when the phone gives none. */
export async function nearbyPoint(): Promise<NearbyPoint> {
  try {
    const point = await locateDevice();
    return { lat: point.lat, lng: point.lng, coordSystem: point.coordSystem, gcj02: toGcj02(point), fallback: null };
  } catch (failure) {
    const reason: LocationFailure = failure === 'denied' ? 'denied' : 'unavailable';
    return { ...CITY_CENTRE, coordSystem: 'gcj02', gcj02: CITY_CENTRE, fallback: reason };
  }
}

/**
 * Throws a RangeError unless (lat, lng) is a real point: finite, latitude within ±90°, longitude
 * within ±180°. Bad coordinates otherwise surface much later as NaN distances or wrong districts.
 */
export function assertValidLatLng(lat: number, lng: number): void {
  if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
    throw new RangeError(`Latitude must be a finite number in [-90, 90], got ${lat}`);
  }
  if (!Number.isFinite(lng) || lng < -180 || lng > 180) {
    throw new RangeError(`Longitude must be a finite number in [-180, 180], got ${lng}`);
  }
}

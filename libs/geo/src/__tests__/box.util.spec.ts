import { boxAroundMetres, roundLatLng } from '../box.util';
import { haversineMetres } from '../distance.util';

const XINJIEKOU = { lat: 32.0416, lng: 118.7784 };

describe('boxAroundMetres', () => {
  it('holds the whole circle: its edges lie at least the radius away from the centre', () => {
    const box = boxAroundMetres(XINJIEKOU, 1000);
    expect(haversineMetres(XINJIEKOU, { lat: box.maxLat, lng: XINJIEKOU.lng })).toBeGreaterThanOrEqual(1000);
    expect(haversineMetres(XINJIEKOU, { lat: box.minLat, lng: XINJIEKOU.lng })).toBeGreaterThanOrEqual(1000);
    expect(haversineMetres(XINJIEKOU, { lat: XINJIEKOU.lat, lng: box.maxLng })).toBeGreaterThanOrEqual(1000);
    expect(haversineMetres(XINJIEKOU, { lat: XINJIEKOU.lat, lng: box.minLng })).toBeGreaterThanOrEqual(1000);
  });

  it('is only slightly larger than the circle', () => {
    const box = boxAroundMetres(XINJIEKOU, 1000);
    expect(haversineMetres(XINJIEKOU, { lat: box.maxLat, lng: XINJIEKOU.lng })).toBeLessThan(1020);
    expect(haversineMetres(XINJIEKOU, { lat: XINJIEKOU.lat, lng: box.maxLng })).toBeLessThan(1030);
  });
});

describe('roundLatLng', () => {
  it('snaps to a grid of 0.001° (about 100 m) by default', () => {
    expect(roundLatLng({ lat: 32.04163, lng: 118.77849 })).toEqual({ lat: 32.042, lng: 118.778 });
  });

  it('moves a point by at most about 75 m at 3 decimals in Nanjing', () => {
    const point = { lat: 32.0415, lng: 118.7785 };
    expect(haversineMetres(point, roundLatLng(point))).toBeLessThan(75);
  });

  it('gives the same cell to two points a few metres apart inside it', () => {
    expect(roundLatLng({ lat: 32.04121, lng: 118.77811 })).toEqual(roundLatLng({ lat: 32.04139, lng: 118.77829 }));
  });
});

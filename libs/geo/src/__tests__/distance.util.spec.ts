import { EARTH_MEAN_RADIUS_METRES, haversineMetres } from '../distance.util';

const XINJIEKOU = { lat: 32.0416, lng: 118.7784 };
const NANJING_SOUTH_STATION = { lat: 31.969, lng: 118.796 };
const METRES_PER_DEGREE = (Math.PI * EARTH_MEAN_RADIUS_METRES) / 180;

describe('haversineMetres', () => {
  it('measures 新街口 to 南京南站 as about 8.2 km', () => {
    // Reference computed independently (Python, same sphere): 8241.580 m.
    expect(haversineMetres(XINJIEKOU, NANJING_SOUTH_STATION)).toBeCloseTo(8241.58, 1);
  });

  it('is symmetric and zero for the same point', () => {
    expect(haversineMetres(NANJING_SOUTH_STATION, XINJIEKOU)).toBe(
      haversineMetres(XINJIEKOU, NANJING_SOUTH_STATION),
    );
    expect(haversineMetres(XINJIEKOU, XINJIEKOU)).toBe(0);
  });

  it('gives one degree of arc along a meridian and along the equator', () => {
    expect(METRES_PER_DEGREE).toBeCloseTo(111195.08, 2);
    const alongMeridian = haversineMetres({ lat: 31, lng: 118 }, { lat: 32, lng: 118 });
    const alongEquator = haversineMetres({ lat: 0, lng: 10 }, { lat: 0, lng: 11 });
    expect(alongMeridian).toBeCloseTo(METRES_PER_DEGREE, 3);
    expect(alongEquator).toBeCloseTo(METRES_PER_DEGREE, 3);
  });

  it('shrinks an east-west degree by the cosine of the latitude', () => {
    const metres = haversineMetres({ lat: 60, lng: 10 }, { lat: 60, lng: 10.001 });
    expect(metres).toBeCloseTo(METRES_PER_DEGREE * 0.001 * 0.5, 3);
  });

  it('takes the short way across the antimeridian', () => {
    expect(haversineMetres({ lat: 0, lng: 179.5 }, { lat: 0, lng: -179.5 })).toBeCloseTo(
      METRES_PER_DEGREE,
      3,
    );
  });

  it('reaches half the circumference for antipodes, without NaN', () => {
    const half = Math.PI * EARTH_MEAN_RADIUS_METRES;
    expect(haversineMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(half, 3);
    expect(haversineMetres({ lat: 90, lng: 0 }, { lat: -90, lng: 0 })).toBeCloseTo(half, 3);
    expect(haversineMetres({ lat: 32, lng: 118.78 }, { lat: -32, lng: -61.22 })).toBeCloseTo(half, 3);
  });

  it('rejects coordinates that are not a point on earth', () => {
    expect(() => haversineMetres({ lat: Number.NaN, lng: 0 }, XINJIEKOU)).toThrow(RangeError);
    // Latitude and longitude swapped: the commonest mistake with GeoJSON's [lng, lat] order.
    expect(() => haversineMetres(XINJIEKOU, { lat: 118.796, lng: 31.969 })).toThrow(RangeError);
  });
});

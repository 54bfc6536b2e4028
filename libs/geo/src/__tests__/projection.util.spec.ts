import { bboxAroundMetres, boundsOf, fitProjection, heatCells, labelPoint } from '../projection.util';

describe('fitProjection', () => {
  const bbox = [118.0, 32.0, 119.0, 33.0] as const;

  it('puts north up and west left, inside the padded canvas', () => {
    const projection = fitProjection(bbox, 300, 200, 10);
    const northWest = projection.project({ lat: 33, lng: 118 });
    const southEast = projection.project({ lat: 32, lng: 119 });
    expect(northWest.y).toBeLessThan(southEast.y);
    expect(northWest.x).toBeLessThan(southEast.x);
    for (const point of [northWest, southEast]) {
      expect(point.x).toBeGreaterThanOrEqual(10);
      expect(point.x).toBeLessThanOrEqual(290);
      expect(point.y).toBeGreaterThanOrEqual(10);
      expect(point.y).toBeLessThanOrEqual(190);
    }
  });

  it('fills the limiting dimension and centres the other', () => {
    const projection = fitProjection(bbox, 300, 200, 10);
    // The box is taller (1° of latitude) than wide (1° × cos 32.5° ≈ 0.84): height limits.
    expect(projection.project({ lat: 33, lng: 118 }).y).toBeCloseTo(10, 6);
    expect(projection.project({ lat: 32, lng: 118 }).y).toBeCloseTo(190, 6);
    const left = projection.project({ lat: 32.5, lng: 118 }).x;
    const right = projection.project({ lat: 32.5, lng: 119 }).x;
    expect((left + right) / 2).toBeCloseTo(150, 6);
    expect(right - left).toBeCloseTo(180 * Math.cos((32.5 * Math.PI) / 180), 6);
  });

  it('keeps distances true to shape: 1 km east and 1 km north are equally long on screen', () => {
    const around = bboxAroundMetres({ lat: 32.04, lng: 118.78 }, 2000);
    const projection = fitProjection(around, 400, 400, 0);
    const origin = projection.project({ lat: 32.04, lng: 118.78 });
    const north = projection.project({ lat: 32.04 + 1000 / 111_195, lng: 118.78 });
    const east = projection.project({ lat: 32.04, lng: 118.78 + 1000 / (111_195 * Math.cos((32.04 * Math.PI) / 180)) });
    expect(Math.abs(origin.y - north.y)).toBeCloseTo(Math.abs(east.x - origin.x), 0);
  });
});

describe('boundsOf', () => {
  it('spans rings and points, and is null for nothing', () => {
    expect(boundsOf([[[118, 32], [119, 31.5]]], [{ lat: 33, lng: 118.5 }])).toEqual([118, 31.5, 119, 33]);
    expect(boundsOf([])).toBeNull();
  });
});

describe('heatCells', () => {
  it('counts nearby points into one cell and a far one into another, busiest first', () => {
    const cells = heatCells(
      [
        { lat: 32.04101, lng: 118.77801 },
        { lat: 32.04102, lng: 118.77802, weight: 3 },
        { lat: 32.06, lng: 118.8 },
      ],
      250,
      32.04,
    );
    expect(cells.map((cell) => cell.count)).toEqual([4, 1]);
    const [busiest] = cells;
    expect(busiest.lat).toBeLessThanOrEqual(32.04101);
    expect(busiest.lat + busiest.latSize).toBeGreaterThan(32.04102);
  });
});

describe('labelPoint', () => {
  it('takes the centroid of the largest ring, whatever its winding', () => {
    const small = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]] as const;
    const large = [[10, 10], [10, 14], [14, 14], [14, 10], [10, 10]] as const;
    expect(labelPoint([small, large])).toEqual({ lat: 12, lng: 12 });
    expect(labelPoint([small])).toEqual({ lat: 0.5, lng: 0.5 });
  });

  it('is null without an area', () => {
    expect(labelPoint([])).toBeNull();
    expect(labelPoint([[[0, 0], [1, 1], [0, 0]]])).toBeNull();
  });
});

import { columnBars, heatColour, labelIndices, niceScale, percentText, rowBars } from '../chart.util';

describe('niceScale', () => {
  it('rounds the top up to a 1-2-5 step', () => {
    expect(niceScale([0, 7, 23])).toEqual({ max: 30, ticks: [0, 10, 20, 30] });
    expect(niceScale([180])).toEqual({ max: 200, ticks: [0, 50, 100, 150, 200] });
    expect(niceScale([3])).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
  });

  it('gives an axis of 1 for nothing or zeros, ignoring broken values', () => {
    expect(niceScale([])).toEqual({ max: 1, ticks: [0, 1] });
    expect(niceScale([0, 0, Number.NaN])).toEqual({ max: 1, ticks: [0, 1] });
  });

  it('keeps fractional steps exact', () => {
    expect(niceScale([0.9]).ticks).toEqual([0, 0.5, 1]);
    expect(niceScale([0.3]).ticks).toEqual([0, 0.1, 0.2, 0.3]);
  });
});

describe('columnBars', () => {
  const area = { left: 10, top: 0, width: 100, height: 50 };

  it('stands bars on the baseline, tallest reaching the top at the scale max', () => {
    const bars = columnBars([5, 10, 0, 2.5], area, { max: 10, ticks: [] }, 0.5);
    expect(bars.map((bar) => bar.height)).toEqual([25, 50, 0, 12.5]);
    for (const bar of bars) expect(bar.y + bar.height).toBe(50);
    expect(bars[0]).toMatchObject({ x: 16.25, width: 12.5 });
    expect(bars[3].x + bars[3].width).toBeLessThanOrEqual(110);
  });

  it('draws nothing for no values and never a negative bar', () => {
    expect(columnBars([], area, { max: 1, ticks: [] })).toEqual([]);
    expect(columnBars([-3], area, { max: 1, ticks: [] })[0].height).toBe(0);
  });
});

describe('rowBars', () => {
  it('lays rows top to bottom with widths proportional to the values', () => {
    const bars = rowBars([4, 2], { left: 0, top: 0, width: 80, height: 40 }, { max: 4, ticks: [] }, 0.5);
    expect(bars.map((bar) => bar.width)).toEqual([80, 40]);
    expect(bars[0].y).toBeLessThan(bars[1].y);
    expect(bars[1].y + bars[1].height).toBeLessThanOrEqual(40);
  });
});

describe('labelIndices', () => {
  it('prints every label when there is room', () => {
    expect(labelIndices(4, 50, 40)).toEqual([0, 1, 2, 3]);
  });

  it('thins 30 daily labels and always keeps the last one without a collision', () => {
    const picked = labelIndices(30, 10, 45);
    expect(picked[0]).toBe(0);
    expect(picked[picked.length - 1]).toBe(29);
    for (let i = 1; i < picked.length; i++) expect((picked[i] - picked[i - 1]) * 10).toBeGreaterThanOrEqual(45);
  });

  it('gives nothing for no labels', () => {
    expect(labelIndices(0, 10, 10)).toEqual([]);
  });
});

describe('percentText and heatColour', () => {
  it('formats rates and marks missing ones', () => {
    expect(percentText(0.935)).toBe('93.5%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(null)).toBe('—');
  });

  it('runs from pale to red and clamps', () => {
    expect(heatColour(0)).toBe('rgb(232, 240, 251)');
    expect(heatColour(1)).toBe('rgb(200, 56, 47)');
    expect(heatColour(5)).toBe(heatColour(1));
  });
});

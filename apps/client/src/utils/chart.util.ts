/**
 * Geometry of the dashboard's small charts, kept free of any canvas so it can be tested: scales with
 * round tick values, bar and line positions in canvas pixels.
 */

export interface Scale {
  /** The axis top: a round number at or above every value (at least 1, so an empty chart has an axis). */
  max: number;
  ticks: number[];
}

/** A 1-2-5 step that splits `[0, max]` into about `count` parts. */
export function niceScale(values: readonly number[], count = 4): Scale {
  const largest = Math.max(0, ...values.filter((value) => Number.isFinite(value)));
  if (largest === 0) return { max: 1, ticks: [0, 1] };
  const rough = largest / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const max = Math.ceil(largest / step) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= max + step / 2; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return { max, ticks };
}

export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Vertical bars, one per value, filling `area` with a gap of `gapRatio` of each slot. */
export function columnBars(values: readonly number[], area: PlotArea, scale: Scale, gapRatio = 0.3): Bar[] {
  if (values.length === 0) return [];
  const slot = area.width / values.length;
  const width = Math.max(1, slot * (1 - gapRatio));
  return values.map((value, i) => {
    const height = (Math.max(0, value) / scale.max) * area.height;
    return { x: area.left + i * slot + (slot - width) / 2, y: area.top + area.height - height, width, height };
  });
}

/** Horizontal bars, one row per value, top to bottom. */
export function rowBars(values: readonly number[], area: PlotArea, scale: Scale, gapRatio = 0.35): Bar[] {
  if (values.length === 0) return [];
  const slot = area.height / values.length;
  const height = Math.max(1, slot * (1 - gapRatio));
  return values.map((value, i) => ({
    x: area.left,
    y: area.top + i * slot + (slot - height) / 2,
    width: (Math.max(0, value) / scale.max) * area.width,
    height,
  }));
}

/** Which of `count` labels to print so that they are at least `minGap` pixels apart (always the first and last). */
export function labelIndices(count: number, slotWidth: number, minGap: number): number[] {
  if (count <= 0) return [];
  const every = Math.max(1, Math.ceil(minGap / Math.max(slotWidth, 1e-9)));
  const picked: number[] = [];
  for (let i = 0; i < count; i += every) picked.push(i);
  const last = count - 1;
  if (picked[picked.length - 1] !== last) {
    // Replace the previous label when it would collide with the last one.
    if (picked.length > 1 && (last - picked[picked.length - 1]) * slotWidth < minGap) picked.pop();
    picked.push(last);
  }
  return picked;
}

/** A rate 0..1 as `93.5%`; '—' when there was nothing to measure. */
export function percentText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  return `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** Heat colour from pale blue (few) to the danger red (the busiest) for a share 0..1 of the busiest value. */
export function heatColour(share: number): string {
  const t = Math.max(0, Math.min(1, share));
  const from = [232, 240, 251];
  const to = [200, 56, 47];
  const channel = (i: number) => Math.round(from[i] + (to[i] - from[i]) * t);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

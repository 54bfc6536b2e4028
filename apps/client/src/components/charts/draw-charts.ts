import type { CanvasSize } from '@/components/canvas-2d';
import { columnBars, labelIndices, niceScale, rowBars } from '@/utils/chart.util';

const FONT = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";
const AXIS = '#8a94a3';
const GRID = '#e1e6ec';
const TEXT = '#5c6673';
const BAR = '#1d5fb4';

export interface ChartDatum {
  label: string;
  value: number;
}

/** Columns over time (daily volume): a value axis with round ticks, thinned date labels. */
export function drawColumnChart(context: CanvasRenderingContext2D, size: CanvasSize, data: readonly ChartDatum[]): void {
  const scale = niceScale(data.map((datum) => datum.value));
  const area = { left: 36, top: 10, width: size.width - 44, height: size.height - 34 };
  context.font = `11px ${FONT}`;
  context.textBaseline = 'middle';
  context.textAlign = 'right';
  for (const tick of scale.ticks) {
    const y = area.top + area.height - (tick / scale.max) * area.height;
    context.strokeStyle = GRID;
    context.lineWidth = 1;
    context.beginPath();
    context.moveTo(area.left, y);
    context.lineTo(area.left + area.width, y);
    context.stroke();
    context.fillStyle = TEXT;
    context.fillText(String(tick), area.left - 6, y);
  }
  context.fillStyle = BAR;
  const bars = columnBars(
    data.map((datum) => datum.value),
    area,
    scale,
  );
  for (const bar of bars) context.fillRect(bar.x, bar.y, bar.width, Math.max(bar.height, bar.height > 0 ? 1 : 0));
  context.strokeStyle = AXIS;
  context.beginPath();
  context.moveTo(area.left, area.top + area.height);
  context.lineTo(area.left + area.width, area.top + area.height);
  context.stroke();
  context.textAlign = 'center';
  context.textBaseline = 'top';
  context.fillStyle = TEXT;
  const slot = data.length > 0 ? area.width / data.length : 0;
  for (const i of labelIndices(data.length, slot, 42)) {
    context.fillText(data[i].label, area.left + slot * (i + 0.5), area.top + area.height + 6);
  }
}

/** Horizontal bars with their label on the left and the value at the bar's end (volume by category). */
export function drawBarChart(context: CanvasRenderingContext2D, size: CanvasSize, data: readonly ChartDatum[]): void {
  const labelWidth = 78;
  const scale = niceScale(data.map((datum) => datum.value));
  const area = { left: labelWidth, top: 4, width: size.width - labelWidth - 40, height: size.height - 8 };
  const bars = rowBars(
    data.map((datum) => datum.value),
    area,
    scale,
  );
  context.font = `12px ${FONT}`;
  context.textBaseline = 'middle';
  bars.forEach((bar, i) => {
    const middle = bar.y + bar.height / 2;
    context.fillStyle = TEXT;
    context.textAlign = 'right';
    const label = data[i].label.length > 6 ? `${data[i].label.slice(0, 6)}…` : data[i].label;
    context.fillText(label, labelWidth - 8, middle);
    context.fillStyle = BAR;
    context.fillRect(bar.x, bar.y, Math.max(bar.width, 2), bar.height);
    context.fillStyle = TEXT;
    context.textAlign = 'left';
    context.fillText(String(data[i].value), bar.x + Math.max(bar.width, 2) + 6, middle);
  });
}

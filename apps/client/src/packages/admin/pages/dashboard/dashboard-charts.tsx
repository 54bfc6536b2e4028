import { useCallback, useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import type { DistrictOutline, StatsRow } from '@ssp/contracts';
import type { BBox } from '@ssp/geo';
import { Canvas2D, type CanvasSize } from '@/components/canvas-2d';
import { drawBarChart, drawColumnChart } from '@/components/charts/draw-charts';
import { drawRegionMap } from '@/components/region-map/draw-region-map';
import { heatColour } from '@/utils/chart.util';
import { shortDay } from '@/utils/date-range.util';

/** Categories shown in the bar chart; the rest are in the exports. */
const TOP_CATEGORIES = 8;

export function DailyVolumeChart({ rows }: { rows: readonly StatsRow[] }) {
  const paint = useCallback(
    (context: CanvasRenderingContext2D, size: CanvasSize) =>
      drawColumnChart(
        context,
        size,
        rows.map((row) => ({ label: shortDay(row.key), value: row.total })),
      ),
    [rows],
  );
  return <Canvas2D id="chart-daily" height={180} paint={paint} label={`每日工单量，共 ${rows.length} 天`} />;
}

export function CategoryChart({ rows }: { rows: readonly StatsRow[] }) {
  const top = useMemo(() => rows.slice(0, TOP_CATEGORIES), [rows]);
  const paint = useCallback(
    (context: CanvasRenderingContext2D, size: CanvasSize) =>
      drawBarChart(
        context,
        size,
        top.map((row) => ({ label: row.label, value: row.total })),
      ),
    [top],
  );
  return <Canvas2D id="chart-category" height={Math.max(80, top.length * 28 + 8)} paint={paint} label="各类问题工单量" />;
}

interface DistrictMapProps {
  rows: readonly StatsRow[];
  districts: readonly DistrictOutline[];
  bbox: BBox | null;
}

/** Districts shaded by their share of the busiest one's tickets, each labelled with its count. */
export function DistrictHeatMap({ rows, districts, bbox }: DistrictMapProps) {
  const paint = useCallback(
    (context: CanvasRenderingContext2D, size: CanvasSize) => {
      if (!bbox) return;
      const totals = new Map(rows.map((row) => [row.key, row.total]));
      const busiest = Math.max(1, ...rows.map((row) => row.total));
      drawRegionMap(context, size, {
        districts,
        view: bbox,
        fills: new Map(districts.map((district) => [district.code, heatColour((totals.get(district.code) ?? 0) / busiest)])),
        labels: new Map(districts.map((district) => [district.code, `${district.name} ${totals.get(district.code) ?? 0}`])),
      });
    },
    [rows, districts, bbox],
  );
  const ranked = [...rows].sort((a, b) => b.total - a.total);
  return (
    <>
      <Canvas2D id="chart-districts" height={420} paint={paint} label="各区工单量分布图" />
      <View id="district-counts" className="dashboard-districts">
        {ranked.map((row) => (
          <Text key={row.key} className="dashboard-districts__item" data-code={row.key}>
            {row.label} {row.total}
          </Text>
        ))}
      </View>
    </>
  );
}

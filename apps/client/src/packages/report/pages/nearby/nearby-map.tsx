import { useCallback, useMemo } from 'react';
import type { DistrictOutline, PublicTicketView } from '@ssp/contracts';
import { bboxAroundMetres, heatCells, type LatLng } from '@ssp/geo';
import { Canvas2D, type CanvasSize } from '@/components/canvas-2d';
import { drawRegionMap, type MapDot } from '@/components/region-map/draw-region-map';

export type MapMode = 'dots' | 'heat';

const OPEN_COLOUR = '#d9822b';
const DONE_COLOUR = '#23855b';
/** Heat cells about two city blocks wide. */
const HEAT_CELL_METRES = 200;

interface NearbyMapProps {
  centre: LatLng;
  radius: number;
  items: readonly PublicTicketView[];
  districts: readonly DistrictOutline[];
  mode: MapMode;
}

export function NearbyMap({ centre, radius, items, districts, mode }: NearbyMapProps) {
  const dots = useMemo<MapDot[]>(
    () =>
      items.map((item) => ({
        ...item.location,
        colour: item.status === 'resolved' || item.status === 'closed' ? DONE_COLOUR : OPEN_COLOUR,
      })),
    [items],
  );
  const heat = useMemo(
    () =>
      heatCells(
        items.map((item) => ({ ...item.location, weight: item.supporterCount })),
        HEAT_CELL_METRES,
        centre.lat,
      ),
    [items, centre.lat],
  );
  const paint = useCallback(
    (context: CanvasRenderingContext2D, size: CanvasSize) =>
      drawRegionMap(context, size, {
        districts,
        view: bboxAroundMetres(centre, radius * 1.15),
        circle: { centre, radiusMetres: radius },
        ...(mode === 'heat' ? { heat } : { dots }),
        here: centre,
      }),
    [districts, centre, radius, mode, heat, dots],
  );
  return <Canvas2D id="nearby-map" height={300} paint={paint} label={`附近 ${items.length} 个问题的分布图`} />;
}

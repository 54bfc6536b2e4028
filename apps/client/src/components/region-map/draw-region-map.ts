import type { DistrictOutline } from '@ssp/contracts';
import { fitProjection, labelPoint, type BBox, type HeatCell, type LatLng } from '@ssp/geo';
import type { CanvasSize } from '@/components/canvas-2d';
import { heatColour } from '@/utils/chart.util';

export interface MapDot extends LatLng {
  colour: string;
}

/** Everything one map picture shows; drawn bottom to top in this order. */
export interface RegionMapScene {
  districts: readonly DistrictOutline[];
  /** The part of the world to fit into the canvas. */
  view: BBox;
  /** District code → fill colour (a choropleth); others are drawn plain. */
  fills?: ReadonlyMap<string, string>;
  /** District code → label; by default the district's name. */
  labels?: ReadonlyMap<string, string>;
  heat?: readonly HeatCell[];
  dots?: readonly MapDot[];
  circle?: { centre: LatLng; radiusMetres: number };
  here?: LatLng;
}

const LAND = '#f7f9fb';
const WATER_BACKGROUND = '#dfe9f3';
const BORDER = '#8a94a3';
const LABEL = '#3d4754';
const FONT = "'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** A district map without tiles: outlines from the API, then heat cells, dots and the resident's spot. */
export function drawRegionMap(context: CanvasRenderingContext2D, size: CanvasSize, scene: RegionMapScene): void {
  const projection = fitProjection(scene.view, size.width, size.height, 6);
  context.fillStyle = WATER_BACKGROUND;
  context.fillRect(0, 0, size.width, size.height);

  for (const district of scene.districts) {
    context.beginPath();
    for (const ring of district.rings) {
      ring.forEach(([lng, lat], i) => {
        const { x, y } = projection.project({ lat, lng });
        if (i === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      });
      context.closePath();
    }
    context.fillStyle = scene.fills?.get(district.code) ?? LAND;
    context.fill();
    context.strokeStyle = BORDER;
    context.lineWidth = 1;
    context.stroke();
  }

  if (scene.heat && scene.heat.length > 0) {
    const busiest = Math.max(...scene.heat.map((cell) => cell.count));
    for (const cell of scene.heat) {
      const northWest = projection.project({ lat: cell.lat + cell.latSize, lng: cell.lng });
      const southEast = projection.project({ lat: cell.lat, lng: cell.lng + cell.lngSize });
      context.fillStyle = heatColour(0.25 + (0.75 * cell.count) / busiest);
      context.fillRect(northWest.x, northWest.y, Math.max(2, southEast.x - northWest.x), Math.max(2, southEast.y - northWest.y));
    }
  }

  if (scene.circle) {
    const centre = projection.project(scene.circle.centre);
    const radius = (scene.circle.radiusMetres / 111_195) * projection.scale;
    context.beginPath();
    context.arc(centre.x, centre.y, radius, 0, Math.PI * 2);
    context.strokeStyle = '#1d5fb4';
    context.lineWidth = 1.5;
    context.setLineDash?.([6, 4]);
    context.stroke();
    context.setLineDash?.([]);
  }

  for (const dot of scene.dots ?? []) {
    const { x, y } = projection.project(dot);
    context.beginPath();
    context.arc(x, y, 6, 0, Math.PI * 2);
    context.fillStyle = dot.colour;
    context.fill();
    context.strokeStyle = '#ffffff';
    context.lineWidth = 2;
    context.stroke();
  }

  if (scene.here) {
    const { x, y } = projection.project(scene.here);
    context.beginPath();
    context.arc(x, y, 8, 0, Math.PI * 2);
    context.fillStyle = '#1d5fb4';
    context.fill();
    context.strokeStyle = '#ffffff';
    context.lineWidth = 3;
    context.stroke();
  }

  context.font = `12px ${FONT}`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const district of scene.districts) {
    const anchor = labelPoint(district.rings);
    if (!anchor) continue;
    const { x, y } = projection.project(anchor);
    if (x < 0 || y < 0 || x > size.width || y > size.height) continue;
    const text = scene.labels?.get(district.code) ?? district.name;
    // A label wider than its district would cover its neighbours: small districts go unlabelled
    // (the page lists every district's number beside the map).
    if (context.measureText(text).width > projectedWidth(district, projection.project) + 8) continue;
    context.lineWidth = 3;
    context.strokeStyle = 'rgba(255, 255, 255, 0.85)';
    context.strokeText(text, x, y);
    context.fillStyle = LABEL;
    context.fillText(text, x, y);
  }
}

function projectedWidth(district: DistrictOutline, project: (point: LatLng) => { x: number }): number {
  let min = Infinity;
  let max = -Infinity;
  for (const ring of district.rings) {
    for (const [lng, lat] of ring) {
      const { x } = project({ lat, lng });
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
  }
  return max - min;
}

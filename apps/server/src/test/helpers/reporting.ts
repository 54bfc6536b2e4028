import { randomUUID } from 'node:crypto';
import type { CreateReportRequest, CreateReportResponse, PhotoView } from '@ssp/contracts';
import { geometryContains } from '@ssp/geo';
import sharp from 'sharp';
import { bundledRegions } from '../../seed/bundled-regions.util';
import type { LoggedIn } from './auth';
import { request, type HttpResult } from './test-app';

/** 新街口, GCJ-02: inside 秦淮区, inside the service area. */
export const XINJIEKOU = { lat: 32.0416, lng: 118.7784, coordSystem: 'gcj02' } as const;
/** 上海人民广场: outside 南京市. */
export const SHANGHAI = { lat: 31.2304, lng: 121.4737, coordSystem: 'gcj02' } as const;
/** 井盖 → 南京市市政设施综合养护管理中心 (SZYH) in the seeded default routes. */
export const MANHOLE = { code: 'GY-02', departmentCode: 'SZYH', staffUsername: 'staff.szyh' } as const;
/** 路灯 → the street-lighting department (LD). */
export const STREETLIGHT = { code: 'GY-01', departmentCode: 'LD', staffUsername: 'staff.ld' } as const;

/** A small real JPEG with some texture, different for each seed. */
export async function makeJpeg(seed = 1, width = 640, height = 480): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i * seed * 31 + (i % width) * 7) % 256;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}

export async function uploadPhoto(baseUrl: string, who: LoggedIn, seed = 1): Promise<PhotoView> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await makeJpeg(seed))], { type: 'image/jpeg' }), 'photo.jpg');
  const response = await fetch(`${baseUrl}/api/v1/photos`, { method: 'POST', headers: who.headers, body: form });
  if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as PhotoView;
}

/**
 * Places in 秦淮区 at least ~110 m apart, south-east of 新街口: each default report stands at its own spot,
 * so reports that are not about deduplication never look like duplicates of each other (附议).
 */
const QINHUAI_SPOTS: ReadonlyArray<{ lat: number; lng: number }> = (() => {
  const qinhuai = bundledRegions().find((region) => region.code === '320104');
  if (!qinhuai) throw new Error('秦淮区 is missing from the bundled outlines');
  const geometry = qinhuai.geometry;
  const spots: Array<{ lat: number; lng: number }> = [];
  for (let lat = 32.036; lat > 31.99; lat -= 0.001) {
    for (let lng = 118.776; lng < 118.81; lng += 0.0012) {
      const spot = { lat: Number(lat.toFixed(4)), lng: Number(lng.toFixed(4)) };
      if (geometryContains(geometry, spot)) spots.push(spot);
    }
  }
  return spots;
})();
let spotIndex = 0;

/** The next spot of {@link QINHUAI_SPOTS} (the first is 新街口 itself). */
export function nextSpot(): { lat: number; lng: number; coordSystem: 'gcj02' } {
  const spot = spotIndex === 0 ? XINJIEKOU : QINHUAI_SPOTS[(spotIndex - 1) % QINHUAI_SPOTS.length];
  spotIndex += 1;
  return { lat: spot.lat, lng: spot.lng, coordSystem: 'gcj02' };
}

export function reportBody(overrides: Partial<CreateReportRequest> = {}): CreateReportRequest {
  return {
    clientRequestId: randomUUID(),
    description: '新街口地铁站2号口旁井盖缺失，晚上很危险',
    location: nextSpot(),
    photoIds: [],
    categoryCode: MANHOLE.code,
    ...overrides,
  };
}

export function submitReport(
  baseUrl: string,
  who: LoggedIn,
  body: CreateReportRequest | Record<string, unknown>,
): Promise<HttpResult<CreateReportResponse>> {
  return request<CreateReportResponse>(baseUrl, 'POST', '/api/v1/reports', { json: body, headers: who.headers });
}

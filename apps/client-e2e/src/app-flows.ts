import type { Page } from 'playwright-core';
import type { AuthResult, CreateReportResponse, PhotoView } from '@ssp/contracts';
import sharp from 'sharp';
import { screenshot } from './support';

/** Demo accounts by department code, as apps/server seeds them (demo-accounts.data.ts). */
export const DEMO_STAFF_BY_DEPARTMENT: Readonly<Record<string, string>> = {
  CGJ: 'staff.cgj',
  SZYH: 'staff.szyh',
  LD: 'staff.ld',
  YLJ: 'staff.ylj',
  JGJ: 'staff.jgj',
  SWJ: 'staff.swj',
  STHJJ: 'staff.sthjj',
  JW: 'staff.jw',
  'CGJ-320102': 'staff.xuanwu',
  'CGJ-320104': 'staff.qinhuai',
  'CGJ-320105': 'staff.jianye',
  'CGJ-320106': 'staff.gulou',
  'CGJ-320111': 'staff.pukou',
  'CGJ-320113': 'staff.qixia',
  'CGJ-320114': 'staff.yuhuatai',
  'CGJ-320115': 'staff.jiangning',
  'CGJ-320116': 'staff.luhe',
  'CGJ-320117': 'staff.lishui',
  'CGJ-320118': 'staff.gaochun',
};

/** A photo as a file chooser takes it, made in memory so no test leaves files behind. */
export interface PhotoFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/**
 * A street-like JPEG: a noisy grey surface (so quality checks see texture, not a blank frame) with a
 * dark disc, a different one per name so the server never takes two of them for the same photo.
 */
export async function makePhoto(name: string, discColour: string): Promise<PhotoFile> {
  const width = 1200;
  const height = 900;
  const disc = Buffer.from(
    `<svg width="${width}" height="${height}"><circle cx="600" cy="470" r="220" fill="${discColour}"/>` +
      `<rect x="0" y="0" width="${width}" height="120" fill="#8aa0b8"/></svg>`,
  );
  const noise = { type: 'gaussian' as const, mean: 128, sigma: 45 };
  const buffer = await sharp({ create: { width, height, channels: 3, background: '#808080', noise } })
    .composite([{ input: disc, blend: 'over' }])
    .jpeg({ quality: 85 })
    .toBuffer();
  return { name: `${name}.jpg`, mimeType: 'image/jpeg', buffer };
}

export function pageUrl(baseUrl: string, route: string): string {
  return `${baseUrl}/#${route}`;
}

/** A value the app stored with Taro.setStorageSync (H5 keeps `{ data }` in localStorage). */
export async function storedValue<T>(page: Page, key: string): Promise<T | null> {
  const raw = await page.evaluate((storageKey) => localStorage.getItem(storageKey), key);
  if (!raw) return null;
  return (JSON.parse(raw) as { data: T }).data;
}

export async function accessToken(page: Page): Promise<string> {
  const token = await storedValue<string>(page, 'ssp.session.accessToken');
  if (!token) throw new Error('the page holds no session');
  return token;
}

export async function apiGet<T>(baseUrl: string, pathname: string, token: string): Promise<T> {
  const response = await fetch(`${baseUrl}${pathname}`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${pathname} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Chooses a photo through the hidden file input Taro's chooseMedia opens on H5. */
export async function attachPhoto(page: Page, addTile: string, file: PhotoFile): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(addTile).click()]);
  await chooser.setFiles(file);
}

export async function staffSignIn(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
  screenshotName?: string,
): Promise<void> {
  await page.goto(pageUrl(baseUrl, '/packages/staff/pages/login/index'));
  await page.locator('#username input').fill(username);
  await page.locator('#password input').fill(password);
  if (screenshotName) await screenshot(page, screenshotName);
  await page.locator('#login-submit').click();
}

export async function apiPost<T>(baseUrl: string, pathname: string, body: BodyInit, token?: string): Promise<T> {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  if (typeof body === 'string') headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl}${pathname}`, { method: 'POST', headers, body });
  if (!response.ok) throw new Error(`POST ${pathname} → ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export interface ReportSeed {
  description: string;
  categoryCode: string;
  latitude: number;
  longitude: number;
  photo: PhotoFile;
}

/** A report made through the API as a trial resident would, for tests about what happens next. */
export async function reportThroughApi(baseUrl: string, seed: ReportSeed): Promise<CreateReportResponse> {
  const auth = await apiPost<AuthResult>(baseUrl, '/api/v1/auth/dev', JSON.stringify({ nickname: '测试市民' }));
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(seed.photo.buffer)], { type: seed.photo.mimeType }), seed.photo.name);
  const photo = await apiPost<PhotoView>(baseUrl, '/api/v1/photos', form, auth.accessToken);
  const report = {
    clientRequestId: `e2e-${Date.now()}`,
    description: seed.description,
    location: { lat: seed.latitude, lng: seed.longitude, coordSystem: 'wgs84' },
    photoIds: [photo.id],
    categoryCode: seed.categoryCode,
  };
  return apiPost<CreateReportResponse>(baseUrl, '/api/v1/reports', JSON.stringify(report), auth.accessToken);
}

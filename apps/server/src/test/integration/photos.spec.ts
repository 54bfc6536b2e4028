import type { ErrorBody, PhotoView } from '@ssp/contracts';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { deriveUrlSigningKey, signFileUrl } from '../../core/storage/url-signature.util';
import { Photo } from '../../modules/photos/entities/photo.entity';
import { loginAs } from '../helpers/auth';
import { phoneJpeg, pngDeclaring, sceneJpeg } from '../helpers/images';
import { request, startTestApp, type TestApp } from '../helpers/test-app';

interface Part {
  field: string;
  data: Buffer | string;
  filename?: string;
  type?: string;
}

async function upload<T = PhotoView>(baseUrl: string, token: string | undefined, parts: Part[]) {
  const form = new FormData();
  for (const part of parts) {
    if (part.filename === undefined) form.append(part.field, String(part.data));
    else form.append(part.field, new Blob([part.data], { type: part.type ?? 'image/jpeg' }), part.filename);
  }
  const response = await fetch(`${baseUrl}/api/v1/photos`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as T };
}

const photoPart = (data: Buffer, filename = 'IMG_0001.jpg'): Part => ({ field: 'file', data, filename });

async function fetchBytes(baseUrl: string, url: string) {
  const response = await fetch(new URL(url, baseUrl));
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('POST /api/v1/photos with local storage', () => {
  let t: TestApp;
  let resident: { token: string; userId: string };
  const photoCount = () => t.app.get(DataSource).getRepository(Photo).count();
  const storedFiles = () => filesUnder(t.config.storage.localDir);

  beforeAll(async () => {
    t = await startTestApp();
    resident = await loginAs(t.baseUrl, 'resident', { openid: 'photo-tester' });
  });
  afterAll(() => t.close());

  it('stores a phone photo upright and without EXIF or GPS, and serves it through signed links', async () => {
    const response = await upload(t.baseUrl, resident.token, [photoPart(await phoneJpeg(800, 600))]);
    expect(response.status).toBe(201);
    const view = response.body;
    expect(view).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      url: expect.stringMatching(/^\/api\/v1\/files\/photos\/\d{4}\/\d{2}\/[0-9a-f-]{36}\.jpg\?expires=\d+&sig=[0-9a-f]{64}$/),
      thumbUrl: expect.stringMatching(/\.thumb\.jpg\?expires=\d+&sig=[0-9a-f]{64}$/),
      width: 600,
      height: 800,
      // two flat colour fields have a single edge between them: too little detail to count as sharp
      quality: { ok: false, flags: ['blurry'] },
    });

    const row = await t.app.get(DataSource).getRepository(Photo).findOneByOrFail({ id: view.id });
    expect(row).toMatchObject({ ownerId: resident.userId, mime: 'image/jpeg', width: 600, height: 800, reportId: null, ticketEventId: null });
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.phash).toMatch(/^[0-9a-f]{16}$/);

    const image = await fetchBytes(t.baseUrl, view.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    const maxAge = Number(/^private, max-age=(\d+)$/.exec(image.headers.get('cache-control') ?? '')?.[1]);
    expect(maxAge).toBeGreaterThan(t.config.storage.signedUrlTtlSeconds - 10);
    expect(maxAge).toBeLessThanOrEqual(t.config.storage.signedUrlTtlSeconds);
    expect(image.bytes.length).toBe(row.sizeBytes);
    const meta = await sharp(image.bytes).metadata();
    expect([meta.format, meta.width, meta.height, meta.exif]).toEqual(['jpeg', 600, 800, undefined]);
    expect(image.bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);

    const thumb = await fetchBytes(t.baseUrl, view.thumbUrl);
    expect(thumb.status).toBe(200);
    const thumbMeta = await sharp(thumb.bytes).metadata();
    expect([thumbMeta.width, thumbMeta.height]).toEqual([240, 320]);
    expect(storedFiles()).toHaveLength(2);
  });

  it('takes a multi-megabyte photo although JSON bodies stop at 1 MB, for every role', async () => {
    const big = await sharp(await sceneJpeg(4000, 3000))
      .composite([{ input: { create: { width: 4000, height: 3000, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 0, sigma: 40 } } }, blend: 'overlay' }])
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(big.length).toBeGreaterThan(2 * t.config.http.bodyLimitBytes);
    const response = await upload(t.baseUrl, resident.token, [photoPart(big)]);
    expect(response.status).toBe(201);
    expect([response.body.width, response.body.height]).toEqual([2048, 1536]);

    for (const who of ['staff', 'admin'] as const) {
      const caller = await loginAs(t.baseUrl, who);
      expect((await upload(t.baseUrl, caller.token, [photoPart(await sceneJpeg(640, 480))])).status).toBe(201);
    }
  });

  it('refuses an anonymous upload with 401 and stores nothing', async () => {
    const before = await photoCount();
    const response = await upload<ErrorBody>(t.baseUrl, undefined, [photoPart(await sceneJpeg(640, 480))]);
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
    const forged = await upload<ErrorBody>(t.baseUrl, 'not.a.token', [photoPart(await sceneJpeg(640, 480))]);
    expect(forged.status).toBe(401);
    expect(await photoCount()).toBe(before);
  });

  it('refuses text named IMG.jpg with 415, storing nothing', async () => {
    const [rowsBefore, filesBefore] = [await photoCount(), storedFiles().length];
    const response = await upload<ErrorBody>(t.baseUrl, resident.token, [photoPart(Buffer.from('not a photo at all, just text'))]);
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(response.body.error.details).toEqual({ accepted: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'] });
    expect([await photoCount(), storedFiles().length]).toEqual([rowsBefore, filesBefore]);
  });

  it('refuses a body that is not multipart with 415', async () => {
    const response = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/photos', {
      json: { file: 'aGVsbG8=' },
      headers: { authorization: `Bearer ${resident.token}` },
    });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // registering multipart must leave the platform's own body errors in the contract shape
    const malformed = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/photos', {
      body: '{"file": ',
      headers: { authorization: `Bearer ${resident.token}`, 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('MALFORMED_JSON');
  });

  it('refuses a cut-off multipart body with 400', async () => {
    const boundary = 'ssp-boundary';
    const response = await request<ErrorBody>(t.baseUrl, 'POST', '/api/v1/photos', {
      body: `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.jpg"\r\ncontent-type: image/jpeg\r\n\r\n\xff\xd8\xff`,
      headers: { authorization: `Bearer ${resident.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining('不完整') as string });
  });

  it.each([
    ['no file at all', [{ field: 'note', data: '路灯坏了' }], /没有收到照片/],
    ['the photo in another field', [{ field: 'image', data: Buffer.from([0xff, 0xd8, 0xff]), filename: 'a.jpg' }], /字段 file/],
    ['an empty file', [{ field: 'file', data: Buffer.alloc(0), filename: 'a.jpg' }], /空/],
  ] satisfies Array<[string, Part[], RegExp]>)('refuses %s with 400', async (_name, parts, message) => {
    const response = await upload<ErrorBody>(t.baseUrl, resident.token, parts);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.message).toMatch(message);
  });

  it('refuses two files in one request with 400, storing neither', async () => {
    const [rowsBefore, filesBefore] = [await photoCount(), storedFiles().length];
    const photo = await sceneJpeg(640, 480);
    const response = await upload<ErrorBody>(t.baseUrl, resident.token, [photoPart(photo, 'a.jpg'), photoPart(photo, 'b.jpg')]);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/一张/);
    expect([await photoCount(), storedFiles().length]).toEqual([rowsBefore, filesBefore]);
  });

  it('refuses a decompression bomb (a PNG declaring 20000×20000) with 413, storing nothing', async () => {
    const [rowsBefore, filesBefore] = [await photoCount(), storedFiles().length];
    const response = await upload<ErrorBody>(t.baseUrl, resident.token, [photoPart(pngDeclaring(20_000, 20_000), 'bomb.png')]);
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.body.error.message).toContain('20000×20000');
    expect([await photoCount(), storedFiles().length]).toEqual([rowsBefore, filesBefore]);
  });

  describe('hostile files', () => {
    const SCRIPT_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>';
    /** A ZIP archive's local file header: what makes a JPEG + ZIP polyglot (GIFAR-style) readable as an archive. */
    const ZIP_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    const stored = async () => [await photoCount(), storedFiles().length];

    it.each([
      ['an SVG with a script, sent as image/svg+xml', { field: 'file', data: SCRIPT_SVG, filename: 'photo.svg', type: 'image/svg+xml' }],
      ['an SVG with a script, named IMG.jpg', { field: 'file', data: SCRIPT_SVG, filename: 'IMG_0002.jpg' }],
      ['an HTML page named IMG.jpg', { field: 'file', data: '<!doctype html><script>alert(1)</script>', filename: 'IMG_0003.jpg' }],
      ['a GIF (not a photo format the app takes)', { field: 'file', data: Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1'), filename: 'a.gif', type: 'image/gif' }],
      ['a ZIP archive named IMG.jpg', { field: 'file', data: Buffer.concat([ZIP_HEADER, Buffer.alloc(64)]), filename: 'IMG_0004.jpg' }],
    ] satisfies Array<[string, Part]>)('refuses %s with 415, storing nothing', async (_name, part) => {
      const before = await stored();
      const response = await upload<ErrorBody>(t.baseUrl, resident.token, [part]);
      expect(response.status).toBe(415);
      expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await stored()).toEqual(before);
    });

    it('refuses a JPEG cut off in the middle of its image data with 415 "may be damaged", storing nothing', async () => {
      const before = await stored();
      const photo = await sceneJpeg(640, 480);
      const response = await upload<ErrorBody>(t.baseUrl, resident.token, [photoPart(photo.subarray(0, Math.floor(photo.length * 0.6)))]);
      expect(response.status).toBe(415);
      expect(response.body.error.message).toBe('无法读取这张照片，文件可能已损坏');
      expect(await stored()).toEqual(before);
    });

    it('stores a JPEG with an HTML page and a ZIP archive appended (a polyglot) as the picture alone', async () => {
      const polyglot = Buffer.concat([await sceneJpeg(640, 480), Buffer.from('<html><script>alert(1)</script></html>'), ZIP_HEADER]);
      const response = await upload(t.baseUrl, resident.token, [photoPart(polyglot)]);
      expect(response.status).toBe(201);
      for (const url of [response.body.url, response.body.thumbUrl]) {
        const served = await fetchBytes(t.baseUrl, url);
        expect(served.headers.get('content-type')).toBe('image/jpeg');
        expect(served.headers.get('x-content-type-options')).toBe('nosniff');
        expect(served.bytes.includes(Buffer.from('<script'))).toBe(false);
        expect(served.bytes.includes(ZIP_HEADER.subarray(0, 4))).toBe(false);
      }
    });

    it('takes a photo carrying 1 MB of metadata segments and serves it with none of them', async () => {
      const photo = await sceneJpeg(640, 480);
      // Sixteen APP1 segments of 64 KB each right after the start-of-image marker, all of it junk "EXIF".
      const segment = Buffer.concat([Buffer.from([0xff, 0xe1, 0xff, 0xff]), Buffer.from('Exif\0\0', 'latin1'), Buffer.alloc(0xffff - 8, 'HUGE-EXIF-')]);
      const bloated = Buffer.concat([photo.subarray(0, 2), ...Array.from({ length: 16 }, () => segment), photo.subarray(2)]);
      expect(bloated.length).toBeGreaterThan(1_000_000);
      const response = await upload(t.baseUrl, resident.token, [photoPart(bloated)]);
      expect(response.status).toBe(201);
      const served = await fetchBytes(t.baseUrl, response.body.url);
      expect(served.bytes.length).toBeLessThan(photo.length * 2);
      expect(served.bytes.includes(Buffer.from('HUGE-EXIF-'))).toBe(false);
      expect((await sharp(served.bytes).metadata()).exif).toBeUndefined();
    });
  });

  describe('signed links', () => {
    let view: PhotoView;
    beforeAll(async () => {
      view = (await upload(t.baseUrl, resident.token, [photoPart(await sceneJpeg(640, 480))])).body;
    });
    const keyOf = (url: string) => new URL(url, 'http://x').pathname.replace('/api/v1/files/', '');
    const signed = (key: string, expires: number) =>
      `/api/v1/files/${key}?expires=${expires}&sig=${signFileUrl(deriveUrlSigningKey(t.config.auth.jwtSecret), key, expires)}`;

    it('refuses a tampered signature, another key, a missing signature or a stretched expiry with 403', async () => {
      const url = new URL(view.url, t.baseUrl);
      const expires = Number(url.searchParams.get('expires'));
      const sig = url.searchParams.get('sig') ?? '';
      const flipped = `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`;
      for (const attempt of [
        `${url.pathname}?expires=${expires}&sig=${flipped}`,
        `${new URL(view.thumbUrl, t.baseUrl).pathname}?expires=${expires}&sig=${sig}`,
        `${url.pathname}?expires=${expires}`,
        url.pathname,
        `${url.pathname}?expires=${expires + 86400}&sig=${sig}`,
      ]) {
        const response = await request<ErrorBody>(t.baseUrl, 'GET', attempt);
        expect(response.status).toBe(403);
        expect(response.body.error.code).toBe('FORBIDDEN');
      }
    });

    it('refuses a correctly signed link once it has expired', async () => {
      const response = await request<ErrorBody>(t.baseUrl, 'GET', signed(keyOf(view.url), Math.floor(Date.now() / 1000) - 1));
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain('过期');
    });

    it('never serves anything outside the storage directory', async () => {
      writeFileSync(path.join(t.database.dataDir, 'secret.txt'), 'not for the public');
      const future = Math.floor(Date.now() / 1000) + 600;
      for (const attempt of [
        signed('../secret.txt', future),
        `/api/v1/files/..%2fsecret.txt?expires=${future}&sig=${'0'.repeat(64)}`,
        `/api/v1/files/%2e%2e/%2e%2e/secret.txt?expires=${future}&sig=${'0'.repeat(64)}`,
        signed('photos/../../secret.txt', future),
      ]) {
        const response = await request(t.baseUrl, 'GET', attempt);
        expect([403, 404]).toContain(response.status);
        expect(response.text).not.toContain('not for the public');
      }
    });

    it('answers 404 for a validly signed link whose object is gone', async () => {
      const response = await request<ErrorBody>(t.baseUrl, 'GET', signed('photos/2000/01/gone.jpg', Math.floor(Date.now() / 1000) + 60));
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    });
  });

  it('answers 503 when the storage directory cannot be written, and keeps no row', async () => {
    const dir = t.config.storage.localDir;
    const aside = `${dir}.aside`;
    renameSync(dir, aside);
    writeFileSync(dir, 'a file where the photo directory should be');
    try {
      const before = await photoCount();
      const response = await upload<ErrorBody>(t.baseUrl, resident.token, [photoPart(await sceneJpeg(640, 480))]);
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(JSON.stringify(response.body)).not.toContain(dir);
      expect(await photoCount()).toBe(before);
    } finally {
      rmSync(dir);
      renameSync(aside, dir);
    }
  });

  it('removes the stored objects when the row cannot be written', async () => {
    const dataSource = t.app.get(DataSource);
    const filesBefore = storedFiles().length;
    await dataSource.query('ALTER TABLE photos RENAME TO photos_away');
    try {
      const response = await upload<ErrorBody>(t.baseUrl, resident.token, [photoPart(await sceneJpeg(640, 480))]);
      expect(response.status).toBeGreaterThanOrEqual(500);
      expect(storedFiles()).toHaveLength(filesBefore);
    } finally {
      await dataSource.query('ALTER TABLE photos_away RENAME TO photos');
    }
  });
});

describe('POST /api/v1/photos size limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PHOTO_MAX_BYTES: '20000' });
  });
  afterAll(() => t.close());

  it('refuses a file over PHOTO_MAX_BYTES with 413 and stores nothing', async () => {
    const { token } = await loginAs(t.baseUrl, 'resident');
    const photo = await sceneJpeg(1600, 1200);
    expect(photo.length).toBeGreaterThan(20_000);
    const response = await upload<ErrorBody>(t.baseUrl, token, [photoPart(photo)]);
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(response.body.error.details).toEqual({ maxBytes: 20_000 });
    expect(await t.app.get(DataSource).getRepository(Photo).count()).toBe(0);
    expect(filesUnder(t.config.storage.localDir)).toEqual([]);
    mkdirSync(t.config.storage.localDir, { recursive: true });
  });
});

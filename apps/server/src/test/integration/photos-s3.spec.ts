import type { ErrorBody, PhotoView } from '@ssp/contracts';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { Photo } from '../../modules/photos/entities/photo.entity';
import { loginAs } from '../helpers/auth';
import { startFakeS3, type FakeS3 } from '../helpers/fake-s3';
import { phoneJpeg, sceneJpeg } from '../helpers/images';
import { startTestApp, type TestApp } from '../helpers/test-app';

async function upload<T = PhotoView>(baseUrl: string, token: string, photo: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'IMG_0002.jpg');
  const response = await fetch(`${baseUrl}/api/v1/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, body: (await response.json()) as T };
}

describe('POST /api/v1/photos with S3 storage', () => {
  let s3: FakeS3;
  let t: TestApp;
  let token: string;
  const photoCount = () => t.app.get(DataSource).getRepository(Photo).count();

  beforeAll(async () => {
    s3 = await startFakeS3('ssp-photos-test');
    t = await startTestApp(s3.env);
    token = (await loginAs(t.baseUrl, 'resident')).token;
  });
  afterAll(async () => {
    await t.close();
    await s3.destroy();
  });

  it('stores the photo and its thumbnail in the bucket and answers with presigned links', async () => {
    const response = await upload(t.baseUrl, token, await phoneJpeg(800, 600));
    expect(response.status).toBe(201);
    const view = response.body;
    const row = await t.app.get(DataSource).getRepository(Photo).findOneByOrFail({ id: view.id });
    expect(await s3.objectKeys()).toEqual([row.storageKey, row.thumbKey].sort());

    expect(view.url.startsWith(`${s3.endpoint}/${s3.bucket}/${row.storageKey}?`)).toBe(true);
    expect(new URL(view.url).searchParams.get('X-Amz-Expires')).toBe(String(t.config.storage.signedUrlTtlSeconds));
    const image = await fetch(view.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await image.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([600, 800, undefined]);
    expect(bytes.length).toBe(row.sizeBytes);

    const thumb = await fetch(view.thumbUrl);
    expect(thumb.status).toBe(200);
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).height).toBe(320);
  });

  it('answers 503 with the contract body when the bucket is unreachable, and keeps no row', async () => {
    const [rowsBefore, objectsBefore] = [await photoCount(), await s3.objectKeys()];
    await s3.stop();
    const response = await upload<ErrorBody>(t.baseUrl, token, await sceneJpeg(640, 480));
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      error: { code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('存储') as string, details: { operation: 'put' } },
    });
    expect(await photoCount()).toBe(rowsBefore);
    expect(objectsBefore).toHaveLength(2);
  });
});

import { ErrorCode } from '@ssp/contracts';
import { S3StorageDriver } from '../../core/storage/s3-storage.driver';
import { StorageUnavailableError, StoredObjectNotFoundError } from '../../core/storage/storage.error';
import { startFakeS3, type FakeS3 } from '../helpers/fake-s3';

describe('S3StorageDriver against an S3 protocol server', () => {
  let s3: FakeS3;
  let driver: S3StorageDriver;
  beforeAll(async () => {
    s3 = await startFakeS3();
    driver = new S3StorageDriver({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      bucket: s3.bucket,
      accessKeyId: s3.env.S3_ACCESS_KEY_ID,
      secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY,
      forcePathStyle: true,
    });
  });
  afterAll(async () => {
    driver.onModuleDestroy();
    await s3.destroy();
  });

  it('puts, reads and deletes objects with their content type', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await driver.put('photos/2026/05/a.jpg', bytes, 'image/jpeg');
    expect(await s3.objectKeys()).toEqual(['photos/2026/05/a.jpg']);
    expect(await driver.getBuffer('photos/2026/05/a.jpg')).toEqual(bytes);
    const object = await driver.getStream('photos/2026/05/a.jpg');
    expect(object.contentType).toBe('image/jpeg');
    expect(object.size).toBe(bytes.length);
    object.body.destroy();

    await driver.delete('photos/2026/05/a.jpg');
    await driver.delete('photos/2026/05/a.jpg');
    expect(await s3.objectKeys()).toEqual([]);
    await expect(driver.getBuffer('photos/2026/05/a.jpg')).rejects.toBeInstanceOf(StoredObjectNotFoundError);
  });

  it('presigns a GET for that key that works without credentials and expires as asked', async () => {
    await driver.put('photos/2026/05/b.jpg', Buffer.from('bytes of b'), 'image/jpeg');
    const url = new URL(await driver.signedGetUrl('photos/2026/05/b.jpg', 120));
    // path style, as MinIO and most self-hosted services need
    expect(`${url.origin}${url.pathname}`).toBe(`${s3.endpoint}/${s3.bucket}/photos/2026/05/b.jpg`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('120');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    // s3rver serves presigned GETs but does not check their signatures; real services do.
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(await response.text()).toBe('bytes of b');
  });

  it('refuses keys that are not ours before any request', async () => {
    await expect(driver.put('../b.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/invalid storage key/);
  });

  it('reports an unreachable service as unavailable, promptly', async () => {
    await s3.stop();
    const started = Date.now();
    const error: unknown = await driver.put('photos/2026/05/d.jpg', Buffer.from('x'), 'image/jpeg').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as StorageUnavailableError).code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(driver.getBuffer('photos/2026/05/b.jpg')).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LocalStorageDriver, SIGNED_FILES_PATH } from '../local-storage.driver';
import { StorageUnavailableError, StoredObjectNotFoundError } from '../storage.error';
import { deriveUrlSigningKey, verifyFileUrl } from '../url-signature.util';

const NOW_MS = Date.UTC(2026, 4, 1, 8, 0, 0);
const signingKey = deriveUrlSigningKey('a-test-secret-of-some-length');

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe('LocalStorageDriver', () => {
  let parent: string;
  let root: string;
  let driver: LocalStorageDriver;
  beforeEach(() => {
    parent = mkdtempSync(path.join(tmpdir(), 'ssp-storage-'));
    root = path.join(parent, 'photos');
    driver = new LocalStorageDriver(root, signingKey, () => NOW_MS);
  });
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  it('stores, reads back and deletes an object, leaving no temporary file', async () => {
    await driver.put('photos/2026/05/a.jpg', Buffer.from('jpeg bytes'), 'image/jpeg');
    expect(allFiles(root)).toEqual([path.join('photos', '2026', '05', 'a.jpg')]);
    expect((await driver.getBuffer('photos/2026/05/a.jpg')).toString()).toBe('jpeg bytes');
    const object = await driver.getStream('photos/2026/05/a.jpg');
    expect(object.contentType).toBe('image/jpeg');
    expect(object.size).toBe(10);
    object.body.destroy();

    await driver.delete('photos/2026/05/a.jpg');
    await driver.delete('photos/2026/05/a.jpg');
    await expect(driver.getBuffer('photos/2026/05/a.jpg')).rejects.toBeInstanceOf(StoredObjectNotFoundError);
    await expect(driver.getStream('photos/2026/05/a.jpg')).rejects.toBeInstanceOf(StoredObjectNotFoundError);
    await expect(driver.getStream('photos/2026')).rejects.toBeInstanceOf(StoredObjectNotFoundError);
  });

  it('replaces an object whole', async () => {
    await driver.put('x/a.jpg', Buffer.from('first version, longer'), 'image/jpeg');
    await driver.put('x/a.jpg', Buffer.from('second'), 'image/jpeg');
    expect((await driver.getBuffer('x/a.jpg')).toString()).toBe('second');
    expect(allFiles(root)).toEqual([path.join('x', 'a.jpg')]);
  });

  it.each(['../escape.jpg', 'photos/../../escape.jpg', '/etc/passwd', 'photos/./a.jpg', 'photos//a.jpg', '.hidden.jpg', 'a\\..\\b.jpg', 'photos/%2e%2e/a.jpg', 'a.jpg\0.png', ''])(
    'refuses the key %j for every operation',
    async (key) => {
      await expect(driver.put(key, Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/invalid storage key/);
      await expect(driver.getStream(key)).rejects.toThrow(/invalid storage key/);
      await expect(driver.getBuffer(key)).rejects.toThrow(/invalid storage key/);
      await expect(driver.delete(key)).rejects.toThrow(/invalid storage key/);
      await expect(driver.signedGetUrl(key, 60)).rejects.toThrow(/invalid storage key/);
      expect(readdirSync(parent)).toEqual([]);
    },
  );

  it('refuses a content type its key extension would contradict when served', async () => {
    await expect(driver.put('x/a.jpg', Buffer.from('x'), 'image/png')).rejects.toThrow(/image\/jpeg/);
  });

  it('reports a storage directory it cannot write to as unavailable and cleans up', async () => {
    writeFileSync(root, 'a file where the directory should be');
    await expect(driver.put('x/a.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(readdirSync(parent)).toEqual(['photos']);
  });

  it('signs a link to the files route that verifies until it expires', async () => {
    const url = new URL(await driver.signedGetUrl('photos/2026/05/a.jpg', 600), 'http://host');
    expect(url.pathname).toBe(`${SIGNED_FILES_PATH}/photos/2026/05/a.jpg`);
    const expires = url.searchParams.get('expires') ?? undefined;
    const sig = url.searchParams.get('sig') ?? undefined;
    expect(Number(expires)).toBe(NOW_MS / 1000 + 600);

    const nowSeconds = NOW_MS / 1000;
    expect(verifyFileUrl(signingKey, 'photos/2026/05/a.jpg', expires, sig, nowSeconds)).toEqual({ valid: true, remainingSeconds: 600 });
    expect(verifyFileUrl(signingKey, 'photos/2026/05/a.jpg', expires, sig, nowSeconds + 600)).toEqual({ valid: false, reason: 'expired' });
    expect(verifyFileUrl(signingKey, 'photos/2026/05/b.jpg', expires, sig, nowSeconds)).toEqual({ valid: false, reason: 'signature' });
    expect(verifyFileUrl(signingKey, 'photos/2026/05/a.jpg', String(Number(expires) + 3600), sig, nowSeconds)).toEqual({
      valid: false,
      reason: 'signature',
    });
    const otherKey = deriveUrlSigningKey('another-secret-of-some-length');
    expect(verifyFileUrl(otherKey, 'photos/2026/05/a.jpg', expires, sig, nowSeconds)).toEqual({ valid: false, reason: 'signature' });
    expect(verifyFileUrl(signingKey, 'photos/2026/05/a.jpg', expires, sig?.toUpperCase(), nowSeconds).valid).toBe(false);
    expect(verifyFileUrl(signingKey, 'photos/2026/05/a.jpg', undefined, sig, nowSeconds).valid).toBe(false);
    expect(verifyFileUrl(signingKey, 'photos/2026/05/a.jpg', '1e12', sig, nowSeconds).valid).toBe(false);
    expect(verifyFileUrl(signingKey, 'photos/2026/05/a.jpg', expires, sig?.slice(2), nowSeconds).valid).toBe(false);
  });
});

import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { StorageDriver, StoredObject } from './storage.driver';
import { StorageUnavailableError, StoredObjectNotFoundError } from './storage.error';
import { assertValidStorageKey } from './storage-key.util';
import { signFileUrl } from './url-signature.util';

/** Served by SignedFilesController under the global API prefix (`api/v1`, set in app.factory). */
export const SIGNED_FILES_PATH = '/api/v1/files';

/**
 * Plain files carry no metadata, so the content type follows from the key's extension; `put` refuses a
 * pair that disagrees rather than serve a file under the wrong type later.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

export function contentTypeOfKey(key: string): string {
  return CONTENT_TYPES[path.extname(key).toLowerCase()] ?? 'application/octet-stream';
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}

/** Embedded mode: objects are files under `rootDir`, links are HMAC-signed paths of our own files route. */
export class LocalStorageDriver implements StorageDriver {
  private readonly rootDir: string;

  constructor(
    rootDir: string,
    private readonly signingKey: Buffer,
    private readonly now: () => number = Date.now,
  ) {
    this.rootDir = path.resolve(rootDir);
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    const file = this.pathOf(key);
    if (contentTypeOfKey(key) !== contentType) {
      throw new Error(`local storage serves ${key} as ${contentTypeOfKey(key)}, not ${contentType}`);
    }
    // Written beside the target and renamed into place, so a reader never sees half a photo.
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(temporary, body, { flag: 'wx' });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw new StorageUnavailableError('put', key, error);
    }
  }

  async getStream(key: string): Promise<StoredObject> {
    const file = this.pathOf(key);
    const size = await this.sizeOf(key, file);
    return { body: createReadStream(file), contentType: contentTypeOfKey(key), size };
  }

  async getBuffer(key: string): Promise<Buffer> {
    const file = this.pathOf(key);
    try {
      return await readFile(file);
    } catch (error) {
      if (isMissing(error)) throw new StoredObjectNotFoundError();
      throw new StorageUnavailableError('get', key, error);
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    try {
      await rm(file, { force: true });
    } catch (error) {
      if (!isMissing(error)) throw new StorageUnavailableError('delete', key, error);
    }
  }

  async signedGetUrl(key: string, ttlSeconds: number): Promise<string> {
    assertValidStorageKey(key);
    const expires = Math.floor(this.now() / 1000) + ttlSeconds;
    const signature = signFileUrl(this.signingKey, key, expires);
    return `${SIGNED_FILES_PATH}/${key}?expires=${expires}&sig=${signature}`;
  }

  private async sizeOf(key: string, file: string): Promise<number> {
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new StoredObjectNotFoundError();
      return info.size;
    } catch (error) {
      if (error instanceof StoredObjectNotFoundError || isMissing(error)) throw new StoredObjectNotFoundError();
      throw new StorageUnavailableError('get', key, error);
    }
  }

  /** The key whitelist already rules out traversal; the prefix check is the second lock on the door. */
  private pathOf(key: string): string {
    assertValidStorageKey(key);
    const file = path.resolve(this.rootDir, key);
    if (!file.startsWith(this.rootDir + path.sep)) throw new Error(`storage key escapes the storage root: ${key}`);
    return file;
  }
}

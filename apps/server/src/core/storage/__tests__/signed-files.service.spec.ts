import { ErrorCode } from '@ssp/contracts';
import { Readable } from 'node:stream';
import { loadConfig } from '../../config/app-config';
import { DomainError } from '../../errors/domain.error';
import { SignedFilesService } from '../signed-files.service';
import type { StorageDriver } from '../storage.driver';
import { deriveUrlSigningKey, signFileUrl } from '../url-signature.util';

describe('SignedFilesService', () => {
  const config = loadConfig({ JWT_SECRET: 'signed-files-test-secret' }, '/tmp');
  const opened: string[] = [];
  const storage: StorageDriver = {
    put: () => Promise.resolve(),
    getStream: (key) => {
      opened.push(key);
      return Promise.resolve({ body: Readable.from(['x']), contentType: 'image/jpeg', size: 1 });
    },
    getBuffer: () => Promise.resolve(Buffer.alloc(0)),
    delete: () => Promise.resolve(),
    signedGetUrl: () => Promise.resolve(''),
  };
  const service = new SignedFilesService(config, storage);
  const now = Date.UTC(2026, 0, 1);
  const key = 'photos/2026/01/p.jpg';
  const expires = now / 1000 + 120;
  const sig = signFileUrl(deriveUrlSigningKey(config.auth.jwtSecret), key, expires);

  beforeEach(() => (opened.length = 0));

  async function refusal(k: string, e: unknown, s: unknown, at = now): Promise<DomainError> {
    const error: unknown = await service.open(k, e, s, at).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    if (!(error instanceof DomainError)) throw new Error('expected a refusal');
    return error;
  }

  it('opens the object of a valid link and says how long it may be cached', async () => {
    const file = await service.open(key, String(expires), sig, now);
    expect(file.maxAgeSeconds).toBe(120);
    expect(file.contentType).toBe('image/jpeg');
    expect(opened).toEqual([key]);
  });

  it('refuses tampered, expired, malformed and repeated parameters with 403 without touching storage', async () => {
    for (const error of [
      await refusal('photos/2026/01/q.jpg', String(expires), sig),
      await refusal(key, String(expires + 1), sig),
      await refusal(key, String(expires), sig, (expires + 1) * 1000),
      await refusal(key, [String(expires), String(expires)], sig),
      await refusal(key, String(expires), undefined),
      await refusal('../../etc/passwd', String(expires), sig),
    ]) {
      expect(error.code).toBe(ErrorCode.FORBIDDEN);
    }
    expect((await refusal(key, String(expires), sig, (expires + 1) * 1000)).message).toContain('过期');
    expect(opened).toEqual([]);
  });
});

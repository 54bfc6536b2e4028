import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@ssp/contracts';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DomainError } from '../errors/domain.error';
import { STORAGE_DRIVER, type StorageDriver, type StoredObject } from './storage.driver';
import { isValidStorageKey } from './storage-key.util';
import { deriveUrlSigningKey, verifyFileUrl } from './url-signature.util';

export interface SignedFile extends StoredObject {
  /** How long the link stays valid: a client may cache the bytes that long, and no longer. */
  maxAgeSeconds: number;
}

/** Opens a stored object for a link that LocalStorageDriver signed, once the link checks out. */
@Injectable()
export class SignedFilesService {
  private readonly signingKey: Buffer;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(STORAGE_DRIVER) private readonly storage: StorageDriver,
  ) {
    this.signingKey = deriveUrlSigningKey(config.auth.jwtSecret);
  }

  async open(key: string, expires: unknown, signature: unknown, nowMs = Date.now()): Promise<SignedFile> {
    const check = isValidStorageKey(key)
      ? verifyFileUrl(
          this.signingKey,
          key,
          typeof expires === 'string' ? expires : undefined,
          typeof signature === 'string' ? signature : undefined,
          Math.floor(nowMs / 1000),
        )
      : ({ valid: false, reason: 'malformed' } as const);
    if (!check.valid) {
      const message = check.reason === 'expired' ? '链接已过期，请刷新后重试' : '链接无效';
      throw new DomainError(ErrorCode.FORBIDDEN, message);
    }
    const object = await this.storage.getStream(key);
    return { ...object, maxAgeSeconds: check.remainingSeconds };
  }
}

import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { assertNever } from '../errors/error-status.util';
import { LocalStorageDriver } from './local-storage.driver';
import { S3StorageDriver } from './s3-storage.driver';
import { STORAGE_DRIVER, type StorageDriver } from './storage.driver';
import { deriveUrlSigningKey } from './url-signature.util';

export function createStorageDriver(config: AppConfig): StorageDriver {
  const { storage } = config;
  switch (storage.driver) {
    case 'local':
      return new LocalStorageDriver(storage.localDir, deriveUrlSigningKey(config.auth.jwtSecret));
    case 's3':
      // loadConfig refuses STORAGE_DRIVER=s3 without S3_BUCKET, so this only guards a hand-made config.
      if (!storage.s3) throw new Error('STORAGE_DRIVER=s3 requires the S3 settings (S3_BUCKET, ...)');
      return new S3StorageDriver(storage.s3);
    default:
      return assertNever(storage.driver);
  }
}

export const storageDriverProvider: Provider = {
  provide: STORAGE_DRIVER,
  inject: [APP_CONFIG],
  useFactory: createStorageDriver,
};

import { Module } from '@nestjs/common';
import { SignedFilesController } from './signed-files.controller';
import { SignedFilesService } from './signed-files.service';
import { STORAGE_DRIVER } from './storage.driver';
import { storageDriverProvider } from './storage-driver.provider';

/** The configured storage driver (`STORAGE_DRIVER` token) and the route that serves local signed links. */
@Module({
  controllers: [SignedFilesController],
  providers: [storageDriverProvider, SignedFilesService],
  exports: [STORAGE_DRIVER],
})
export class StorageModule {}

import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { StorageModule } from '../../core/storage/storage.module';
import { Photo } from './entities/photo.entity';
import { PhotoCleanupJob } from './photo-cleanup.job';
import { registerMultipart } from './photo-upload.util';
import { PhotosController } from './photos.controller';
import { PhotosRepository } from './photos.repository';
import { PhotosService } from './photos.service';

/**
 * Photo upload and the photo services reports and tickets use: `PhotosService.assertAttachable`, the
 * `PhotosRepository.attach` that claims photos inside their transaction, and signed views.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Photo]), StorageModule],
  controllers: [PhotosController],
  providers: [PhotosService, PhotosRepository, PhotoCleanupJob],
  exports: [PhotosService, PhotosRepository],
})
export class PhotosModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs before Fastify boots (Nest calls it from `init()`, ahead of `listen()`), as plugins must. The
   * command-line tools (seed, retrain) build the application without an HTTP server: nothing to register.
   */
  onModuleInit(): void {
    const adapter = this.adapterHost.httpAdapter as HttpAdapterHost['httpAdapter'] | null;
    if (!adapter) return;
    registerMultipart(adapter.getInstance<FastifyInstance>(), this.config.photos.maxBytes);
  }
}

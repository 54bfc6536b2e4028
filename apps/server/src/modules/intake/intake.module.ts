import { Module } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { StorageModule } from '../../core/storage/storage.module';
import { IMAGE_MODERATION_OPTIONS, ImageModerationService, type ImageModerationOptions } from '../photos/moderation';
import { ClassificationModule } from '../classification/classification.module';
import { DedupeModule } from '../dedupe/dedupe.module';
import { FilteringModule } from '../filtering/filtering.module';
import { RegionsModule } from '../regions/regions.module';
import { RoutingModule } from '../routing/routing.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ImageModerationCheck } from './checks/image-moderation.check';
import { PhotoQualityCheck } from './checks/photo-quality.check';
import { PhotoReuseCheck } from './checks/photo-reuse.check';
import { RepeatedTextCheck } from './checks/repeated-text.check';
import { ServiceAreaCheck } from './checks/service-area.check';
import { SpamCheck } from './checks/spam.check';
import { TextRulesCheck } from './checks/text-rules.check';
import { IntakeDispatchService } from './intake-dispatch.service';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';

/** The pipeline of ARCHITECTURE.md §6 up to the ticket; the reports module persists what it decides. */
@Module({
  imports: [ClassificationModule, DedupeModule, FilteringModule, RegionsModule, RoutingModule, StorageModule, TicketsModule],
  providers: [
    IntakeService,
    IntakeDispatchService,
    IntakeRepository,
    ServiceAreaCheck,
    TextRulesCheck,
    SpamCheck,
    RepeatedTextCheck,
    PhotoReuseCheck,
    PhotoQualityCheck,
    ImageModerationCheck,
    ImageModerationService,
    {
      provide: IMAGE_MODERATION_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): ImageModerationOptions => ({
        poolSize: config.intake.imageModeration.workers,
        timeoutMs: config.intake.imageModeration.timeoutMs,
      }),
    },
  ],
  exports: [IntakeService, IntakeDispatchService, IntakeRepository],
})
export class IntakeModule {}

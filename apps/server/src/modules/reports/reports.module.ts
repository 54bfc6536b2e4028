import { Module } from '@nestjs/common';
import { DailyNumberAllocator } from '../../core/database/daily-number.allocator';
import { ClassificationModule } from '../classification/classification.module';
import { IntakeModule } from '../intake/intake.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PhotosModule } from '../photos/photos.module';
import { ReferenceDataModule } from '../reference/reference-data.module';
import { TicketsModule } from '../tickets/tickets.module';
import { AdminReportsController } from './admin-reports.controller';
import { ModerationService } from './moderation.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { SubmissionWriter } from './submission-writer';

@Module({
  imports: [ClassificationModule, IntakeModule, NotificationsModule, PhotosModule, ReferenceDataModule, TicketsModule],
  controllers: [ReportsController, AdminReportsController],
  providers: [ReportsService, ReportsRepository, ModerationService, DailyNumberAllocator, SubmissionWriter],
  exports: [ReportsService],
})
export class ReportsModule {}

import { Module } from '@nestjs/common';
import { DailyNumberAllocator } from '../../core/database/daily-number.allocator';
import { ClassificationModule } from '../classification/classification.module';
import { IntakeModule } from '../intake/intake.module';
import { PhotosModule } from '../photos/photos.module';
import { ReferenceDataModule } from '../reference/reference-data.module';
import { TicketsModule } from '../tickets/tickets.module';
import { AdminReportsController } from './admin-reports.controller';
import { ModerationService } from './moderation.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({
  imports: [ClassificationModule, IntakeModule, PhotosModule, ReferenceDataModule, TicketsModule],
  controllers: [ReportsController, AdminReportsController],
  providers: [ReportsService, ReportsRepository, ModerationService, DailyNumberAllocator],
  exports: [ReportsService],
})
export class ReportsModule {}

import { Module } from '@nestjs/common';
import { ClassificationModule } from '../classification/classification.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PhotosModule } from '../photos/photos.module';
import { ReferenceDataModule } from '../reference/reference-data.module';
import { SlaModule } from '../sla/sla.module';
import { AutoCloseJob } from './auto-close.job';
import { TicketCorrectionsService } from './ticket-corrections.service';
import { TicketDeadlinesService } from './ticket-deadlines.service';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({
  imports: [ClassificationModule, NotificationsModule, PhotosModule, ReferenceDataModule, SlaModule],
  controllers: [TicketsController],
  providers: [TicketsService, TicketsRepository, TicketDeadlinesService, TicketCorrectionsService, AutoCloseJob],
  exports: [TicketsService, TicketsRepository, TicketDeadlinesService, NotificationsModule],
})
export class TicketsModule {}

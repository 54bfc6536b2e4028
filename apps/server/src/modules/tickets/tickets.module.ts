import { Module } from '@nestjs/common';
import { ClassificationModule } from '../classification/classification.module';
import { FilteringModule } from '../filtering/filtering.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PhotosModule } from '../photos/photos.module';
import { ReferenceDataModule } from '../reference/reference-data.module';
import { RegionsModule } from '../regions/regions.module';
import { SlaModule } from '../sla/sla.module';
import { AutoCloseJob } from './auto-close.job';
import { NearbyTicketsController } from './nearby-tickets.controller';
import { NearbyTicketsRepository } from './nearby-tickets.repository';
import { NearbyTicketsService } from './nearby-tickets.service';
import { TicketCorrectionsService } from './ticket-corrections.service';
import { TicketDeadlinesService } from './ticket-deadlines.service';
import { TicketsController } from './tickets.controller';
import { TicketsRepository } from './tickets.repository';
import { TicketsService } from './tickets.service';

@Module({
  imports: [ClassificationModule, FilteringModule, NotificationsModule, PhotosModule, ReferenceDataModule, RegionsModule, SlaModule],
  // The public nearby route is registered first so `nearby` is never read as a ticket id.
  controllers: [NearbyTicketsController, TicketsController],
  providers: [
    TicketsService,
    TicketsRepository,
    TicketDeadlinesService,
    TicketCorrectionsService,
    AutoCloseJob,
    NearbyTicketsService,
    NearbyTicketsRepository,
  ],
  exports: [TicketsService, TicketsRepository, TicketDeadlinesService, NotificationsModule],
})
export class TicketsModule {}

import { Module } from '@nestjs/common';
import { PhotosModule } from '../photos/photos.module';
import { RegionsModule } from '../regions/regions.module';
import { RoutingModule } from '../routing/routing.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

@Module({
  imports: [PhotosModule, RegionsModule, RoutingModule, TicketsModule],
  controllers: [ReportsController],
  providers: [ReportsService, ReportsRepository],
})
export class ReportsModule {}

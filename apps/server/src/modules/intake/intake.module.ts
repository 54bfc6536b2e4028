import { Module } from '@nestjs/common';
import { ClassificationModule } from '../classification/classification.module';
import { DedupeModule } from '../dedupe/dedupe.module';
import { FilteringModule } from '../filtering/filtering.module';
import { RegionsModule } from '../regions/regions.module';
import { RoutingModule } from '../routing/routing.module';
import { TicketsModule } from '../tickets/tickets.module';
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
  imports: [ClassificationModule, DedupeModule, FilteringModule, RegionsModule, RoutingModule, TicketsModule],
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
  ],
  exports: [IntakeService, IntakeDispatchService, IntakeRepository],
})
export class IntakeModule {}

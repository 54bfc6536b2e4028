import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '../reference/reference-data.module';
import { DedupeRepository } from './dedupe.repository';
import { DedupeService } from './dedupe.service';
import { OpenTicketIndexService } from './open-ticket-index.service';

/** Duplicate detection (附议) for the intake pipeline; the merge itself belongs to intake. */
@Module({
  imports: [ReferenceDataModule],
  providers: [DedupeService, DedupeRepository, OpenTicketIndexService],
  exports: [DedupeService],
})
export class DedupeModule {}

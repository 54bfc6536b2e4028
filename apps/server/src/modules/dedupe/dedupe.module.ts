import { Module } from '@nestjs/common';
import { DedupeRepository } from './dedupe.repository';
import { DedupeService } from './dedupe.service';

/** Duplicate detection (附议) for the intake pipeline; the merge itself belongs to intake. */
@Module({
  providers: [DedupeService, DedupeRepository],
  exports: [DedupeService],
})
export class DedupeModule {}

import { Module } from '@nestjs/common';
import { ReferenceDataRepository } from './reference-data.repository';
import { ReferenceDataService } from './reference-data.service';

/** The per-instance copy of the small reference tables (see ReferenceDataService). */
@Module({
  providers: [ReferenceDataService, ReferenceDataRepository],
  exports: [ReferenceDataService],
})
export class ReferenceDataModule {}

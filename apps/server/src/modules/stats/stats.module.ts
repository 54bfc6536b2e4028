import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { FilteringModule } from '../filtering/filtering.module';
import { ExportsController } from './exports.controller';
import { ExportsRepository } from './exports.repository';
import { ExportsService } from './exports.service';
import { StatsController } from './stats.controller';
import { StatsRollupJob } from './stats-rollup.job';
import { StatsRollupRepository } from './stats-rollup.repository';
import { StatsRollupService } from './stats-rollup.service';
import { StatsRepository } from './stats.repository';
import { StatsService } from './stats.service';

@Module({
  imports: [AuditModule, FilteringModule],
  controllers: [StatsController, ExportsController],
  providers: [StatsService, StatsRepository, StatsRollupService, StatsRollupRepository, StatsRollupJob, ExportsService, ExportsRepository],
  exports: [StatsService],
})
export class StatsModule {}

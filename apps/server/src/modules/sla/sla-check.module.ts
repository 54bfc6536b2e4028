import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { Clock } from './clock.service';
import { SlaCheckJob } from './sla-check.job';
import { SlaCheckRepository } from './sla-check.repository';

/** The scheduled SLA check (催办/督办); apart from SlaModule because it needs the tickets module. */
@Module({
  imports: [TicketsModule],
  providers: [SlaCheckJob, SlaCheckRepository, Clock],
  exports: [SlaCheckJob, Clock],
})
export class SlaCheckModule {}

import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { FilteringModule } from '../filtering/filtering.module';
import { ReportsModule } from '../reports/reports.module';
import { AdminApiKeysController } from './admin-api-keys.controller';
import { AdminApiKeysService } from './admin-api-keys.service';
import { ApiKeysRepository } from './api-keys.repository';
import { Open311Controller } from './open311.controller';
import { Open311Repository } from './open311.repository';
import { Open311Service } from './open311.service';

/** Open311 GeoReport v2 at /open311/v2 and the admin resource for its API keys. */
@Module({
  imports: [AuditModule, FilteringModule, ReportsModule],
  controllers: [Open311Controller, AdminApiKeysController],
  providers: [Open311Service, Open311Repository, AdminApiKeysService, ApiKeysRepository],
})
export class Open311Module {}

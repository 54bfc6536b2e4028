import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { FilteringModule } from '../filtering/filtering.module';
import { ReportsModule } from '../reports/reports.module';
import { AdminApiKeysController } from './admin-api-keys.controller';
import { AdminApiKeysService } from './admin-api-keys.service';
import { AdminServiceDefinitionsController } from './admin-service-definitions.controller';
import { AdminServiceDefinitionsService } from './admin-service-definitions.service';
import { ApiKeysRepository } from './api-keys.repository';
import { Open311Controller } from './open311.controller';
import { Open311Repository } from './open311.repository';
import { Open311Service } from './open311.service';
import { ServiceDefinitionsRepository } from './service-definitions.repository';

/** Open311 GeoReport v2 at /open311/v2, and the admin resources behind it: API keys and service definitions. */
@Module({
  imports: [AuditModule, FilteringModule, ReportsModule],
  controllers: [Open311Controller, AdminApiKeysController, AdminServiceDefinitionsController],
  providers: [Open311Service, Open311Repository, AdminApiKeysService, ApiKeysRepository, AdminServiceDefinitionsService, ServiceDefinitionsRepository],
})
export class Open311Module {}

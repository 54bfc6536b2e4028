import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ReferenceDataModule } from '../reference/reference-data.module';
import { DepartmentsModule } from '../departments/departments.module';
import { SlaPolicy } from './entities/sla-policy.entity';
import { WorkCalendarDay } from './entities/work-calendar-day.entity';
import { SlaPoliciesController } from './sla-policies.controller';
import { SlaPoliciesRepository } from './sla-policies.repository';
import { SlaPoliciesService } from './sla-policies.service';
import { WorkCalendarController } from './work-calendar.controller';
import { WorkCalendarRepository } from './work-calendar.repository';
import { WorkCalendarService } from './work-calendar.service';

@Module({
  imports: [TypeOrmModule.forFeature([SlaPolicy, WorkCalendarDay]), AuditModule, ReferenceDataModule, DepartmentsModule],
  controllers: [SlaPoliciesController, WorkCalendarController],
  providers: [SlaPoliciesService, SlaPoliciesRepository, WorkCalendarService, WorkCalendarRepository],
  exports: [TypeOrmModule, SlaPoliciesService, WorkCalendarService],
})
export class SlaModule {}

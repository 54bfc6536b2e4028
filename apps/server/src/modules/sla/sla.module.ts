import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DepartmentsModule } from '../departments/departments.module';
import { SlaPolicy } from './entities/sla-policy.entity';
import { SlaPoliciesController } from './sla-policies.controller';
import { SlaPoliciesRepository } from './sla-policies.repository';
import { SlaPoliciesService } from './sla-policies.service';

@Module({
  imports: [TypeOrmModule.forFeature([SlaPolicy]), AuditModule, DepartmentsModule],
  controllers: [SlaPoliciesController],
  providers: [SlaPoliciesService, SlaPoliciesRepository],
  exports: [TypeOrmModule, SlaPoliciesService],
})
export class SlaModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ReferenceDataModule } from '../reference/reference-data.module';
import { RegionsModule } from '../regions/regions.module';
import { AdminDepartmentsController } from './admin-departments.controller';
import { AdminDepartmentsService } from './admin-departments.service';
import { DepartmentsController } from './departments.controller';
import { DepartmentsRepository } from './departments.repository';
import { DepartmentsService } from './departments.service';
import { Department } from './entities/department.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Department]), AuditModule, ReferenceDataModule, RegionsModule],
  controllers: [DepartmentsController, AdminDepartmentsController],
  providers: [DepartmentsService, DepartmentsRepository, AdminDepartmentsService],
  exports: [TypeOrmModule, DepartmentsService],
})
export class DepartmentsModule {}

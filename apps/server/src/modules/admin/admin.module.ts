import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DepartmentsModule } from '../departments/departments.module';
import { AdminUsersController } from './users/admin-users.controller';
import { AdminUsersRepository } from './users/admin-users.repository';
import { AdminUsersService } from './users/admin-users.service';

/**
 * Administration that has no domain module of its own here: staff and admin accounts. The other
 * admin resources live beside their domain (departments, categories, routing, sla, regions, audit).
 */
@Module({
  imports: [AuditModule, DepartmentsModule],
  controllers: [AdminUsersController],
  providers: [AdminUsersService, AdminUsersRepository],
})
export class AdminModule {}

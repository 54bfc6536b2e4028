import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DepartmentsModule } from '../departments/departments.module';
import { DefaultRoutesController } from './default-routes.controller';
import { DefaultRoutesRepository } from './default-routes.repository';
import { DefaultRoutesService } from './default-routes.service';
import { DefaultRoute } from './entities/default-route.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DefaultRoute]), AuditModule, DepartmentsModule],
  controllers: [DefaultRoutesController],
  providers: [DefaultRoutesService, DefaultRoutesRepository],
  exports: [DefaultRoutesService],
})
export class RoutingModule {}

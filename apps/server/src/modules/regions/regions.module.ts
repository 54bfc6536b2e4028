import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AdminRegionsController } from './admin-regions.controller';
import { AdminRegionsService } from './admin-regions.service';
import { Region } from './entities/region.entity';
import { RegionsController } from './regions.controller';
import { RegionsRepository } from './regions.repository';
import { RegionsService } from './regions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Region]), AuditModule],
  controllers: [RegionsController, AdminRegionsController],
  providers: [RegionsService, RegionsRepository, AdminRegionsService],
  exports: [TypeOrmModule, RegionsService],
})
export class RegionsModule {}

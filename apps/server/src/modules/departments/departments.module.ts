import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Department } from './entities/department.entity';

@Module({ imports: [TypeOrmModule.forFeature([Department])], exports: [TypeOrmModule] })
export class DepartmentsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Region } from './entities/region.entity';

@Module({ imports: [TypeOrmModule.forFeature([Region])], exports: [TypeOrmModule] })
export class RegionsModule {}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, Length, Matches } from 'class-validator';
import { Trim } from '../../admin/dto/field.decorators';
import type { RegionLevel } from '../entities/region.entity';

/** Enough for a city's districts; a finer import (streets) goes through `npm run seed -- --regions`. */
const MAX_IMPORTED_FEATURES = 500;

/**
 * A GeoJSON FeatureCollection of one city's districts with the city's identity as two extra
 * top-level members (GeoJSON allows foreign members), so an exported file needs only two keys added.
 */
export class RegionImportDto {
  @ApiProperty({ enum: ['FeatureCollection'] })
  @IsIn(['FeatureCollection'])
  type!: 'FeatureCollection';

  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Features with properties.adcode (6–12 digits) and properties.name, Polygon or MultiPolygon, GCJ-02 [lng, lat]',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORTED_FEATURES)
  features!: unknown[];

  @ApiProperty({ example: '320100', description: 'Administrative code of the city (行政区划代码)' })
  @Matches(/^\d{6,12}$/)
  cityCode!: string;

  @ApiProperty({ example: '南京市' })
  @Trim()
  @IsString()
  @Length(1, 64)
  cityName!: string;
}

export class RegionSummaryDto {
  @ApiProperty({ example: '320104' })
  code!: string;

  @ApiProperty({ example: '秦淮区' })
  name!: string;

  @ApiProperty({ enum: ['city', 'district', 'street'] })
  level!: RegionLevel;

  @ApiProperty({ type: String, nullable: true, example: '320100' })
  parentCode!: string | null;

  @ApiProperty({ type: [Number], description: '[minLng, minLat, maxLng, maxLat], GCJ-02' })
  bbox!: [number, number, number, number];
}

export class RegionImportResultDto {
  @ApiProperty({ example: '320100' })
  cityCode!: string;

  @ApiProperty({ type: [String], description: 'Codes of regions that were new' })
  added!: string[];

  @ApiProperty({ type: [String], description: 'Codes of regions whose name or outline changed' })
  updated!: string[];

  @ApiProperty({ type: [String] })
  unchanged!: string[];

  @ApiProperty({ type: [String], description: "Districts of this city that the file no longer lists" })
  removed!: string[];
}

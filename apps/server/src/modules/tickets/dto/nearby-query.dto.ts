import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CoordSystemName } from '@ssp/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { decimalFromQuery } from '../../regions/dto/locate-query.dto';

const FINITE = { allowNaN: false, allowInfinity: false } as const;

/** Larger asks are refused rather than clamped: nobody means 50 km by "nearby". */
export const NEARBY_MAX_REQUESTED_RADIUS = 50_000;

export class NearbyQueryDto {
  @ApiProperty({ example: 32.0416, minimum: -90, maximum: 90 })
  @Transform(decimalFromQuery)
  @IsNumber(FINITE, { message: '纬度 lat 须为数字' })
  @Min(-90, { message: '纬度 lat 须在 -90 到 90 之间' })
  @Max(90, { message: '纬度 lat 须在 -90 到 90 之间' })
  lat!: number;

  @ApiProperty({ example: 118.7784, minimum: -180, maximum: 180 })
  @Transform(decimalFromQuery)
  @IsNumber(FINITE, { message: '经度 lng 须为数字' })
  @Min(-180, { message: '经度 lng 须在 -180 到 180 之间' })
  @Max(180, { message: '经度 lng 须在 -180 到 180 之间' })
  lng!: number;

  @ApiPropertyOptional({ description: 'Metres; default 1000, used at most 3000 (the answer says which)', example: 1000 })
  @IsOptional()
  @Transform(decimalFromQuery)
  @IsNumber(FINITE, { message: '半径 radius 须为数字（米）' })
  @Min(1, { message: '半径 radius 须大于 0 米' })
  @Max(NEARBY_MAX_REQUESTED_RADIUS, { message: `半径 radius 不能超过 ${NEARBY_MAX_REQUESTED_RADIUS} 米` })
  radius?: number;

  @ApiPropertyOptional({ enum: ['gcj02', 'wgs84'], description: 'Default gcj02 (WeChat getLocation); wgs84 for a browser’s GPS' })
  @IsOptional()
  @IsIn(['gcj02', 'wgs84'], { message: '坐标系 coordSystem 只能是 gcj02 或 wgs84' })
  coordSystem?: CoordSystemName;
}

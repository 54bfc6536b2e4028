import { ApiProperty } from '@nestjs/swagger';
import type { CoordSystemName } from '@ssp/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsNumber, Max, Min } from 'class-validator';

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Query strings arrive as text. Only a plain decimal becomes a number; anything else (empty, "NaN",
 * "Infinity", "1,2", a repeated parameter) stays as it came and fails the number check with 400.
 * `Number('')` would otherwise turn a missing value into latitude 0.
 */
export function decimalFromQuery({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value;
}

const FINITE = { allowNaN: false, allowInfinity: false } as const;

export class LocateQueryDto {
  @ApiProperty({ example: 32.0416, minimum: -90, maximum: 90 })
  @Transform(decimalFromQuery)
  @IsNumber(FINITE)
  @Min(-90)
  @Max(90)
  lat!: number;

  @ApiProperty({ example: 118.7784, minimum: -180, maximum: 180 })
  @Transform(decimalFromQuery)
  @IsNumber(FINITE)
  @Min(-180)
  @Max(180)
  lng!: number;

  @ApiProperty({ enum: ['gcj02', 'wgs84'], description: 'gcj02: WeChat getLocation and Chinese maps; wgs84: GPS' })
  @IsIn(['gcj02', 'wgs84'])
  coordSystem!: CoordSystemName;
}

export class LocatedDistrictDto {
  @ApiProperty({ example: '320104' })
  code!: string;

  @ApiProperty({ example: '秦淮区' })
  name!: string;
}

export class LocateResultDto {
  @ApiProperty({ description: 'Inside the outline of a city this installation serves' })
  inServiceArea!: boolean;

  @ApiProperty({ type: LocatedDistrictDto, nullable: true })
  district!: LocatedDistrictDto | null;
}

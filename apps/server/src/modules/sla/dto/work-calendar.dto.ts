import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { WORK_CALENDAR_DAY_KINDS, type WorkCalendarDayKind } from '../entities/work-calendar-day.entity';

/** Years an admin may edit: far enough either way for any ticket still open. */
export const WORK_CALENDAR_YEARS = { min: 2000, max: 2100 } as const;

export class WorkCalendarYearQueryDto {
  @ApiProperty({ example: 2026, minimum: WORK_CALENDAR_YEARS.min, maximum: WORK_CALENDAR_YEARS.max })
  @Type(() => Number)
  @IsInt()
  @Min(WORK_CALENDAR_YEARS.min)
  @Max(WORK_CALENDAR_YEARS.max)
  year!: number;
}

export class WorkCalendarDayDto {
  @ApiProperty({ example: '2026-10-01', description: 'Beijing date' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date!: string;

  @ApiProperty({ enum: WORK_CALENDAR_DAY_KINDS, description: '`holiday`: a day off; `workday`: a weekend day worked (调休)' })
  @IsIn(WORK_CALENDAR_DAY_KINDS)
  kind!: WorkCalendarDayKind;

  @ApiProperty({ example: '国庆节' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  name!: string;
}

export class PutWorkCalendarDto {
  @ApiProperty({ type: [WorkCalendarDayDto], description: "The year's exceptions, replacing the ones stored" })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => WorkCalendarDayDto)
  days!: WorkCalendarDayDto[];
}

export class WorkCalendarDto {
  @ApiProperty({ example: 2026 })
  year!: number;

  @ApiProperty({ type: [WorkCalendarDayDto], description: 'By date' })
  days!: WorkCalendarDayDto[];
}

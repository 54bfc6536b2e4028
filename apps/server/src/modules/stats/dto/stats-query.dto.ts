import { ApiPropertyOptional } from '@nestjs/swagger';
import { STATS_GROUPS, type StatsGroup } from '@ssp/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

/** The date range of the statistics and exports; the dates themselves are checked by parseStatsRange. */
export class StatsRangeQueryDto {
  @ApiPropertyOptional({ description: 'First city day (Asia/Shanghai), YYYY-MM-DD; default 29 days before `to`', example: '2026-11-01' })
  @IsOptional()
  @IsString()
  @MaxLength(10, { message: '开始日期格式不正确，应为 YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last city day, included, YYYY-MM-DD; default today', example: '2026-11-30' })
  @IsOptional()
  @IsString()
  @MaxLength(10, { message: '结束日期格式不正确，应为 YYYY-MM-DD' })
  to?: string;
}

export class StatsQueryDto extends StatsRangeQueryDto {
  @ApiPropertyOptional({ enum: STATS_GROUPS, default: 'day' })
  @IsOptional()
  @IsIn(STATS_GROUPS, { message: `分组方式只能是 ${STATS_GROUPS.join('、')} 之一` })
  groupBy?: StatsGroup;
}

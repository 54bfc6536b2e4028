import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { StatsResponse } from '@ssp/contracts';
import { Roles } from '../../core/auth/roles.decorator';
import { StatsQueryDto } from './dto/stats-query.dto';
import { StatsService } from './stats.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @ApiOperation({ summary: 'Ticket statistics over a range of city days, grouped by day, week, department, category or region' })
  get(@Query() query: StatsQueryDto): Promise<StatsResponse> {
    return this.stats.stats(query);
  }
}

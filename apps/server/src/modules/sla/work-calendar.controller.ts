import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { PutWorkCalendarDto, WorkCalendarDto, WorkCalendarYearQueryDto } from './dto/work-calendar.dto';
import { WorkCalendarService } from './work-calendar.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/work-calendar')
export class WorkCalendarController {
  constructor(private readonly calendar: WorkCalendarService) {}

  @Get()
  @ApiOperation({ summary: 'Public holidays and make-up workdays (调休) of a year, Beijing dates' })
  @ApiOkResponse({ type: WorkCalendarDto })
  get(@Query() query: WorkCalendarYearQueryDto): Promise<WorkCalendarDto> {
    return this.calendar.year(query.year);
  }

  @Put()
  @ApiOperation({ summary: "Replace a year's holidays and make-up workdays; applies to deadlines computed afterwards" })
  @ApiOkResponse({ type: WorkCalendarDto })
  put(@CurrentUser() user: AuthUser, @Query() query: WorkCalendarYearQueryDto, @Body() body: PutWorkCalendarDto): Promise<WorkCalendarDto> {
    return this.calendar.replaceYear(user, query.year, body);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CreateReportResponse, Page, ReportDetail, ReportListItem } from '@ssp/contracts';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { CreateReportDto } from './dto/create-report.dto';
import { CursorQueryDto } from './dto/cursor-query.dto';
import { RatingDto } from './dto/rating.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('resident')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @ApiOperation({ summary: 'Submit a report; 201 when new, 200 with the first answer when clientRequestId repeats' })
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateReportDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreateReportResponse> {
    const result = await this.reports.create(user, body);
    void reply.status(result.created ? 201 : 200);
    return result.body;
  }

  @Get('mine')
  @ApiOperation({ summary: 'The caller’s reports, newest first' })
  mine(@CurrentUser() user: AuthUser, @Query() query: CursorQueryDto): Promise<Page<ReportListItem>> {
    return this.reports.mine(user, query.cursor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of the caller’s reports with its ticket’s public timeline' })
  detail(@CurrentUser() user: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<ReportDetail> {
    return this.reports.detail(user, id);
  }

  @Post(':id/rating')
  @HttpCode(200)
  @ApiOperation({ summary: 'Rate resolved work 1–5; ≥ 3 closes it, reopen sends it back (不满意重办)' })
  rate(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RatingDto,
  ): Promise<ReportDetail> {
    return this.reports.rate(user, id, body);
  }
}

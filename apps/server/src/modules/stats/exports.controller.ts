import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/current-user.decorator';
import { Roles } from '../../core/auth/roles.decorator';
import { StatsQueryDto, StatsRangeQueryDto } from './dto/stats-query.dto';
import { ExportsService, type ExportFile } from './exports.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function send(reply: FastifyReply, file: ExportFile): StreamableFile {
  void reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
  return new StreamableFile(file.stream, { type: file.contentType, disposition: file.disposition });
}

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('tickets.xlsx')
  @ApiOperation({ summary: 'Every ticket created in the range (descriptions masked), streamed as XLSX' })
  @ApiProduces(XLSX)
  async ticketsXlsx(@CurrentUser() user: AuthUser, @Query() query: StatsRangeQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.exports.tickets(user, 'xlsx', query));
  }

  @Get('tickets.csv')
  @ApiOperation({ summary: 'Every ticket created in the range (descriptions masked), streamed as CSV (UTF-8 with BOM)' })
  @ApiProduces('text/csv')
  async ticketsCsv(@CurrentUser() user: AuthUser, @Query() query: StatsRangeQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.exports.tickets(user, 'csv', query));
  }

  @Get('stats.xlsx')
  @ApiOperation({ summary: 'The statistics of GET /admin/stats with a totals line, as XLSX' })
  @ApiProduces(XLSX)
  async statsXlsx(@CurrentUser() user: AuthUser, @Query() query: StatsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.exports.statistics(user, 'xlsx', query));
  }

  @Get('stats.csv')
  @ApiOperation({ summary: 'The statistics of GET /admin/stats with a totals line, as CSV (UTF-8 with BOM)' })
  @ApiProduces('text/csv')
  async statsCsv(@CurrentUser() user: AuthUser, @Query() query: StatsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    return send(reply, await this.exports.statistics(user, 'csv', query));
  }
}

import { Injectable, Logger } from '@nestjs/common';
import type { StatsGroup } from '@ssp/contracts';
import type { Readable } from 'node:stream';
import type { AuthUser } from '../../core/auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { TextFilterService } from '../filtering/text-filter.service';
import { STATS_EXPORT_COLUMNS, TICKET_EXPORT_COLUMNS, totalsRow, type TicketExportRow } from './export-columns';
import { attachmentDisposition } from './export-format.util';
import { csvStream, xlsxStream, type RowPages } from './export-writers';
import { ExportsRepository } from './exports.repository';
import { StatsService } from './stats.service';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  stream: Readable;
  contentType: string;
  disposition: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const GROUP_NAMES: Record<StatsGroup, string> = { day: '按日', week: '按周', department: '按部门', category: '按类别', region: '按区域' };

/**
 * Downloads for admins: every ticket of a range, and the statistics, as CSV or XLSX. The range is
 * checked and the export audited (who, what, which range) before the first byte; the tickets then
 * stream page by page with their descriptions masked as in the public views.
 */
@Injectable()
export class ExportsService {
  private readonly logger = new Logger(ExportsService.name);

  constructor(
    private readonly repository: ExportsRepository,
    private readonly stats: StatsService,
    private readonly audit: AuditService,
    private readonly textFilter: TextFilterService,
  ) {}

  async tickets(user: AuthUser, format: ExportFormat, query: { from?: string; to?: string }): Promise<ExportFile> {
    const range = this.stats.range(query.from, query.to);
    await this.record(user, `tickets.${format}`, { from: range.from, to: range.to });
    const regionNames = await this.repository.regionNames();
    const repository = this.repository;
    const textFilter = this.textFilter;
    async function* rows(): AsyncGenerator<TicketExportRow[]> {
      for await (const page of repository.ticketsCreatedIn(range.start, range.end)) {
        yield await Promise.all(
          page.map(async (ticket) => ({
            ticket,
            description: await textFilter.publicText(ticket.description),
            regionName: ticket.regionCode ? (regionNames.get(ticket.regionCode) ?? null) : null,
          })),
        );
      }
    }
    const name = `${range.from}_${range.to}.${format}`;
    return this.file(format, `工单明细_${name}`, `tickets_${name}`, '工单明细', TICKET_EXPORT_COLUMNS, rows());
  }

  async statistics(user: AuthUser, format: ExportFormat, query: { from?: string; to?: string; groupBy?: StatsGroup }): Promise<ExportFile> {
    const response = await this.stats.stats(query);
    await this.record(user, `stats.${format}`, { from: response.from, to: response.to, groupBy: response.groupBy });
    const name = `${response.from}_${response.to}.${format}`;
    const pages = (async function* () {
      yield [...response.rows, totalsRow(response.totals)];
    })();
    return this.file(
      format,
      `工单统计${GROUP_NAMES[response.groupBy]}_${name}`,
      `stats_${response.groupBy}_${name}`,
      `统计${GROUP_NAMES[response.groupBy]}`,
      STATS_EXPORT_COLUMNS,
      pages,
    );
  }

  private file<T>(
    format: ExportFormat,
    filename: string,
    asciiName: string,
    sheetName: string,
    columns: Parameters<typeof csvStream<T>>[0],
    pages: RowPages<T>,
  ): ExportFile {
    const stream =
      format === 'csv'
        ? csvStream(columns, pages)
        : xlsxStream(sheetName, columns, pages, (error) => this.logger.error(`export ${asciiName} failed mid-way: ${String(error)}`));
    return { stream, contentType: CONTENT_TYPES[format], disposition: attachmentDisposition(filename, asciiName) };
  }

  private record(user: AuthUser, what: string, range: Record<string, string>): Promise<void> {
    return this.repository.transaction((manager) => this.audit.record(manager, user.id, 'create', 'export', what, null, range));
  }
}

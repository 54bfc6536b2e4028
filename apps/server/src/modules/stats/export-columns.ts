import { TICKET_STATUSES, TICKET_STATUS_LABELS, type StatsMetrics, type StatsRow } from '@ssp/contracts';
import type { Ticket } from '../tickets/entities/ticket.entity';
import { cityDateTime, rounded, type ExportCell } from './export-format.util';

export interface ExportColumn<T> {
  header: string;
  /** Spreadsheet column width (characters). */
  width: number;
  value: (row: T) => ExportCell;
  /** XLSX number format (the CSV carries the plain number). */
  numFmt?: string;
}

/** A ticket as exported: the description already masked. */
export interface TicketExportRow {
  ticket: Ticket;
  description: string;
  regionName: string | null;
}

const yesNo = (value: boolean | null): string | null => (value === null ? null : value ? '是' : '否');

export const TICKET_EXPORT_COLUMNS: ReadonlyArray<ExportColumn<TicketExportRow>> = [
  { header: '工单编号', width: 18, value: (r) => r.ticket.ticketNo },
  { header: '状态', width: 8, value: (r) => TICKET_STATUS_LABELS[r.ticket.status] },
  { header: '问题大类', width: 12, value: (r) => r.ticket.category?.parent?.name ?? r.ticket.category?.name ?? null },
  { header: '问题小类', width: 14, value: (r) => (r.ticket.category?.parent ? r.ticket.category.name : null) },
  { header: '责任部门', width: 24, value: (r) => r.ticket.department?.name ?? null },
  { header: '所在区域', width: 10, value: (r) => r.regionName ?? r.ticket.regionCode },
  { header: '问题描述（已脱敏）', width: 50, value: (r) => r.description },
  { header: '附议人数', width: 8, value: (r) => r.ticket.supporterCount },
  { header: '创建时间', width: 20, value: (r) => cityDateTime(r.ticket.createdAt) },
  { header: '签收时限', width: 20, value: (r) => cityDateTime(r.ticket.acceptBy) },
  { header: '签收时间', width: 20, value: (r) => cityDateTime(r.ticket.acceptedAt) },
  { header: '签收用时（分钟）', width: 10, value: (r) => r.ticket.acceptMinutes },
  { header: '按时签收', width: 8, value: (r) => yesNo(r.ticket.acceptedOnTime) },
  { header: '办结时限', width: 20, value: (r) => cityDateTime(r.ticket.resolveBy) },
  { header: '办结用时（分钟）', width: 10, value: (r) => r.ticket.resolveMinutes },
  { header: '按时办结', width: 8, value: (r) => yesNo(r.ticket.resolvedOnTime) },
  { header: '结案时间', width: 20, value: (r) => cityDateTime(r.ticket.closedAt) },
  { header: '重办次数', width: 8, value: (r) => r.ticket.reopenCount },
  { header: '评价数', width: 8, value: (r) => r.ticket.ratingCount },
  { header: '平均评分', width: 8, value: (r) => (r.ticket.ratingCount > 0 ? rounded(r.ticket.ratingSum / r.ticket.ratingCount, 2) : null) },
];

const PERCENT = '0.0%';

export const STATS_EXPORT_COLUMNS: ReadonlyArray<ExportColumn<StatsRow>> = [
  { header: '分组', width: 12, value: (r) => r.key },
  { header: '名称', width: 24, value: (r) => r.label },
  { header: '工单数', width: 8, value: (r) => r.total },
  ...TICKET_STATUSES.map(
    (status): ExportColumn<StatsRow> => ({ header: TICKET_STATUS_LABELS[status], width: 8, value: (r) => r.byStatus[status] }),
  ),
  { header: '按时签收率', width: 10, numFmt: PERCENT, value: (r) => rounded(r.acceptOnTimeRate) },
  { header: '按时办结率', width: 10, numFmt: PERCENT, value: (r) => rounded(r.resolveOnTimeRate) },
  { header: '签收用时中位数（分钟）', width: 12, value: (r) => r.acceptMinutes.median },
  { header: '签收用时P90（分钟）', width: 12, value: (r) => r.acceptMinutes.p90 },
  { header: '办结用时中位数（分钟）', width: 12, value: (r) => r.resolveMinutes.median },
  { header: '办结用时P90（分钟）', width: 12, value: (r) => r.resolveMinutes.p90 },
  { header: '平均满意度', width: 10, value: (r) => rounded(r.satisfaction.mean, 2) },
  { header: '满意率（4分及以上）', width: 12, numFmt: PERCENT, value: (r) => rounded(r.satisfaction.satisfiedShare) },
  { header: '评价数', width: 8, value: (r) => r.satisfaction.ratings },
  { header: '重办率', width: 8, numFmt: PERCENT, value: (r) => rounded(r.reopenRate) },
  { header: '平均附议人数', width: 10, value: (r) => rounded(r.supportersPerTicket, 2) },
];

/** The totals as the last line of a stats export. */
export function totalsRow(totals: StatsMetrics): StatsRow {
  return { key: '合计', label: '全部', ...totals };
}

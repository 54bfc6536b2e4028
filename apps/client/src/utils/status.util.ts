import { TICKET_STATUS_LABELS, type ReportOutcome, type TicketStatus, type TicketSummary } from '@ssp/contracts';

export type Tone = 'info' | 'warning' | 'success' | 'danger' | 'muted';

export interface StatusView {
  label: string;
  tone: Tone;
}

export const OUTCOME_LABELS: Record<ReportOutcome, string> = {
  accepted: '已受理',
  merged: '已合并',
  review: '审核中',
  rejected: '未受理',
};

const OUTCOME_TONES: Record<ReportOutcome, Tone> = {
  accepted: 'success',
  merged: 'info',
  review: 'warning',
  rejected: 'danger',
};

const TICKET_TONES: Record<TicketStatus, Tone> = {
  pending_triage: 'warning',
  dispatched: 'warning',
  in_progress: 'info',
  resolved: 'success',
  closed: 'muted',
  rejected: 'danger',
  merged: 'muted',
};

export function ticketStatusView(status: TicketStatus): StatusView {
  return { label: TICKET_STATUS_LABELS[status], tone: TICKET_TONES[status] };
}

export function outcomeView(outcome: ReportOutcome): StatusView {
  return { label: OUTCOME_LABELS[outcome], tone: OUTCOME_TONES[outcome] };
}

/**
 * What a resident wants to know about a report: where its work order stands once there is one,
 * otherwise what intake decided (审核中, 未受理).
 */
export function reportStatusView(report: { outcome: ReportOutcome; ticket: TicketSummary | null }): StatusView {
  if (report.ticket && report.outcome !== 'rejected') return ticketStatusView(report.ticket.status);
  return outcomeView(report.outcome);
}

import type { PhotoView } from './photos';
import type { Page, ReportLocation, TicketSummary } from './reports';
import type { StaffAdminAction, TicketAction, TicketStatus } from './tickets';
import type { UserRole } from './users';

export interface TicketListItem extends TicketSummary {
  description: string;
  regionCode: string | null;
  regionName: string | null;
  acceptBy: string | null;
  overdue: boolean;
  createdAt: string;
  version: number;
  /** A requested extension waiting for an admin's decision. */
  pendingExtensionUntil: string | null;
}

export type TicketPage = Page<TicketListItem>;

export interface TicketEventView {
  id: string;
  action: TicketAction;
  label: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  actorRole: UserRole | 'system';
  /** Staff/admin see who acted; residents see the department only. */
  actorName: string | null;
  note: string | null;
  departmentName: string | null;
  until: string | null;
  /** Staff/admin only: why the system sent the ticket where it went (为什么派给这个部门), one line per step. */
  trace: string[] | null;
  photos: PhotoView[];
  createdAt: string;
}

export interface TicketDetail extends TicketListItem {
  location: ReportLocation;
  resolutionReply: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  photos: PhotoView[];
  /** The reports behind this ticket, first first (for 附议 and splitting). */
  reports: TicketReportView[];
  /** Set when this ticket was merged into another one. */
  mergedInto: { id: string; ticketNo: string } | null;
  events: TicketEventView[];
  /** Buttons this caller may press now (from the transition table). */
  actions: StaffAdminAction[];
}

export interface TicketReportView {
  id: string;
  reportNo: string;
  description: string;
  createdAt: string;
  outcome: 'accepted' | 'merged' | 'rejected' | 'review';
}

export interface TicketActionRequest {
  action: StaffAdminAction;
  version: number;
  note?: string;
  photoIds?: string[];
  departmentCode?: string;
  /** dispatch / transfer: set or correct the ticket's category (小类) on the way. */
  categoryCode?: string;
  until?: string;
  /** merge: the ticket this one joins */
  targetTicketNo?: string;
  /** split: the report that becomes a ticket of its own */
  reportId?: string;
}

export interface TicketFilters {
  status?: TicketStatus;
  overdue?: boolean;
  categoryCode?: string;
  regionCode?: string;
  /** true: only tickets with an extension request waiting for a decision */
  pendingExtension?: boolean;
  q?: string;
  cursor?: string;
  limit?: number;
}

import type { CoordSystemName } from './geo';
import type { PhotoView } from './photos';
import type { TicketEventView } from './ticket-views';
import type { TicketStatus } from './tickets';

export const REPORT_OUTCOMES = ['accepted', 'merged', 'rejected', 'review'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

export interface ReportLocation {
  lat: number;
  lng: number;
  coordSystem: CoordSystemName;
}

export const REPORT_LIMITS = {
  descriptionMaxChars: 500,
  clientRequestIdMaxChars: 64,
} as const;

export interface CreateReportRequest {
  clientRequestId: string;
  description: string;
  location: ReportLocation;
  photoIds: string[];
  categoryCode?: string;
  /** A stable id of the device (kept in its storage), for per-device rate limits. */
  deviceId?: string;
}

export interface Reason {
  code: string;
  message: string;
}

export interface TicketSummary {
  id: string;
  ticketNo: string;
  status: TicketStatus;
  category: { code: string; name: string } | null;
  department: { code: string; name: string } | null;
  resolveBy: string | null;
  /** Residents following this problem: the first reporter plus everyone whose report merged into it (附议). */
  supporterCount: number;
}

export interface CreateReportResponse {
  id: string;
  reportNo: string;
  outcome: ReportOutcome;
  reasons: Reason[];
  ticket?: TicketSummary;
}

export interface ReportListItem {
  id: string;
  reportNo: string;
  description: string;
  outcome: ReportOutcome;
  createdAt: string;
  category: { code: string; name: string } | null;
  ticket: TicketSummary | null;
  thumbUrl: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface RatingRequest {
  score: number;
  comment?: string;
  reopen?: boolean;
}

export interface ReportDetail extends ReportListItem {
  location: ReportLocation;
  regionName: string | null;
  reasons: Reason[];
  photos: PhotoView[];
  rating: number | null;
  ratingComment: string | null;
  /** The resident may rate now (the ticket is resolved and not yet rated). */
  canRate: boolean;
  /** The resident may still ask for the work to be redone (within the reopen window). */
  canReopen: boolean;
  /** The department's reply and result photos once resolved. */
  resolution: { reply: string; photos: PhotoView[]; resolvedAt: string } | null;
  /** Public timeline of the ticket: every step, without staff names. */
  timeline: TicketEventView[];
}

export interface LocateResult {
  inServiceArea: boolean;
  district: { code: string; name: string } | null;
}

export interface DepartmentOption {
  code: string;
  name: string;
  shortName: string;
}

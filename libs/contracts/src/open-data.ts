import type { TicketStatus } from './tickets';

/**
 * Statistics of `GET /api/v1/admin/stats` (admin). Tickets are counted by their creation time in
 * `[from, to]` (dates in the city's zone, Asia/Shanghai, both ends included).
 * Rates and shares are 0..1; `null` when nothing was there to measure (no accepted ticket, no rating …).
 */
export const STATS_GROUPS = ['day', 'week', 'department', 'category', 'region'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export interface DurationStats {
  /** Minutes. */
  median: number | null;
  p90: number | null;
}

export interface StatsMetrics {
  /** Tickets created in the range (merged tickets excluded). */
  total: number;
  byStatus: Record<TicketStatus, number>;
  /** Share of signed-for (签收) tickets signed for by their `acceptBy` deadline. */
  acceptOnTimeRate: number | null;
  /** Share of resolved (办结) tickets resolved by their `resolveBy` deadline. */
  resolveOnTimeRate: number | null;
  /** From dispatch (派单) to sign-for. */
  acceptMinutes: DurationStats;
  /** From creation to resolution. */
  resolveMinutes: DurationStats;
  satisfaction: {
    /** Mean score 1..5. */
    mean: number | null;
    /** Share of ratings with score ≥ 4. */
    satisfiedShare: number | null;
    ratings: number;
  };
  /** Share of resolved tickets reopened at least once. */
  reopenRate: number | null;
  /** Mean `supporterCount` (附议 reports per ticket, the first report included). */
  supportersPerTicket: number | null;
}

export interface StatsRow extends StatsMetrics {
  /** `2026-11-30` (day), `2026-W48` (ISO week), or a department / category / region code. */
  key: string;
  /** What a person reads: the date, the week's first day, or the department / category / region name. */
  label: string;
}

export interface StatsResponse {
  from: string;
  to: string;
  groupBy: StatsGroup;
  totals: StatsMetrics;
  /** Days and weeks in order; departments, categories and regions by `total`, largest first. */
  rows: StatsRow[];
  /** Every ticket change committed before this instant is counted (at most STATS_MAX_AGE_SECONDS before the request). */
  asOf: string;
}

/**
 * One problem in the public "附近的问题" view (`GET /api/v1/tickets/nearby`, public). Never personal data:
 * no names, phones, openids, no exact reporter position (a rounded point), text masked as in every public view.
 */
export interface PublicTicketView {
  id: string;
  ticketNo: string;
  status: TicketStatus;
  statusLabel: string;
  category: { code: string; name: string } | null;
  /** Masked (phones, ID cards, plates and mask-level words starred). */
  description: string;
  /** GCJ-02, rounded to about 100 m. */
  location: { lat: number; lng: number };
  regionCode: string | null;
  regionName: string | null;
  supporterCount: number;
  /** Metres from the query point (to the rounded location). */
  distance: number;
  createdAt: string;
}

export interface NearbyTicketsResponse {
  items: PublicTicketView[];
  /** The radius actually used (metres, after clamping). */
  radius: number;
}

import type { CoordSystemName, NearbyTicketsResponse, RegionOutlinesResponse, StatsGroup, StatsResponse } from '@ssp/contracts';
import { compactQuery } from './query';
import { apiRequest } from './request';

export interface NearbyQuery {
  lat: number;
  lng: number;
  coordSystem: CoordSystemName;
  radius?: number;
}

/** Public: open and recently resolved problems around a point, masked, positions rounded to ~100 m. */
export function fetchNearbyTickets(query: NearbyQuery): Promise<NearbyTicketsResponse> {
  return apiRequest<NearbyTicketsResponse>({ path: '/api/v1/tickets/nearby', data: compactQuery({ ...query }) });
}

/** Public: the districts' outlines, simplified for drawing without map tiles. */
export function fetchRegionOutlines(): Promise<RegionOutlinesResponse> {
  return apiRequest<RegionOutlinesResponse>({ path: '/api/v1/regions/outlines' });
}

/** Admin: the statistics of tickets created from `from` to `to` (Beijing days, both included). */
export function fetchStats(range: { from: string; to: string }, groupBy: StatsGroup): Promise<StatsResponse> {
  return apiRequest<StatsResponse>({ path: '/api/v1/admin/stats', data: compactQuery({ ...range, groupBy }) });
}

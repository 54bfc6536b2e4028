import type { RegionOutlinesResponse, StatsResponse } from '@ssp/contracts';
import { fetchStats } from '@/services/api';
import { regionOutlines } from '@/stores/region-outlines';
import type { DateRange } from '@/utils/date-range.util';

export interface DashboardData {
  byDay: StatsResponse;
  byCategory: StatsResponse;
  byDepartment: StatsResponse;
  byRegion: StatsResponse;
  outlines: RegionOutlinesResponse;
}

/** One range's statistics in the four groupings the dashboard shows, fetched side by side. */
export async function loadDashboard(range: DateRange): Promise<DashboardData> {
  const [byDay, byCategory, byDepartment, byRegion, outlines] = await Promise.all([
    fetchStats(range, 'day'),
    fetchStats(range, 'category'),
    fetchStats(range, 'department'),
    fetchStats(range, 'region'),
    regionOutlines(),
  ]);
  return { byDay, byCategory, byDepartment, byRegion, outlines };
}

import type { StatsRow } from '@ssp/contracts';

export type LeagueKey = 'total' | 'resolveOnTimeRate' | 'acceptOnTimeRate' | 'satisfaction';
export type SortDirection = 'asc' | 'desc';

export const LEAGUE_COLUMNS: readonly { key: LeagueKey; label: string }[] = [
  { key: 'total', label: '工单数' },
  { key: 'acceptOnTimeRate', label: '按时签收' },
  { key: 'resolveOnTimeRate', label: '按时办结' },
  { key: 'satisfaction', label: '满意度' },
];

export function leagueValue(row: StatsRow, key: LeagueKey): number | null {
  switch (key) {
    case 'total':
      return row.total;
    case 'acceptOnTimeRate':
      return row.acceptOnTimeRate;
    case 'resolveOnTimeRate':
      return row.resolveOnTimeRate;
    case 'satisfaction':
      return row.satisfaction.mean;
  }
}

/**
 * Departments ordered by one column. A department with nothing to measure (null) goes last in either
 * direction: "no data" is neither the best nor the worst. Ties keep the name order, so the table is stable.
 */
export function sortLeague(rows: readonly StatsRow[], key: LeagueKey, direction: SortDirection): StatsRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = leagueValue(a, key);
    const vb = leagueValue(b, key);
    if (va === null && vb === null) return a.label.localeCompare(b.label, 'zh-CN');
    if (va === null) return 1;
    if (vb === null) return -1;
    return (va - vb) * sign || a.label.localeCompare(b.label, 'zh-CN');
  });
}

/** Tapping the sorted column flips it; another column starts best first (largest). */
export function nextSort(current: { key: LeagueKey; direction: SortDirection }, key: LeagueKey): { key: LeagueKey; direction: SortDirection } {
  if (current.key === key) return { key, direction: current.direction === 'desc' ? 'asc' : 'desc' };
  return { key, direction: 'desc' };
}

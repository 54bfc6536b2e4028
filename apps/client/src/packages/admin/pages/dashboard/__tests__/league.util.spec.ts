import type { StatsRow } from '@ssp/contracts';
import { nextSort, sortLeague } from '../league.util';

function row(label: string, total: number, resolveOnTimeRate: number | null, mean: number | null): StatsRow {
  return {
    key: label,
    label,
    total,
    byStatus: { pending_triage: 0, dispatched: 0, in_progress: 0, resolved: 0, closed: 0, rejected: 0, merged: 0 },
    acceptOnTimeRate: null,
    resolveOnTimeRate,
    acceptMinutes: { median: null, p90: null },
    resolveMinutes: { median: null, p90: null },
    satisfaction: { mean, satisfiedShare: null, ratings: 0 },
    reopenRate: null,
    supportersPerTicket: null,
  };
}

const ROWS = [row('城管局', 10, 0.8, 4.2), row('路灯所', 3, null, null), row('市政中心', 7, 0.95, 3.9), row('园林局', 7, 0.5, 4.8)];

describe('sortLeague', () => {
  it('ranks by on-time rate, best first, with departments without data last', () => {
    expect(sortLeague(ROWS, 'resolveOnTimeRate', 'desc').map((r) => r.label)).toEqual(['市政中心', '城管局', '园林局', '路灯所']);
  });

  it('keeps departments without data last when sorting the other way', () => {
    expect(sortLeague(ROWS, 'resolveOnTimeRate', 'asc').map((r) => r.label)).toEqual(['园林局', '城管局', '市政中心', '路灯所']);
  });

  it('sorts by satisfaction and by count, ties in name order, without changing the input', () => {
    expect(sortLeague(ROWS, 'satisfaction', 'desc').map((r) => r.label)).toEqual(['园林局', '城管局', '市政中心', '路灯所']);
    const byTotal = sortLeague(ROWS, 'total', 'desc').map((r) => r.label);
    expect(byTotal[0]).toBe('城管局');
    expect(byTotal.slice(1, 3).sort()).toEqual(['园林局', '市政中心'].sort());
    expect(byTotal.slice(1, 3)).toEqual([...byTotal.slice(1, 3)].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(ROWS[0].label).toBe('城管局');
  });
});

describe('nextSort', () => {
  it('flips the sorted column and starts another one best first', () => {
    expect(nextSort({ key: 'total', direction: 'desc' }, 'total')).toEqual({ key: 'total', direction: 'asc' });
    expect(nextSort({ key: 'total', direction: 'asc' }, 'satisfaction')).toEqual({ key: 'satisfaction', direction: 'desc' });
  });
});

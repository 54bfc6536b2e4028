import { lastDays, rangeDays, rangeProblem, shortDay } from '../date-range.util';

describe('date ranges', () => {
  it('takes the last 30 Beijing days including today', () => {
    // 2026-12-01 01:00 Beijing is still 2026-11-30 in UTC.
    const now = new Date('2026-11-30T17:00:00Z');
    expect(lastDays(30, now)).toEqual({ from: '2026-11-02', to: '2026-12-01' });
    expect(rangeDays(lastDays(30, now))).toBe(30);
  });

  it('counts both ends and refuses reversed, broken or too long ranges', () => {
    expect(rangeDays({ from: '2026-11-01', to: '2026-11-01' })).toBe(1);
    expect(rangeProblem({ from: '2026-11-02', to: '2026-11-01' })).toBe('开始日期不能晚于结束日期');
    expect(rangeProblem({ from: 'x', to: '2026-11-01' })).toBe('开始日期不能晚于结束日期');
    expect(rangeProblem({ from: '2024-01-01', to: '2026-11-01' })).toContain('不能超过');
    expect(rangeProblem({ from: '2026-11-01', to: '2026-11-30' })).toBeNull();
  });

  it('shortens a day for an axis', () => {
    expect(shortDay('2026-11-30')).toBe('11-30');
    expect(shortDay('2026-W48')).toBe('2026-W48');
  });
});

import { deadlineView, endOfBeijingDayIso, formatDateTime, formatDateValue } from '@/utils/time.util';

const NOW = new Date(2025, 5, 1, 10, 0, 0).getTime();
const at = (hours: number, minutes = 0) => new Date(NOW + hours * 3_600_000 + minutes * 60_000).toISOString();

describe('deadlineView', () => {
  it.each([
    [at(50), '剩余 2天2小时', false],
    [at(3, 15), '剩余 3小时15分钟', false],
    [at(0, 20), '剩余 20分钟', false],
    [at(-5), '已超时 5小时', true],
    [at(-48), '已超时 2天', true],
  ])('shows %s as "%s"', (deadline, text, overdue) => {
    expect(deadlineView(deadline, NOW)).toEqual({ text, overdue });
  });

  it('shows nothing without a deadline', () => {
    expect(deadlineView(null, NOW)).toBeNull();
    expect(deadlineView('not a date', NOW)).toBeNull();
  });
});

describe('formatDateTime', () => {
  it('writes date and minutes on Beijing time, whatever the device’s zone', () => {
    expect(formatDateTime('2025-03-08T06:05:00Z')).toBe('2025-03-08 14:05');
    expect(formatDateTime('2025-03-08T17:30:00Z')).toBe('2025-03-09 01:30');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('yesterday')).toBe('—');
  });
});

describe('formatDateValue and endOfBeijingDayIso', () => {
  it('take the Beijing calendar day', () => {
    expect(formatDateValue(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(endOfBeijingDayIso('2026-01-01')).toBe('2026-01-01T15:59:59.000Z');
  });
});

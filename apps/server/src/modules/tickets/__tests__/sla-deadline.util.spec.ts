import { addWorkingMinutes, deadlinesFrom } from '../sla-deadline.util';

/** Beijing wall-clock time as an instant. */
const bj = (iso: string) => new Date(`${iso}+08:00`);

describe('addWorkingMinutes', () => {
  it('stays within the same working day', () => {
    expect(addWorkingMinutes(bj('2026-11-25T10:00:00'), 90)).toEqual(bj('2026-11-25T11:30:00'));
  });

  it('carries the rest over to the next morning', () => {
    expect(addWorkingMinutes(bj('2026-11-25T17:00:00'), 120)).toEqual(bj('2026-11-26T10:00:00'));
  });

  it('starts counting at 9:00 when reported at night, and skips the weekend', () => {
    expect(addWorkingMinutes(bj('2026-11-25T22:30:00'), 30)).toEqual(bj('2026-11-26T09:30:00'));
    // Friday 17:30 + 4 h → Monday 12:30
    expect(addWorkingMinutes(bj('2026-11-27T17:30:00'), 240)).toEqual(bj('2026-11-30T12:30:00'));
    // Saturday → Monday 9:00 + 1 h
    expect(addWorkingMinutes(bj('2026-11-28T11:00:00'), 60)).toEqual(bj('2026-11-30T10:00:00'));
  });

  it('spans whole weeks: 72 working hours are 8 working days', () => {
    expect(addWorkingMinutes(bj('2026-11-23T09:00:00'), 72 * 60)).toEqual(bj('2026-12-02T18:00:00'));
  });
});

describe('deadlinesFrom', () => {
  it('counts the wall clock for round-the-clock policies', () => {
    const start = bj('2026-11-28T23:00:00');
    expect(deadlinesFrom(start, { acceptWithinMinutes: 30, resolveWithinHours: 4, workingHoursOnly: false })).toEqual({
      acceptBy: bj('2026-11-28T23:30:00'),
      resolveBy: bj('2026-11-29T03:00:00'),
    });
  });

  it('counts working time for office-hours policies', () => {
    const start = bj('2026-11-27T16:00:00');
    expect(deadlinesFrom(start, { acceptWithinMinutes: 240, resolveWithinHours: 9, workingHoursOnly: true })).toEqual({
      acceptBy: bj('2026-11-30T11:00:00'),
      resolveBy: bj('2026-11-30T16:00:00'),
    });
  });
});

import { addWorkingMinutes, deadlinesFrom, type WorkCalendar } from '../sla-deadline.util';

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

describe('addWorkingMinutes with a work calendar', () => {
  // 2026 国庆: 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked (调休).
  const national: WorkCalendar = {
    holidays: new Set(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']),
    workdays: new Set(['2026-09-20', '2026-10-10']),
  };

  it('skips the 国庆 holiday week', () => {
    // Wednesday 09-30 17:00 + 2 h: one hour that day, the next after the holiday (Thursday 10-08).
    expect(addWorkingMinutes(bj('2026-09-30T17:00:00'), 120, national)).toEqual(bj('2026-10-08T10:00:00'));
    expect(addWorkingMinutes(bj('2026-09-30T17:00:00'), 120)).toEqual(bj('2026-10-01T10:00:00'));
  });

  it('counts the make-up Saturday after the holiday', () => {
    // 09-30 17:00 + 27 h: 1 h on 09-30, 9 h on 10-08, 9 h on 10-09, 8 h on Saturday 10-10.
    expect(addWorkingMinutes(bj('2026-09-30T17:00:00'), 27 * 60, national)).toEqual(bj('2026-10-10T17:00:00'));
    // Reported on the make-up Saturday itself: counting starts that morning.
    expect(addWorkingMinutes(bj('2026-10-10T08:00:00'), 60, national)).toEqual(bj('2026-10-10T10:00:00'));
  });

  it('counts a make-up Sunday before the holiday', () => {
    expect(addWorkingMinutes(bj('2026-09-19T12:00:00'), 30, national)).toEqual(bj('2026-09-20T09:30:00'));
  });
});

describe('deadlinesFrom', () => {
  it('applies the calendar to working-hours policies only', () => {
    const calendar: WorkCalendar = { holidays: new Set(['2026-10-01']), workdays: new Set() };
    const start = bj('2026-09-30T17:30:00');
    expect(deadlinesFrom(start, { acceptWithinMinutes: 60, resolveWithinHours: 1, workingHoursOnly: true }, calendar)).toEqual({
      acceptBy: bj('2026-10-02T09:30:00'),
      resolveBy: bj('2026-10-02T09:30:00'),
    });
    expect(deadlinesFrom(start, { acceptWithinMinutes: 60, resolveWithinHours: 1, workingHoursOnly: false }, calendar).acceptBy).toEqual(
      bj('2026-09-30T18:30:00'),
    );
  });

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

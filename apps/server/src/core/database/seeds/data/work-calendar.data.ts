/**
 * Public holidays and make-up workdays (调休) of mainland China, Beijing dates, for working-hours SLA
 * policies. Written by hand from the State Council's yearly notice (国务院办公厅关于节假日安排的通知);
 * it is seeded into an empty `work_calendar_days` table only, after which the table is the admins'.
 *
 * ADMINS MUST CHECK THESE EVERY YEAR against the notice published each November for the next year.
 * 2026: the published arrangement. 2027: only the statutory holidays themselves (全国年节及纪念日放假办法,
 * lunar dates converted by hand); the 2027 bridging days and 调休 workdays were not known when this was
 * written and must be added by an admin through `PUT /api/v1/admin/work-calendar?year=2027`.
 */
export interface WorkCalendarSeed {
  readonly date: string;
  readonly kind: 'holiday' | 'workday';
  readonly name: string;
}

/** Every date from `first` to `last` (inclusive) as a holiday called `name`. */
function holidays(first: string, last: string, name: string): WorkCalendarSeed[] {
  const days: WorkCalendarSeed[] = [];
  for (let day = Date.parse(`${first}T00:00:00Z`); day <= Date.parse(`${last}T00:00:00Z`); day += 86_400_000) {
    days.push({ date: new Date(day).toISOString().slice(0, 10), kind: 'holiday', name });
  }
  return days;
}

const workday = (date: string, name: string): WorkCalendarSeed => ({ date, kind: 'workday', name: `${name}调休上班` });

export const WORK_CALENDAR_2026: readonly WorkCalendarSeed[] = [
  ...holidays('2026-01-01', '2026-01-03', '元旦'),
  workday('2026-01-04', '元旦'),
  workday('2026-02-14', '春节'),
  ...holidays('2026-02-15', '2026-02-23', '春节'),
  workday('2026-02-28', '春节'),
  ...holidays('2026-04-04', '2026-04-06', '清明节'),
  ...holidays('2026-05-01', '2026-05-05', '劳动节'),
  workday('2026-05-09', '劳动节'),
  ...holidays('2026-06-19', '2026-06-21', '端午节'),
  workday('2026-09-20', '国庆节'),
  ...holidays('2026-09-25', '2026-09-27', '中秋节'),
  ...holidays('2026-10-01', '2026-10-07', '国庆节'),
  workday('2026-10-10', '国庆节'),
];

export const WORK_CALENDAR_2027: readonly WorkCalendarSeed[] = [
  ...holidays('2027-01-01', '2027-01-01', '元旦'),
  ...holidays('2027-02-05', '2027-02-08', '春节'),
  ...holidays('2027-04-05', '2027-04-05', '清明节'),
  ...holidays('2027-05-01', '2027-05-02', '劳动节'),
  ...holidays('2027-06-09', '2027-06-09', '端午节'),
  ...holidays('2027-09-15', '2027-09-15', '中秋节'),
  ...holidays('2027-10-01', '2027-10-03', '国庆节'),
];

export const WORK_CALENDAR_DAYS: readonly WorkCalendarSeed[] = [...WORK_CALENDAR_2026, ...WORK_CALENDAR_2027];

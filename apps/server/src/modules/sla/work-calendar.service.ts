import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@ssp/contracts';
import type { AuthUser } from '../../core/auth/auth-user';
import { DomainError } from '../../core/errors/domain.error';
import { AuditService } from '../audit/audit.service';
import { isWorkingDay, type WorkCalendar } from '../tickets/sla-deadline.util';
import type { PutWorkCalendarDto, WorkCalendarDayDto, WorkCalendarDto } from './dto/work-calendar.dto';
import type { WorkCalendarDay } from './entities/work-calendar-day.entity';
import { WorkCalendarRepository } from './work-calendar.repository';

/** Another instance's edit reaches this one within this long; its own edits at once. */
const CALENDAR_TTL_MS = 60_000;

const toView = (day: WorkCalendarDay): WorkCalendarDayDto => ({ date: day.date, kind: day.kind, name: day.name });
const auditLines = (days: WorkCalendarDayDto[]) => days.map((day) => `${day.date} ${day.kind} ${day.name}`);

function weekdayOf(date: string): number | null {
  const instant = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(instant) || new Date(instant).toISOString().slice(0, 10) !== date ? null : new Date(instant).getUTCDay();
}

/** Public holidays and make-up workdays (Asia/Shanghai), edited by admins, read by deadline computation. */
@Injectable()
export class WorkCalendarService {
  private cache: { loadedAt: number; calendar: Promise<WorkCalendar> } | null = null;

  constructor(
    private readonly repository: WorkCalendarRepository,
    private readonly audit: AuditService,
  ) {}

  /** The calendar as data for `deadlinesFrom`, cached for a minute. */
  calendar(now = Date.now()): Promise<WorkCalendar> {
    if (!this.cache || now - this.cache.loadedAt > CALENDAR_TTL_MS) {
      const calendar = this.repository.all().then((days) => ({
        holidays: new Set(days.filter((day) => day.kind === 'holiday').map((day) => day.date)),
        workdays: new Set(days.filter((day) => day.kind === 'workday').map((day) => day.date)),
      }));
      this.cache = { loadedAt: now, calendar };
      calendar.catch(() => (this.cache = null));
    }
    return this.cache.calendar;
  }

  async year(year: number): Promise<WorkCalendarDto> {
    return { year, days: (await this.repository.ofYear(year)).map(toView) };
  }

  /** Replaces a year's exceptions; applies to deadlines computed afterwards (dispatches, transfers, reopens). */
  async replaceYear(actor: AuthUser, year: number, body: PutWorkCalendarDto): Promise<WorkCalendarDto> {
    const days = body.days
      .map((day) => ({ date: day.date, kind: day.kind, name: day.name.trim() }))
      .sort((a, b) => a.date.localeCompare(b.date));
    this.check(year, days);
    const result = await this.repository.transaction(async (manager) => {
      const before = (await this.repository.ofYear(year, manager)).map(toView);
      await this.repository.replaceYear(manager, year, days);
      await this.audit.record(manager, actor.id, 'update', 'work_calendar', String(year), { days: auditLines(before) }, { days: auditLines(days) });
      return { year, days };
    });
    this.cache = null;
    return result;
  }

  private check(year: number, days: WorkCalendarDayDto[]): void {
    const seen = new Set<string>();
    for (const day of days) {
      const weekday = weekdayOf(day.date);
      if (weekday === null || !day.date.startsWith(`${year}-`)) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `日期 ${day.date} 不是 ${year} 年的有效日期`, { date: day.date });
      }
      if (seen.has(day.date)) throw new DomainError(ErrorCode.VALIDATION_FAILED, `日期 ${day.date} 重复`, { date: day.date });
      seen.add(day.date);
      if (day.kind === 'workday' && isWorkingDay(day.date, weekday, { holidays: new Set(), workdays: new Set() })) {
        throw new DomainError(ErrorCode.BUSINESS_RULE, `${day.date} 本就是工作日，调休上班只能设在周末`, { date: day.date });
      }
    }
  }
}

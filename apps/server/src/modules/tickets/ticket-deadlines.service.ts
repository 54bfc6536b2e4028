import { Injectable } from '@nestjs/common';
import type { SlaPolicy } from '../sla/entities/sla-policy.entity';
import { WorkCalendarService } from '../sla/work-calendar.service';
import { deadlinesFrom } from './sla-deadline.util';
import { TicketsRepository } from './tickets.repository';

/** The policy used when a ticket has no category (or its category none): 一般. */
const FALLBACK_SLA = 'NORMAL';

@Injectable()
export class TicketDeadlinesService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly calendar: WorkCalendarService,
  ) {}

  /**
   * The SLA policy of a ticket dispatched now: the one the routing rule names (when it still exists),
   * else its category's (or its 大类's), else 一般.
   */
  async policyFor(categoryId: string | null, slaPolicyCode?: string | null): Promise<SlaPolicy> {
    const chosen = slaPolicyCode ? await this.tickets.slaTermsFor(null, slaPolicyCode) : null;
    const policy = chosen ?? (await this.tickets.slaTermsFor(categoryId, FALLBACK_SLA));
    if (!policy) throw new Error(`SLA policy ${FALLBACK_SLA} is missing: run the seed`);
    return policy;
  }

  /**
   * Deadlines of a ticket dispatched now to a department, from policyFor and the work calendar, in whole
   * seconds: what the deadline columns hold on MySQL/MariaDB (which would truncate or round the rest), so
   * every engine stores the same instant and the caller's copy equals the row.
   */
  async deadlinesFor(categoryId: string | null, now: Date, slaPolicyCode?: string | null): Promise<{ acceptBy: Date; resolveBy: Date }> {
    const [policy, calendar] = await Promise.all([this.policyFor(categoryId, slaPolicyCode), this.calendar.calendar()]);
    const { acceptBy, resolveBy } = deadlinesFrom(now, policy, calendar);
    return { acceptBy: wholeSeconds(acceptBy), resolveBy: wholeSeconds(resolveBy) };
  }

  /**
   * When a ticket overdue since `resolveBy` is escalated (督办): once it is late by its policy's whole
   * resolve time again, counted the same way (working hours and calendar, or the wall clock).
   */
  async escalationDue(categoryId: string | null, resolveBy: Date): Promise<{ at: Date; policy: SlaPolicy }> {
    const [policy, calendar] = await Promise.all([this.policyFor(categoryId), this.calendar.calendar()]);
    return { at: deadlinesFrom(resolveBy, policy, calendar).resolveBy, policy };
  }
}

function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

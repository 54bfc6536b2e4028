import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
import { IntervalJob } from '../../core/jobs/interval-job';
import { TicketNotificationsService } from '../notifications/ticket-notifications.service';
import { TicketDeadlinesService } from '../tickets/ticket-deadlines.service';
import { Clock } from './clock.service';
import { SlaCheckRepository, type SlaCandidate } from './sla-check.repository';

/** Tickets looked at per step and run; the next run takes the rest. */
const BATCH = 200;

export interface SlaCheckOutcome {
  /** 催办: tickets newly marked overdue by this run. */
  urged: number;
  /** 督办: tickets escalated to their policy's escalation target by this run. */
  escalated: number;
}

/**
 * The SLA check (ARCHITECTURE.md §8), every SLA_CHECK_SECONDS in each instance that runs it:
 * - 催办: an open ticket past its sign-for deadline (while dispatched) or its resolve deadline is marked
 *   overdue, and its department is told (`ticket.escalated`);
 * - 督办: a ticket still open when it is late by its policy's whole resolve time again is escalated to the
 *   policy's escalation target, once per deadline (an approved extension or a re-dispatch starts over).
 * Each is claimed by a conditional update; only the instance whose update matched writes the event and
 * the outbox messages, in the same transaction, so several instances never double-escalate.
 */
@Injectable()
export class SlaCheckJob extends IntervalJob {
  protected readonly logger = new Logger(SlaCheckJob.name);

  constructor(
    private readonly repository: SlaCheckRepository,
    private readonly deadlines: TicketDeadlinesService,
    private readonly notifications: TicketNotificationsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  protected intervalSeconds(): number | null {
    return this.config.sla.check === 'off' ? null : this.config.sla.checkSeconds;
  }

  /** One pass over late tickets at the clock's time, after this instance's previous pass. */
  runOnce(): Promise<SlaCheckOutcome> {
    return this.serially(() => this.pass());
  }

  protected async scheduledPass(): Promise<string | null> {
    const outcome = await this.pass();
    return outcome.urged + outcome.escalated > 0 ? `SLA check: ${outcome.urged} 催办, ${outcome.escalated} 督办` : null;
  }

  private async pass(): Promise<SlaCheckOutcome> {
    const now = this.clock.now();
    let urged = 0;
    for (const ticket of await this.repository.newlyOverdue(now, BATCH)) {
      if (await this.urge(ticket, now)) urged += 1;
    }
    let escalated = 0;
    for (const ticket of await this.repository.unescalated(now, BATCH)) {
      if (await this.escalate(ticket, now)) escalated += 1;
    }
    return { urged, escalated };
  }

  private urge(ticket: SlaCandidate, now: Date): Promise<boolean> {
    const acceptLate = ticket.status === 'dispatched' && ticket.acceptBy !== null && ticket.acceptBy < now;
    const note = acceptLate ? '已超过签收时限，请尽快签收' : '已超过办结时限，请尽快办结';
    return this.repository.transaction(async (manager) => {
      if (!(await this.repository.claimOverdue(manager, ticket.id, now))) return false;
      await this.repository.insertEvent(manager, {
        ticketId: ticket.id,
        action: 'urge',
        fromStatus: ticket.status,
        toStatus: ticket.status,
        actorId: null,
        actorRole: 'system',
        note,
        departmentId: ticket.departmentId,
        createdAt: now,
      });
      await this.notifications.ticketChanged(manager, {
        ticketId: ticket.id,
        kind: 'escalated',
        fromStatus: ticket.status,
        previousDepartmentId: ticket.departmentId,
        actorId: null,
        note,
        occurredAt: now,
      });
      return true;
    });
  }

  private async escalate(ticket: SlaCandidate, now: Date): Promise<boolean> {
    const resolveBy = ticket.resolveBy;
    if (!resolveBy) return false;
    const due = await this.deadlines.escalationDue(ticket.categoryId, resolveBy);
    if (now < due.at) return false;
    const target = due.policy.escalateToDepartmentId;
    const note = `超过办结时限${due.policy.resolveWithinHours}小时仍未办结，已督办`;
    return this.repository.transaction(async (manager) => {
      if (!(await this.repository.claimEscalation(manager, ticket.id, resolveBy))) return false;
      await this.repository.insertEvent(manager, {
        ticketId: ticket.id,
        action: 'escalate',
        fromStatus: ticket.status,
        toStatus: ticket.status,
        actorId: null,
        actorRole: 'system',
        note,
        departmentId: target ?? ticket.departmentId,
        createdAt: now,
      });
      await this.notifications.ticketChanged(manager, {
        ticketId: ticket.id,
        kind: 'escalated',
        fromStatus: ticket.status,
        previousDepartmentId: ticket.departmentId,
        actorId: null,
        note,
        escalateToDepartmentId: target,
        occurredAt: now,
      });
      return true;
    });
  }
}

import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config';
import { APP_CONFIG } from '../../core/config/config.module';
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
export class SlaCheckJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlaCheckJob.name);
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  /** The previous pass of this instance: passes of one instance never overlap (SQLite has one connection). */
  private previous: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repository: SlaCheckRepository,
    private readonly deadlines: TicketDeadlinesService,
    private readonly notifications: TicketNotificationsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.sla.check === 'off') return;
    this.timer = setInterval(() => this.tick(), this.config.sla.checkSeconds * 1000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current;
  }

  /** One pass over late tickets at the clock's time, after this instance's previous pass. */
  runOnce(): Promise<SlaCheckOutcome> {
    const pass = this.previous.then(() => this.pass());
    this.previous = pass.catch(() => undefined);
    return pass;
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

  private tick(): void {
    if (this.current) return;
    this.current = this.runOnce()
      .then((outcome) => {
        if (outcome.urged + outcome.escalated > 0) this.logger.log(`SLA check: ${outcome.urged} 催办, ${outcome.escalated} 督办`);
      })
      .catch((error: unknown) => this.logger.error(`SLA check failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (this.current = null));
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

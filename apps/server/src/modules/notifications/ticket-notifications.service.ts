import { Injectable } from '@nestjs/common';
import type { TicketStatus } from '@ssp/contracts';
import type { EntityManager } from 'typeorm';
import { OutboxService, type OutboxDraft } from '../../core/outbox/outbox.service';
import type { Department } from '../departments/entities/department.entity';
import type { Ticket } from '../tickets/entities/ticket.entity';
import { NotificationsRepository } from './notifications.repository';
import { departmentTopicOf, hasResidentNotice, ticketMessages, type TicketChangeKind, type WebhookTicket } from './ticket-messages.util';

/** A ticket change as the code that made it knows it, inside its transaction. */
export interface TicketChange {
  ticketId: string;
  kind: TicketChangeKind;
  fromStatus: TicketStatus | null;
  /** The department before the change (transfer tells both). */
  previousDepartmentId: string | null;
  /** Whoever acted is not notified of their own act. */
  actorId: string | null;
  note: string | null;
  /** merge: the ticket this one joined. */
  mergedIntoId?: string | null;
  /** escalated (督办): the SLA policy's escalation target, told besides the ticket's department. */
  escalateToDepartmentId?: string | null;
  occurredAt: Date;
  /**
   * The ticket exactly as this transaction just wrote it (a ticket it opened), with its category and
   * department: not read back. Omit it whenever the row may differ from what the caller holds.
   */
  written?: MessageTicket;
}

/** What the messages say about a ticket. */
export type MessageTicket = Pick<
  Ticket,
  'id' | 'ticketNo' | 'status' | 'priority' | 'regionCode' | 'departmentId' | 'description' | 'lat' | 'lng' | 'supporterCount' | 'acceptBy' | 'resolveBy' | 'createdAt'
> & { category?: { code: string; name: string } | null; department?: { code: string; name: string } | null };

export function toWebhookTicket(ticket: MessageTicket): WebhookTicket {
  const iso = (date: Date | null) => (date ? date.toISOString() : null);
  return {
    id: ticket.id,
    ticketNo: ticket.ticketNo,
    status: ticket.status,
    priority: ticket.priority,
    category: ticket.category ? { code: ticket.category.code, name: ticket.category.name } : null,
    regionCode: ticket.regionCode,
    department: ticket.department ? { code: ticket.department.code, name: ticket.department.name } : null,
    description: ticket.description,
    location: { lat: ticket.lat, lng: ticket.lng, coordSystem: 'gcj02' },
    supporterCount: ticket.supporterCount,
    acceptBy: iso(ticket.acceptBy),
    resolveBy: iso(ticket.resolveBy),
    createdAt: ticket.createdAt.toISOString(),
  };
}

/**
 * Turns ticket changes into outbox messages in the same transaction as the change and its event
 * (ARCHITECTURE.md §5, §8): department webhooks and resident notices commit with the event or not at all.
 */
@Injectable()
export class TicketNotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly outbox: OutboxService,
  ) {}

  ticketChanged(manager: EntityManager, change: TicketChange): Promise<void> {
    return this.ticketsChanged(manager, [change]);
  }

  /**
   * The messages of several changes in one transaction (intake's group commit opens many tickets at
   * once): one lookup of the departments with a webhook for all of them, one insert of every message.
   */
  async ticketsChanged(manager: EntityManager, changes: readonly TicketChange[]): Promise<void> {
    const facts: Array<{ change: TicketChange; ticket: MessageTicket; mergedInto: MessageTicket | null; previous: Department | null; departmentIds: string[] }> = [];
    for (const change of changes) {
      if (!departmentTopicOf(change.kind) && !hasResidentNotice(change.kind)) continue;
      const ticket = change.written ?? (await this.repository.ticketWithRelations(manager, change.ticketId));
      if (!ticket) throw new Error(`ticket ${change.ticketId} vanished in its own transaction`);
      const mergedInto = change.mergedIntoId ? await this.repository.ticketWithRelations(manager, change.mergedIntoId) : null;
      const previous =
        change.previousDepartmentId && change.previousDepartmentId !== ticket.departmentId
          ? await this.repository.department(manager, change.previousDepartmentId)
          : null;
      const departmentIds = departmentTopicOf(change.kind)
        ? [ticket.departmentId, mergedInto?.departmentId, previous?.id, change.escalateToDepartmentId].filter((id): id is string => typeof id === 'string')
        : [];
      facts.push({ change, ticket, mergedInto, previous, departmentIds });
    }
    if (facts.length === 0) return;
    const webhookDepartmentIds = await this.repository.withWebhook(manager, [...new Set(facts.flatMap((fact) => fact.departmentIds))]);
    const drafts: OutboxDraft[] = [];
    for (const { change, ticket, mergedInto, previous } of facts) {
      const reporters = hasResidentNotice(change.kind) ? await this.repository.reportersOf(manager, ticket.id) : [];
      drafts.push(
        ...ticketMessages({
          kind: change.kind,
          occurredAt: change.occurredAt,
          fromStatus: change.fromStatus,
          note: change.note,
          ticket: toWebhookTicket(ticket),
          departmentId: ticket.departmentId,
          previousDepartment: previous ? { id: previous.id, code: previous.code, name: previous.name } : null,
          mergedInto: mergedInto ? { ticket: toWebhookTicket(mergedInto), departmentId: mergedInto.departmentId } : null,
          escalationDepartmentId: change.escalateToDepartmentId ?? null,
          webhookDepartmentIds,
          residents: reporters.filter((reporter) => reporter.userId !== change.actorId),
        }),
      );
    }
    await this.outbox.enqueue(manager, drafts);
  }
}

import { Injectable } from '@nestjs/common';
import type { TicketStatus } from '@ssp/contracts';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '../../core/outbox/outbox.service';
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

  async ticketChanged(manager: EntityManager, change: TicketChange): Promise<void> {
    if (!departmentTopicOf(change.kind) && !hasResidentNotice(change.kind)) return;
    const ticket = change.written ?? (await this.repository.ticketWithRelations(manager, change.ticketId));
    if (!ticket) throw new Error(`ticket ${change.ticketId} vanished in its own transaction`);
    const mergedInto = change.mergedIntoId ? await this.repository.ticketWithRelations(manager, change.mergedIntoId) : null;
    const previous =
      change.previousDepartmentId && change.previousDepartmentId !== ticket.departmentId
        ? await this.repository.department(manager, change.previousDepartmentId)
        : null;
    const escalationDepartmentId = change.escalateToDepartmentId ?? null;
    const departmentIds = [ticket.departmentId, mergedInto?.departmentId, previous?.id, escalationDepartmentId].filter((id): id is string => typeof id === 'string');
    const webhookDepartmentIds = departmentTopicOf(change.kind) ? await this.repository.withWebhook(manager, departmentIds) : new Set<string>();
    const reporters = hasResidentNotice(change.kind) ? await this.repository.reportersOf(manager, ticket.id) : [];
    const drafts = ticketMessages({
      kind: change.kind,
      occurredAt: change.occurredAt,
      fromStatus: change.fromStatus,
      note: change.note,
      ticket: toWebhookTicket(ticket),
      departmentId: ticket.departmentId,
      previousDepartment: previous ? { id: previous.id, code: previous.code, name: previous.name } : null,
      mergedInto: mergedInto ? { ticket: toWebhookTicket(mergedInto), departmentId: mergedInto.departmentId } : null,
      escalationDepartmentId,
      webhookDepartmentIds,
      residents: reporters.filter((reporter) => reporter.userId !== change.actorId),
    });
    await this.outbox.enqueue(manager, drafts);
  }
}

import type { TicketAction, TicketStatus } from '@ssp/contracts';
import type { OutboxDraft } from '../../core/outbox/outbox.service';
import { RESIDENT_NOTICE_TOPIC, outboxTopicOf, type DepartmentTopic } from './notification-topics';

/** A change that may leave the process: a transition of the lifecycle, or an escalation (督办). */
export type TicketChangeKind = TicketAction | 'escalated';

export interface NamedRef {
  code: string;
  name: string;
}

/**
 * The ticket as department systems receive it: the problem, where, who handles it, by when. No
 * resident data (no reporter, openid, phone, report ids or the reporter's own position).
 */
export interface WebhookTicket {
  id: string;
  ticketNo: string;
  status: TicketStatus;
  priority: number;
  category: NamedRef | null;
  regionCode: string | null;
  department: NamedRef | null;
  /** As staff see it: words admins mark "mask" are starred. */
  description: string;
  /** The problem's place (GCJ-02). */
  location: { lat: number; lng: number; coordSystem: 'gcj02' };
  supporterCount: number;
  acceptBy: string | null;
  resolveBy: string | null;
  createdAt: string;
}

export interface TicketFacts {
  kind: TicketChangeKind;
  occurredAt: Date;
  fromStatus: TicketStatus | null;
  note: string | null;
  /** The ticket after the change, and the department it belongs to now (id alongside the view). */
  ticket: WebhookTicket;
  departmentId: string | null;
  /** transfer: where it came from. */
  previousDepartment: (NamedRef & { id: string }) | null;
  /** merge: the ticket it joined (after the change), and that ticket's department. */
  mergedInto: { ticket: WebhookTicket; departmentId: string | null } | null;
  /** escalated (督办): the escalation target, told besides the ticket's department. */
  escalationDepartmentId?: string | null;
  /** Departments with a webhook URL; only they get webhook messages. */
  webhookDepartmentIds: ReadonlySet<string>;
  /** The residents whose reports point at the ticket, except whoever made the change. */
  residents: ReadonlyArray<{ userId: string; reportId: string; reportNo: string }>;
}

export interface DepartmentWebhookPayload extends Record<string, unknown> {
  departmentId: string;
  topic: DepartmentTopic;
  occurredAt: string;
  ticket: WebhookTicket;
  event: {
    action: TicketChangeKind;
    fromStatus: TicketStatus | null;
    toStatus: TicketStatus;
    note: string | null;
    previousDepartment?: NamedRef;
    mergedTicketNo?: string;
  };
}

export interface ResidentNoticePayload extends Record<string, unknown> {
  userId: string;
  reportId: string;
  reportNo: string;
  ticketNo: string;
  action: TicketChangeKind;
  status: TicketStatus;
  /** Short Chinese status (WeChat `phrase`, ≤ 5 characters). */
  statusLabel: string;
  /** One Chinese sentence (WeChat `thing`, ≤ 20 characters after trimming). */
  summary: string;
  occurredAt: string;
}

/** Which department topic an action sends, if any (the acting department is never told of its own act). */
export function departmentTopicOf(kind: TicketChangeKind): DepartmentTopic | null {
  switch (kind) {
    case 'open_dispatched':
    case 'dispatch':
      return 'ticket.dispatched';
    case 'transfer':
      return 'ticket.transferred';
    case 'reopen':
      return 'ticket.reopened';
    case 'merge':
      return 'ticket.merged_in';
    case 'supporter_joined':
      return 'ticket.supporter_joined';
    case 'escalated':
      return 'ticket.escalated';
    default:
      return null;
  }
}

type NoticeFacts = Pick<TicketFacts, 'ticket' | 'note' | 'mergedInto'>;
type Notice = { statusLabel: string; summary: string };

const departmentName = (facts: NoticeFacts) => facts.ticket.department?.name ?? '责任部门';

/** What residents are told, per change; changes not listed are internal workflow. */
const NOTICES: Partial<Record<TicketChangeKind, (facts: NoticeFacts) => Notice>> = {
  dispatch: (facts) => ({ statusLabel: '已派单', summary: `已派发至${departmentName(facts)}` }),
  accept: (facts) => ({ statusLabel: '处理中', summary: `${departmentName(facts)}已签收` }),
  transfer: (facts) => ({ statusLabel: '已转派', summary: `已转交${departmentName(facts)}` }),
  approve_extension: (facts) => ({ statusLabel: '已延期', summary: `办理时限延至${beijingDate(facts.ticket.resolveBy)}` }),
  resolve: () => ({ statusLabel: '已办结', summary: '问题已办结，请查看并评价' }),
  reject: (facts) => ({ statusLabel: '不予受理', summary: facts.note ? `原因：${facts.note}` : '上报未予受理' }),
  merge: (facts) => ({ statusLabel: '已合并', summary: `已并入工单${facts.mergedInto?.ticket.ticketNo ?? ''}` }),
  reopen: () => ({ statusLabel: '重新办理', summary: '已重新派单办理' }),
  auto_close: () => ({ statusLabel: '已结案', summary: '工单已结案' }),
};

export function residentNoticeOf(kind: TicketChangeKind, facts: NoticeFacts): Notice | null {
  return NOTICES[kind]?.(facts) ?? null;
}

function beijingDate(iso: string | null): string {
  if (!iso) return '新时限';
  const beijing = new Date(Date.parse(iso) + 8 * 3600_000);
  return `${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日`;
}

/** Whether residents hear of a change of this kind (saves the lookups for the others). */
export function hasResidentNotice(kind: TicketChangeKind): boolean {
  return NOTICES[kind] !== undefined;
}

/** The outbox messages of one change: webhooks to the departments concerned, notices to residents. */
export function ticketMessages(facts: TicketFacts): OutboxDraft[] {
  const drafts: OutboxDraft[] = [];
  const topic = departmentTopicOf(facts.kind);
  if (topic) {
    // A merge is news for the ticket it joined; everything else for the ticket itself.
    const subject = facts.kind === 'merge' ? facts.mergedInto : { ticket: facts.ticket, departmentId: facts.departmentId };
    const targets = new Set<string>();
    if (subject?.departmentId) targets.add(subject.departmentId);
    // A transfer also tells the department that no longer has the ticket.
    if (facts.kind === 'transfer' && facts.previousDepartment) targets.add(facts.previousDepartment.id);
    if (facts.kind === 'escalated' && facts.escalationDepartmentId) targets.add(facts.escalationDepartmentId);
    for (const departmentId of targets) {
      if (!subject || !facts.webhookDepartmentIds.has(departmentId)) continue;
      const payload: DepartmentWebhookPayload = {
        departmentId,
        topic,
        occurredAt: facts.occurredAt.toISOString(),
        ticket: subject.ticket,
        event: {
          action: facts.kind,
          fromStatus: facts.fromStatus,
          toStatus: facts.ticket.status,
          note: facts.note,
          ...(facts.previousDepartment ? { previousDepartment: { code: facts.previousDepartment.code, name: facts.previousDepartment.name } } : {}),
          ...(facts.kind === 'merge' ? { mergedTicketNo: facts.ticket.ticketNo } : {}),
        },
      };
      drafts.push({ topic: outboxTopicOf(topic), payload });
    }
  }
  const notice = residentNoticeOf(facts.kind, facts);
  if (notice) {
    for (const resident of facts.residents) {
      const payload: ResidentNoticePayload = {
        ...resident,
        ticketNo: facts.ticket.ticketNo,
        action: facts.kind,
        status: facts.ticket.status,
        ...notice,
        occurredAt: facts.occurredAt.toISOString(),
      };
      drafts.push({ topic: RESIDENT_NOTICE_TOPIC, payload });
    }
  }
  return drafts;
}

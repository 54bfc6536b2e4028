import type { UserRole } from './users';

/** Ticket (工单) states of ARCHITECTURE.md §5. Overdue is a flag, not a state. */
export const TICKET_STATUSES = ['pending_triage', 'dispatched', 'in_progress', 'resolved', 'closed', 'rejected', 'merged'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Actions a person takes through `POST /api/v1/tickets/:id/actions`. */
export const STAFF_ADMIN_ACTIONS = [
  'dispatch',
  'reject',
  'accept',
  'return',
  'transfer',
  'request_transfer',
  'request_extension',
  'approve_extension',
  'deny_extension',
  'resolve',
  'reclassify',
  'merge',
  'split',
] as const;
export type StaffAdminAction = (typeof STAFF_ADMIN_ACTIONS)[number];

/** Actions of the resident who reported (through the rating endpoint) and of the system. */
export type ResidentAction = 'confirm' | 'reopen';
/** `urge` (催办) and `escalate` (督办) are written by the SLA check when a deadline passed. */
export type SystemAction = 'open_dispatched' | 'open_triage' | 'auto_close' | 'supporter_joined' | 'merged_in' | 'urge' | 'escalate';
export type TicketAction = StaffAdminAction | ResidentAction | SystemAction;

export type Actor = UserRole | 'system';

/** What an action needs in its request besides `version`. */
export interface ActionRequirements {
  note: boolean;
  departmentCode: boolean;
  until: boolean;
  /** reclassify: the corrected category (小类) */
  categoryCode?: boolean;
  /** merge: the ticket number this one is merged into */
  targetTicketNo?: boolean;
  /** split: the report taken out into a ticket of its own */
  reportId?: boolean;
}

export interface TicketTransition {
  action: TicketAction;
  from: readonly TicketStatus[] | 'none';
  /** `'same'`: the status does not change (a request or a decision recorded on the ticket). */
  to: TicketStatus | 'same';
  actors: readonly Actor[];
  /** staff act only on tickets of their own department; the resident only on tickets of their report. */
  scope: 'any' | 'own_department' | 'reporter';
  requires: ActionRequirements;
  /** Only while an extension request waits for a decision. */
  needsPendingExtension?: boolean;
  /** Chinese label for buttons and the timeline. */
  label: string;
}

/** States in which a ticket's category, duplicates and reports can still be corrected. */
const OPEN_FOR_CORRECTION: readonly TicketStatus[] = ['pending_triage', 'dispatched', 'in_progress'];

const none: ActionRequirements = { note: false, departmentCode: false, until: false };
const note: ActionRequirements = { note: true, departmentCode: false, until: false };

/** The ticket lifecycle: the only source of which action is allowed from which state, by whom. */
export const TICKET_TRANSITIONS: readonly TicketTransition[] = [
  { action: 'open_dispatched', from: 'none', to: 'dispatched', actors: ['system'], scope: 'any', requires: none, label: '派单' },
  { action: 'open_triage', from: 'none', to: 'pending_triage', actors: ['system'], scope: 'any', requires: none, label: '待分拨' },
  {
    action: 'dispatch',
    from: ['pending_triage'],
    to: 'dispatched',
    actors: ['admin'],
    scope: 'any',
    requires: { note: false, departmentCode: true, until: false },
    label: '派单',
  },
  { action: 'reject', from: ['pending_triage'], to: 'rejected', actors: ['admin'], scope: 'any', requires: note, label: '不予受理' },
  { action: 'accept', from: ['dispatched'], to: 'in_progress', actors: ['staff'], scope: 'own_department', requires: none, label: '签收' },
  {
    action: 'return',
    from: ['dispatched', 'in_progress'],
    to: 'pending_triage',
    actors: ['staff'],
    scope: 'own_department',
    requires: note,
    label: '退单',
  },
  {
    action: 'transfer',
    from: ['dispatched', 'in_progress'],
    to: 'dispatched',
    actors: ['admin'],
    scope: 'any',
    requires: { note: true, departmentCode: true, until: false },
    label: '转派',
  },
  {
    action: 'request_transfer',
    from: ['dispatched', 'in_progress'],
    to: 'same',
    actors: ['staff'],
    scope: 'own_department',
    requires: note,
    label: '申请转派',
  },
  {
    action: 'request_extension',
    from: ['in_progress'],
    to: 'same',
    actors: ['staff'],
    scope: 'own_department',
    requires: { note: true, departmentCode: false, until: true },
    label: '申请延期',
  },
  {
    action: 'approve_extension',
    from: ['in_progress'],
    to: 'same',
    actors: ['admin'],
    scope: 'any',
    requires: none,
    needsPendingExtension: true,
    label: '批准延期',
  },
  {
    action: 'deny_extension',
    from: ['in_progress'],
    to: 'same',
    actors: ['admin'],
    scope: 'any',
    requires: note,
    needsPendingExtension: true,
    label: '驳回延期',
  },
  { action: 'resolve', from: ['in_progress'], to: 'resolved', actors: ['staff'], scope: 'own_department', requires: note, label: '办结' },
  { action: 'confirm', from: ['resolved'], to: 'closed', actors: ['resident'], scope: 'reporter', requires: none, label: '确认办结' },
  { action: 'reopen', from: ['resolved'], to: 'dispatched', actors: ['resident'], scope: 'reporter', requires: note, label: '不满意重办' },
  { action: 'auto_close', from: ['resolved'], to: 'closed', actors: ['system'], scope: 'any', requires: none, label: '自动结案' },
  {
    action: 'reclassify',
    from: OPEN_FOR_CORRECTION,
    to: 'same',
    actors: ['staff', 'admin'],
    scope: 'own_department',
    requires: { ...none, categoryCode: true },
    label: '更正分类',
  },
  {
    action: 'merge',
    from: OPEN_FOR_CORRECTION,
    to: 'merged',
    actors: ['staff', 'admin'],
    scope: 'own_department',
    requires: { ...note, targetTicketNo: true },
    label: '合并到其他工单',
  },
  {
    action: 'split',
    from: OPEN_FOR_CORRECTION,
    to: 'same',
    actors: ['staff', 'admin'],
    scope: 'own_department',
    requires: { ...note, reportId: true },
    label: '拆分上报',
  },
  // Events recorded on a ticket by the intake pipeline (a duplicate joined) or by a merge of another ticket.
  { action: 'supporter_joined', from: OPEN_FOR_CORRECTION, to: 'same', actors: ['system'], scope: 'any', requires: none, label: '市民附议' },
  { action: 'merged_in', from: OPEN_FOR_CORRECTION, to: 'same', actors: ['system'], scope: 'any', requires: none, label: '并入工单' },
  // The SLA check: 催办 when a deadline passed, 督办 to the policy's escalation target when it stays overdue.
  { action: 'urge', from: ['dispatched', 'in_progress'], to: 'same', actors: ['system'], scope: 'any', requires: none, label: '催办' },
  { action: 'escalate', from: ['dispatched', 'in_progress'], to: 'same', actors: ['system'], scope: 'any', requires: none, label: '督办' },
];

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  pending_triage: '待分拨',
  dispatched: '待签收',
  in_progress: '处理中',
  resolved: '已办结',
  closed: '已结案',
  rejected: '不予受理',
  merged: '已合并',
};

export function transitionOf(action: TicketAction): TicketTransition {
  const transition = TICKET_TRANSITIONS.find((t) => t.action === action);
  if (!transition) throw new Error(`no transition for action ${action}`);
  return transition;
}

export interface ActionContext {
  status: TicketStatus;
  hasPendingExtension: boolean;
  role: UserRole;
  /** staff: the ticket belongs to their department; resident: the ticket is their report's. */
  owns: boolean;
}

export type ActionRefusal = 'wrong_role' | 'not_owner' | 'wrong_state' | 'no_pending_extension';

/** Why `action` may not be taken in this context, or null when it may. Server and client share it. */
export function refusalOf(action: TicketAction, context: ActionContext): ActionRefusal | null {
  const transition = transitionOf(action);
  if (!transition.actors.includes(context.role)) return 'wrong_role';
  if (transition.scope !== 'any' && !context.owns) return 'not_owner';
  if (transition.from === 'none' || !transition.from.includes(context.status)) return 'wrong_state';
  if (transition.needsPendingExtension && !context.hasPendingExtension) return 'no_pending_extension';
  if (action === 'request_extension' && context.hasPendingExtension) return 'wrong_state';
  return null;
}

/** The staff/admin actions the client shows as buttons for this ticket. */
export function availableActions(context: ActionContext): StaffAdminAction[] {
  return STAFF_ADMIN_ACTIONS.filter((action) => refusalOf(action, context) === null);
}

import type { RulePriority } from '@ssp/rules';

/**
 * How a routing rule's priority is stored in the ticket's integer `priority` column: higher is more
 * pressing, and 0 — the column's default, which every ticket opened before routing rules has — is
 * 普通. Lists that order by priority put `urgent` (2) first and `low` (-1) last.
 */
export const TICKET_PRIORITY: Readonly<Record<RulePriority, number>> = {
  low: -1,
  normal: 0,
  high: 1,
  urgent: 2,
};

export function ticketPriorityOf(priority: RulePriority): number {
  return TICKET_PRIORITY[priority];
}

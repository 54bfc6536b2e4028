/**
 * Topics of the messages tickets send out. Department webhooks carry the part after `department.` as
 * their `topic`; `ticket.escalated` is sent by the SLA job (督办) through the same path.
 */
export const DEPARTMENT_TOPICS = [
  'ticket.dispatched',
  'ticket.transferred',
  'ticket.reopened',
  'ticket.merged_in',
  'ticket.supporter_joined',
  'ticket.escalated',
] as const;
export type DepartmentTopic = (typeof DEPARTMENT_TOPICS)[number];

export const DEPARTMENT_TOPIC_PREFIX = 'department.';
export const RESIDENT_NOTICE_TOPIC = 'resident.ticket.status';

export function outboxTopicOf(topic: DepartmentTopic): string {
  return `${DEPARTMENT_TOPIC_PREFIX}${topic}`;
}

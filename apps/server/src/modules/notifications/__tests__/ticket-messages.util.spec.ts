import { ticketMessages, type TicketFacts, type WebhookTicket } from '../ticket-messages.util';

const ticket: WebhookTicket = {
  id: 't1',
  ticketNo: 'GD2026050100001',
  status: 'dispatched',
  priority: 0,
  category: { code: 'GY-02', name: '井盖' },
  regionCode: '320104',
  department: { code: 'SZYH', name: '市政设施养护中心' },
  description: '井盖缺失',
  location: { lat: 32.04, lng: 118.78, coordSystem: 'gcj02' },
  supporterCount: 1,
  acceptBy: null,
  resolveBy: '2026-05-03T10:00:00.000Z',
  createdAt: '2026-05-01T02:00:00.000Z',
};

function facts(overrides: Partial<TicketFacts>): TicketFacts {
  return {
    kind: 'dispatch',
    occurredAt: new Date('2026-05-01T03:00:00.000Z'),
    fromStatus: 'pending_triage',
    note: null,
    ticket,
    departmentId: 'd-szyh',
    previousDepartment: null,
    mergedInto: null,
    webhookDepartmentIds: new Set(['d-szyh', 'd-cgj']),
    residents: [{ userId: 'u1', reportId: 'r1', reportNo: 'SP2026050100001' }],
    ...overrides,
  };
}

const topics = (drafts: ReturnType<typeof ticketMessages>) => drafts.map((draft) => `${draft.topic}→${String(draft.payload.departmentId ?? draft.payload.userId)}`);

describe('ticketMessages', () => {
  it('tells the department a ticket was dispatched to it, and the resident who reported it', () => {
    const drafts = ticketMessages(facts({}));
    expect(topics(drafts)).toEqual(['department.ticket.dispatched→d-szyh', 'resident.ticket.status→u1']);
    expect(drafts[0].payload).toMatchObject({ topic: 'ticket.dispatched', ticket: { ticketNo: ticket.ticketNo }, event: { fromStatus: 'pending_triage', toStatus: 'dispatched' } });
    expect(drafts[1].payload).toMatchObject({ reportId: 'r1', statusLabel: '已派单', summary: '已派发至市政设施养护中心' });
  });

  it('sends no webhook to a department without a webhook URL', () => {
    expect(topics(ticketMessages(facts({ webhookDepartmentIds: new Set() })))).toEqual(['resident.ticket.status→u1']);
  });

  it('tells both departments of a transfer, naming where it came from', () => {
    const drafts = ticketMessages(
      facts({ kind: 'transfer', fromStatus: 'dispatched', departmentId: 'd-szyh', previousDepartment: { id: 'd-cgj', code: 'CGJ', name: '城管局' } }),
    );
    expect(topics(drafts)).toEqual(['department.ticket.transferred→d-szyh', 'department.ticket.transferred→d-cgj', 'resident.ticket.status→u1']);
    expect(drafts[1].payload).toMatchObject({ event: { previousDepartment: { code: 'CGJ', name: '城管局' } } });
  });

  it('tells the department of the ticket a merge joined, not the merged one', () => {
    const target = { ...ticket, id: 't2', ticketNo: 'GD2026050100002' };
    const drafts = ticketMessages(facts({ kind: 'merge', ticket: { ...ticket, status: 'merged' }, mergedInto: { ticket: target, departmentId: 'd-cgj' } }));
    expect(topics(drafts)).toEqual(['department.ticket.merged_in→d-cgj', 'resident.ticket.status→u1']);
    expect(drafts[0].payload).toMatchObject({ ticket: { ticketNo: 'GD2026050100002' }, event: { mergedTicketNo: ticket.ticketNo } });
    expect(drafts[1].payload).toMatchObject({ statusLabel: '已合并', summary: '已并入工单GD2026050100002' });
  });

  it('keeps internal workflow (a request for an extension) to itself', () => {
    expect(ticketMessages(facts({ kind: 'request_extension' }))).toEqual([]);
  });

  it('tells residents, not the department, that the work is done; the rejection reason goes with a rejection', () => {
    expect(topics(ticketMessages(facts({ kind: 'resolve' })))).toEqual(['resident.ticket.status→u1']);
    const [rejected] = ticketMessages(facts({ kind: 'reject', note: '重复上报', ticket: { ...ticket, status: 'rejected', department: null } }));
    expect(rejected.payload).toMatchObject({ status: 'rejected', statusLabel: '不予受理', summary: '原因：重复上报' });
  });

  it('carries no resident data to departments', () => {
    const [webhook] = ticketMessages(facts({}));
    const text = JSON.stringify(webhook.payload);
    for (const personal of ['u1', 'r1', 'SP2026050100001', 'openid', 'reporter']) expect(text).not.toContain(personal);
  });

  it('defines the escalation topic for the SLA job', () => {
    expect(topics(ticketMessages(facts({ kind: 'escalated', residents: [] })))).toEqual(['department.ticket.escalated→d-szyh']);
    // 督办 also tells the policy's escalation target (when it has a webhook).
    expect(topics(ticketMessages(facts({ kind: 'escalated', escalationDepartmentId: 'd-cgj', residents: [] })))).toEqual([
      'department.ticket.escalated→d-szyh',
      'department.ticket.escalated→d-cgj',
    ]);
  });
});

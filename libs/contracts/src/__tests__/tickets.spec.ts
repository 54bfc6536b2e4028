import {
  STAFF_ADMIN_ACTIONS,
  TICKET_STATUSES,
  TICKET_TRANSITIONS,
  availableActions,
  refusalOf,
  transitionOf,
  type ActionContext,
} from '../tickets';

const ctx = (overrides: Partial<ActionContext>): ActionContext => ({
  status: 'dispatched',
  hasPendingExtension: false,
  role: 'staff',
  owns: true,
  ...overrides,
});

describe('the ticket transition table', () => {
  it('has exactly one row per action, and every target state exists', () => {
    const actions = TICKET_TRANSITIONS.map((t) => t.action);
    expect(new Set(actions).size).toBe(actions.length);
    for (const t of TICKET_TRANSITIONS) {
      if (t.to !== 'same') expect(TICKET_STATUSES).toContain(t.to);
      if (t.from !== 'none') for (const from of t.from) expect(TICKET_STATUSES).toContain(from);
    }
  });

  it('lets staff of the department sign for a dispatched ticket, and nobody else', () => {
    expect(refusalOf('accept', ctx({}))).toBeNull();
    expect(refusalOf('accept', ctx({ owns: false }))).toBe('not_owner');
    expect(refusalOf('accept', ctx({ role: 'admin' }))).toBe('wrong_role');
    expect(refusalOf('accept', ctx({ role: 'resident' }))).toBe('wrong_role');
    expect(refusalOf('accept', ctx({ status: 'in_progress' }))).toBe('wrong_state');
  });

  it('lets admins act on any department’s ticket', () => {
    expect(refusalOf('transfer', ctx({ role: 'admin', owns: false, status: 'in_progress' }))).toBeNull();
    expect(refusalOf('dispatch', ctx({ role: 'admin', owns: false, status: 'pending_triage' }))).toBeNull();
  });

  it('decides on an extension only while one is pending, and allows one request at a time', () => {
    const inProgress = ctx({ status: 'in_progress' });
    expect(refusalOf('request_extension', inProgress)).toBeNull();
    expect(refusalOf('request_extension', { ...inProgress, hasPendingExtension: true })).toBe('wrong_state');
    const admin = ctx({ role: 'admin', status: 'in_progress' });
    expect(refusalOf('approve_extension', admin)).toBe('no_pending_extension');
    expect(refusalOf('approve_extension', { ...admin, hasPendingExtension: true })).toBeNull();
  });

  it('offers the buttons that fit role and state', () => {
    expect(availableActions(ctx({}))).toEqual(['accept', 'return', 'request_transfer', 'reclassify', 'merge', 'split']);
    expect(availableActions(ctx({ status: 'in_progress' }))).toEqual([
      'return',
      'request_transfer',
      'request_extension',
      'resolve',
      'reclassify',
      'merge',
      'split',
    ]);
    expect(availableActions(ctx({ role: 'admin', status: 'pending_triage', owns: false }))).toEqual(['dispatch', 'reject']);
    expect(availableActions(ctx({ role: 'admin', status: 'pending_triage' }))).toEqual(['dispatch', 'reject', 'reclassify', 'merge', 'split']);
    expect(availableActions(ctx({ status: 'merged' }))).toEqual([]);
    expect(availableActions(ctx({ status: 'closed' }))).toEqual([]);
    expect(availableActions(ctx({ role: 'resident', status: 'resolved' }))).toEqual([]);
  });

  it('keeps system and resident actions out of the staff/admin endpoint', () => {
    for (const action of STAFF_ADMIN_ACTIONS) {
      const row = TICKET_TRANSITIONS.find((t) => t.action === action);
      expect(row?.actors).not.toContain('system');
      expect(row?.actors).not.toContain('resident');
    }
  });

  it('records 催办 and 督办 as system events on open tickets that no person can take', () => {
    for (const action of ['urge', 'escalate'] as const) {
      const row = transitionOf(action);
      expect(row).toMatchObject({ to: 'same', actors: ['system'], from: ['dispatched', 'in_progress'] });
      expect(refusalOf(action, ctx({ role: 'admin', status: 'in_progress' }))).toBe('wrong_role');
      expect(STAFF_ADMIN_ACTIONS).not.toContain(action);
    }
    expect([transitionOf('urge').label, transitionOf('escalate').label]).toEqual(['催办', '督办']);
  });
});

import { RULE_PRIORITIES } from '@ssp/rules';
import { ticketPriorityOf } from '../ticket-priority.util';

describe('ticketPriorityOf', () => {
  it('keeps 普通 at the column default so older tickets read as normal', () => {
    expect(ticketPriorityOf('normal')).toBe(0);
  });

  it('orders the rule priorities from low to urgent', () => {
    const values = RULE_PRIORITIES.map(ticketPriorityOf);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    expect(new Set(values).size).toBe(RULE_PRIORITIES.length);
  });
});

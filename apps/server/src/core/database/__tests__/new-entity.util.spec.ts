import { Ticket } from '../../../modules/tickets/entities/ticket.entity';
import { newEntity } from '../new-entity.util';

describe('newEntity', () => {
  it('runs the initialisers (a fresh UUIDv7 id each) and sets the given columns', () => {
    const [a, b] = [newEntity(Ticket, { ticketNo: 'GD1', priority: 2, departmentId: null }), newEntity(Ticket, { ticketNo: 'GD2' })];
    expect(a).toBeInstanceOf(Ticket);
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.id).not.toBe(a.id);
    expect(a).toMatchObject({ ticketNo: 'GD1', priority: 2, departmentId: null });
  });

  it('skips undefined values, as repository.create does: an explicit undefined id keeps the generated one', () => {
    const ticket = newEntity(Ticket, { id: undefined, ticketNo: 'GD3', note: undefined } as Partial<Ticket>);
    expect(typeof ticket.id).toBe('string');
    expect(Object.prototype.hasOwnProperty.call(ticket, 'note')).toBe(false);
  });

  it('keeps a given id', () => {
    expect(newEntity(Ticket, { id: 'given-id' }).id).toBe('given-id');
  });
});

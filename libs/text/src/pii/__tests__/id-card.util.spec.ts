import { isValidResidentIdNumber } from '../id-card.util';

describe('isValidResidentIdNumber', () => {
  it.each(['11010519491231002X', '11010519491231002x', '320102199003071239', '320115198511204568'])('accepts %s', (id) => {
    expect(isValidResidentIdNumber(id)).toBe(true);
  });

  it.each([
    ['a wrong check digit', '110105194912310021'],
    ['a changed digit', '320102199003071229'],
    ['February 30th', '320102199002301234'],
    ['month 13', '320102199013071235'],
    ['17 digits', '32010219900307123'],
    ['a birth year before 1900 (valid checksum)', '440524188001010014'],
    ['a leading zero', '020102199003071239'],
  ])('rejects an id with %s', (_why, id) => {
    expect(isValidResidentIdNumber(id)).toBe(false);
  });

  it('rejects a date of birth in the future', () => {
    expect(isValidResidentIdNumber('320102199003071239', new Date(Date.UTC(1989, 0, 1)))).toBe(false);
  });
});

import { ancestorsOf } from '../region-ancestors.util';

const parents = new Map<string, string | null>([
  ['320100', null],
  ['320102', '320100'],
  ['320102001', '320102'],
]);

describe('ancestorsOf', () => {
  it('lists the region and its parents city first', () => {
    expect(ancestorsOf('320102001', parents)).toEqual(['320100', '320102', '320102001']);
    expect(ancestorsOf('320100', parents)).toEqual(['320100']);
  });

  it('keeps an unknown region on its own', () => {
    expect(ancestorsOf('999999', parents)).toEqual(['999999']);
  });

  it('stops at a parent cycle instead of looping', () => {
    const cyclic = new Map<string, string | null>([
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(ancestorsOf('a', cyclic)).toEqual(['b', 'a']);
  });
});

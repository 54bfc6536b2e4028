import fc from 'fast-check';
import { foldWidth } from '../width-fold.util';

describe('foldWidth', () => {
  it('turns full-width digits, letters, signs and the ideographic space into ASCII', () => {
    expect(foldWidth('电话：＋８６\u3000１３８－１２３４ ＡＢ')).toBe('电话:+86 138-1234 AB');
  });

  it('keeps Chinese and everything else, at the same length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (input) => {
        expect(foldWidth(input)).toHaveLength(input.length);
      }),
    );
    expect(foldWidth('路灯坏了')).toBe('路灯坏了');
  });
});

import { stratifiedFolds, stratifiedSplit } from '../stratified-split.util';

const examples = [...Array.from({ length: 50 }, (_, i) => ({ label: 'A', text: `a${i}` })), ...Array.from({ length: 10 }, (_, i) => ({ label: 'B', text: `b${i}` }))];

describe('stratifiedSplit', () => {
  it('holds out the ratio of every label, disjoint from training, the same for the same seed', () => {
    const { train, heldOut } = stratifiedSplit(examples, 0.2, 7);
    expect(heldOut.filter((e) => e.label === 'A')).toHaveLength(10);
    expect(heldOut.filter((e) => e.label === 'B')).toHaveLength(2);
    expect(train).toHaveLength(48);
    const heldTexts = new Set(heldOut.map((e) => e.text));
    expect(train.some((e) => heldTexts.has(e.text))).toBe(false);
    expect(stratifiedSplit(examples, 0.2, 7).heldOut).toEqual(heldOut);
    expect(stratifiedSplit(examples, 0.2, 8).heldOut).not.toEqual(heldOut);
  });

  it('refuses a ratio outside (0, 1)', () => {
    expect(() => stratifiedSplit(examples, 1, 1)).toThrow(RangeError);
  });
});

describe('stratifiedFolds', () => {
  it('spreads each label evenly over the folds', () => {
    const folds = stratifiedFolds(
      examples.map((e) => e.label),
      5,
      3,
    );
    for (let fold = 0; fold < 5; fold++) {
      expect(examples.filter((e, i) => e.label === 'B' && folds[i] === fold)).toHaveLength(2);
      expect(examples.filter((e, i) => e.label === 'A' && folds[i] === fold)).toHaveLength(10);
    }
  });
});

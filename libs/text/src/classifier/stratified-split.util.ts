import type { LabelledExample } from './classifier.types';
import { seededRandom, shuffleInPlace } from './seeded-random.util';

/** Row ids grouped by label, each group shuffled with the seed (labels in first-seen order). */
function shuffledGroups(labels: readonly string[], seed: number): number[][] {
  const groups = new Map<string, number[]>();
  labels.forEach((label, row) => {
    const group = groups.get(label);
    if (group) group.push(row);
    else groups.set(label, [row]);
  });
  const random = seededRandom(seed);
  const result = [...groups.values()];
  for (const group of result) shuffleInPlace(group, random);
  return result;
}

/**
 * Assigns every row to one of `folds` folds so each label is spread evenly (stratified k-fold);
 * deterministic for a seed. Returns the fold number of each row.
 */
export function stratifiedFolds(labels: readonly string[], folds: number, seed: number): Int32Array {
  const foldOf = new Int32Array(labels.length);
  let next = 0;
  for (const group of shuffledGroups(labels, seed)) {
    for (const row of group) foldOf[row] = next++ % folds;
  }
  return foldOf;
}

/**
 * Stratified, seeded split: about `ratio` of each label's examples go to `heldOut` (at least one when the
 * label has two or more), the rest to `train`. Order within each part follows the input.
 */
export function stratifiedSplit<T extends LabelledExample>(examples: readonly T[], ratio: number, seed: number): { train: T[]; heldOut: T[] } {
  if (!(ratio > 0 && ratio < 1)) throw new RangeError(`the held-out ratio must be between 0 and 1, got ${ratio}`);
  const heldOutRows = new Set<number>();
  for (const group of shuffledGroups(examples.map((example) => example.label), seed)) {
    const count = group.length < 2 ? 0 : Math.max(1, Math.round(group.length * ratio));
    for (const row of group.slice(0, count)) heldOutRows.add(row);
  }
  return {
    train: examples.filter((_, row) => !heldOutRows.has(row)),
    heldOut: examples.filter((_, row) => heldOutRows.has(row)),
  };
}

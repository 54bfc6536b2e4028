import type { SparseClassWeights } from './classifier.types';

const LEVELS = 32767;

/**
 * Drops weights smaller than `pruning` × the class's largest and stores the rest as delta-encoded
 * feature indices with 16-bit integer values × scale: small in JSON, and the lost precision (1/32767
 * of the largest weight) does not change rankings in practice.
 */
export function encodeClassWeights(weights: Float64Array, pruning: number): SparseClassWeights {
  let largest = 0;
  for (const weight of weights) largest = Math.max(largest, Math.abs(weight));
  const scale = largest > 0 ? largest / LEVELS : 1;
  const threshold = largest * pruning;
  const indices: number[] = [];
  const values: number[] = [];
  let previous = 0;
  for (let j = 0; j < weights.length; j++) {
    const quantised = Math.round(weights[j] / scale);
    if (Math.abs(weights[j]) < threshold || quantised === 0) continue;
    indices.push(j - previous);
    values.push(quantised);
    previous = j;
  }
  return { indices, values, scale };
}

/** Calls `visit(feature, weight)` for every stored weight. */
export function forEachClassWeight(weights: SparseClassWeights, visit: (feature: number, weight: number) => void): void {
  let feature = 0;
  for (let k = 0; k < weights.indices.length; k++) {
    feature += weights.indices[k];
    visit(feature, weights.values[k] * weights.scale);
  }
}

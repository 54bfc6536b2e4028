import type { CsrMatrix } from './sparse-matrix.util';
import { shuffleInPlace } from './seeded-random.util';

export interface BinarySvmOptions {
  /** liblinear's C. */
  cost: number;
  /** Stop when the projected-gradient spread is below this (liblinear's default 0.1). */
  tolerance: number;
  maxIterations: number;
  random: () => number;
  /** Per-feature multipliers applied to the inputs (NBSVM's log-count ratios); null = none. */
  featureScale: Float64Array | null;
}

export interface LinearFunction {
  weights: Float64Array;
  bias: number;
}

/**
 * L2-regularised L2-loss (squared hinge) linear SVM trained in the dual by coordinate descent with
 * shrinking — the algorithm of liblinear's default solver (Hsieh et al., ICML 2008). The bias is an
 * extra input fixed at 1, regularised like the other weights, as in liblinear with -B 1.
 * `positive[row]` says whether the row belongs to the positive class. The weights returned apply to
 * the scaled inputs (multiply by the feature scale to use them on the raw ones).
 */
export function trainBinarySvm(matrix: CsrMatrix, positive: Uint8Array, options: BinarySvmOptions): LinearFunction {
  const { rows, rowStart, indices, values } = matrix;
  const scale = options.featureScale;
  const diagonal = 1 / (2 * options.cost);
  const weights = new Float64Array(matrix.columns);
  let bias = 0;
  const alpha = new Float64Array(rows);
  const squaredNorm = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    let sum = 1 + diagonal;
    for (let k = rowStart[row]; k < rowStart[row + 1]; k++) {
      const x = scale ? values[k] * scale[indices[k]] : values[k];
      sum += x * x;
    }
    squaredNorm[row] = sum;
  }
  const order = new Int32Array(rows);
  for (let row = 0; row < rows; row++) order[row] = row;
  let activeSize = rows;
  let previousMax = Number.POSITIVE_INFINITY;
  for (let iteration = 0; iteration < options.maxIterations; iteration++) {
    let gradientMax = Number.NEGATIVE_INFINITY;
    let gradientMin = Number.POSITIVE_INFINITY;
    shuffleInPlace(order.subarray(0, activeSize), options.random);
    for (let s = 0; s < activeSize; s++) {
      const row = order[s];
      const from = rowStart[row];
      const to = rowStart[row + 1];
      const label = positive[row] ? 1 : -1;
      let margin = bias;
      if (scale) for (let k = from; k < to; k++) margin += weights[indices[k]] * values[k] * scale[indices[k]];
      else for (let k = from; k < to; k++) margin += weights[indices[k]] * values[k];
      const gradient = label * margin - 1 + alpha[row] * diagonal;
      let projected = gradient;
      if (alpha[row] === 0) {
        if (gradient > previousMax) {
          activeSize--;
          order[s] = order[activeSize];
          order[activeSize] = row;
          s--;
          continue;
        }
        if (gradient > 0) projected = 0;
      }
      if (projected > gradientMax) gradientMax = projected;
      if (projected < gradientMin) gradientMin = projected;
      if (Math.abs(projected) > 1e-12) {
        const before = alpha[row];
        alpha[row] = Math.max(before - gradient / squaredNorm[row], 0);
        const step = (alpha[row] - before) * label;
        if (scale) for (let k = from; k < to; k++) weights[indices[k]] += step * values[k] * scale[indices[k]];
        else for (let k = from; k < to; k++) weights[indices[k]] += step * values[k];
        bias += step;
      }
    }
    if (gradientMax - gradientMin <= options.tolerance) {
      if (activeSize === rows) break;
      activeSize = rows;
      previousMax = Number.POSITIVE_INFINITY;
      continue;
    }
    previousMax = gradientMax <= 0 ? Number.POSITIVE_INFINITY : gradientMax;
  }
  return { weights, bias };
}

/** Held-out scores of several models for the same rows: members[m][row * classes + c]. */
export interface HeldOutScores {
  classes: number;
  truth: Int32Array;
  members: readonly Float64Array[];
}

export interface EnsembleWeights {
  /** One non-negative weight per member, in the order given. */
  weights: number[];
  logLoss: number;
}

/**
 * Stacking and calibration in one: fits p(c | x) = softmax(Σ_m w_m·score_m,c) with every w_m ≥ 0 by
 * minimising the log loss on held-out scores (projected Newton with backtracking; the loss is convex in
 * w). The weights choose how much each member counts and are inverse temperatures at the same time, so
 * the confidences mean what they say on data the members did not see. As in Platt scaling, the targets
 * are smoothed (the true label gets 1 − ε, the others share ε = K / (n + 2K)), so held-out scores that
 * happen to separate perfectly — small training sets — do not drive the weights to infinity.
 */
export function fitEnsembleWeights(scores: HeldOutScores): EnsembleWeights {
  const count = scores.members.length;
  let weights = new Float64Array(count).fill(1 / count);
  let current = lossAndDerivatives(scores, weights);
  for (let iteration = 0; iteration < 80; iteration++) {
    const free: number[] = [];
    for (let m = 0; m < count; m++) if (weights[m] > 0 || current.gradient[m] < 0) free.push(m);
    const step = solve(
      free.map((i) => free.map((j) => current.hessian[i * count + j] + (i === j ? 1e-9 : 0))),
      free.map((i) => -current.gradient[i]),
    );
    let length = 1;
    let accepted = false;
    while (length > 1e-6) {
      const candidate = Float64Array.from(weights);
      free.forEach((m, k) => (candidate[m] = Math.max(0, weights[m] + length * step[k])));
      const next = lossAndDerivatives(scores, candidate);
      if (next.loss < current.loss - 1e-12) {
        accepted = candidate.some((value, m) => Math.abs(value - weights[m]) > 1e-7);
        weights = candidate;
        current = next;
        break;
      }
      length /= 2;
    }
    if (!accepted) break;
  }
  return { weights: Array.from(weights), logLoss: current.loss };
}

/** Gaussian elimination of a small symmetric positive (semi-)definite system; 0 for a vanishing pivot. */
function solve(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  for (let i = 0; i < n; i++) {
    const pivot = matrix[i][i];
    if (Math.abs(pivot) < 1e-15) continue;
    for (let k = i + 1; k < n; k++) {
      const factor = matrix[k][i] / pivot;
      for (let j = i; j < n; j++) matrix[k][j] -= factor * matrix[i][j];
      rhs[k] -= factor * rhs[i];
    }
  }
  const result = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = rhs[i];
    for (let j = i + 1; j < n; j++) sum -= matrix[i][j] * result[j];
    result[i] = Math.abs(matrix[i][i]) < 1e-15 ? 0 : sum / matrix[i][i];
  }
  return result;
}

function lossAndDerivatives(scores: HeldOutScores, weights: Float64Array) {
  const { classes, truth, members } = scores;
  const count = members.length;
  const rows = truth.length;
  const smoothing = classes / (rows + 2 * classes);
  const other = smoothing / classes;
  const own = 1 - smoothing + other;
  const logit = new Float64Array(classes);
  const expected = new Float64Array(count);
  const target = new Float64Array(count);
  const second = new Float64Array(count * count);
  const gradient = new Float64Array(count);
  const hessian = new Float64Array(count * count);
  let loss = 0;
  for (let row = 0; row < rows; row++) {
    const base = row * classes;
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < classes; c++) {
      let z = 0;
      for (let m = 0; m < count; m++) z += weights[m] * members[m][base + c];
      logit[c] = z;
      if (z > max) max = z;
    }
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      logit[c] = Math.exp(logit[c] - max);
      sum += logit[c];
    }
    expected.fill(0);
    target.fill(0);
    second.fill(0);
    for (let c = 0; c < classes; c++) {
      const p = logit[c] / sum;
      const q = c === truth[row] ? own : other;
      for (let i = 0; i < count; i++) {
        const s = members[i][base + c];
        expected[i] += p * s;
        target[i] += q * s;
        for (let j = 0; j <= i; j++) second[i * count + j] += p * s * members[j][base + c];
      }
    }
    let targetLogit = 0;
    for (let i = 0; i < count; i++) targetLogit += weights[i] * target[i];
    loss += Math.log(sum) + max - targetLogit;
    for (let i = 0; i < count; i++) {
      gradient[i] += expected[i] - target[i];
      for (let j = 0; j <= i; j++) hessian[i * count + j] += second[i * count + j] - expected[i] * expected[j];
    }
  }
  for (let i = 0; i < count; i++) {
    gradient[i] /= rows;
    for (let j = 0; j <= i; j++) {
      hessian[i * count + j] /= rows;
      hessian[j * count + i] = hessian[i * count + j];
    }
  }
  return { loss: loss / rows, gradient, hessian };
}

import type { CsrMatrix } from './sparse-matrix.util';

/** Per class, the sum of each feature's values over the class's rows (or of 1s when `binary`). */
export function classFeatureTotals(matrix: CsrMatrix, classOf: Int32Array, classes: number, binary: boolean): Float64Array[] {
  const totals = Array.from({ length: classes }, () => new Float64Array(matrix.columns));
  for (let row = 0; row < matrix.rows; row++) {
    const total = totals[classOf[row]];
    for (let k = matrix.rowStart[row]; k < matrix.rowStart[row + 1]; k++) total[matrix.indices[k]] += binary ? 1 : matrix.values[k];
  }
  return totals;
}

export interface MultinomialNaiveBayes {
  /** ln P(feature | class) − unseen[class]: zero for features the class never had. */
  logLikelihoodGain: Float64Array[];
  /** ln P(feature | class) of a feature the class never had. */
  unseen: Float64Array;
  logPrior: Float64Array;
}

/** Multinomial naive Bayes with additive smoothing, from per-class feature totals. */
export function fitMultinomialNaiveBayes(totals: readonly Float64Array[], classCounts: ArrayLike<number>, smoothing: number): MultinomialNaiveBayes {
  const rows = Array.from(classCounts).reduce((sum, count) => sum + count, 0);
  const unseen = new Float64Array(totals.length);
  const logPrior = new Float64Array(totals.length);
  const logLikelihoodGain = totals.map((total, c) => {
    let mass = 0;
    for (let j = 0; j < total.length; j++) mass += total[j];
    const denominator = Math.log(mass + smoothing * total.length);
    unseen[c] = Math.log(smoothing) - denominator;
    logPrior[c] = Math.log(classCounts[c] / rows);
    const gain = new Float64Array(total.length);
    for (let j = 0; j < total.length; j++) if (total[j] > 0) gain[j] = Math.log(total[j] + smoothing) - denominator - unseen[c];
    return gain;
  });
  return { logLikelihoodGain, unseen, logPrior };
}

/**
 * NBSVM's log-count ratio of each class against the rest (Wang & Manning, 2012) from binary totals:
 * r = ln((p / |p|₁) / (q / |q|₁)), p = α + documents of the class with the feature, q = α + the others'.
 */
export function logCountRatios(binaryTotals: readonly Float64Array[], smoothing: number): Float64Array[] {
  const columns = binaryTotals[0]?.length ?? 0;
  const all = new Float64Array(columns);
  for (const total of binaryTotals) for (let j = 0; j < columns; j++) all[j] += total[j];
  return binaryTotals.map((own) => {
    let positiveMass = 0;
    let negativeMass = 0;
    for (let j = 0; j < columns; j++) {
      positiveMass += smoothing + own[j];
      negativeMass += smoothing + all[j] - own[j];
    }
    const offset = Math.log(negativeMass) - Math.log(positiveMass);
    const ratio = new Float64Array(columns);
    for (let j = 0; j < columns; j++) ratio[j] = Math.log(smoothing + own[j]) - Math.log(smoothing + all[j] - own[j]) + offset;
    return ratio;
  });
}

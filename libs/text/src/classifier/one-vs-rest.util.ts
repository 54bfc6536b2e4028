import type { ClassifierHyperParameters, EnsembleMember } from './classifier.types';
import { trainBinarySvm } from './linear-svm.util';
import { classFeatureTotals, fitMultinomialNaiveBayes, logCountRatios } from './naive-bayes.util';
import { seededRandom } from './seeded-random.util';
import type { CsrMatrix } from './sparse-matrix.util';

/** One member of the ensemble, for every class: score_c(x) = bias_c + mass_c·|x|₁ + weights_c·x. */
export interface LinearMember {
  weights: Float64Array[];
  bias: Float64Array;
  mass: Float64Array;
}

export type MemberSet = Record<EnsembleMember, LinearMember>;

/** The ensemble's members, in the order of their weights in the model file. */
export const ENSEMBLE_MEMBERS: readonly EnsembleMember[] = ['nbsvm', 'svm', 'naiveBayes', 'centroid'];

type ModelSettings = Pick<ClassifierHyperParameters, 'svmCost' | 'nbInterpolation' | 'nbSmoothing' | 'seed'>;

/**
 * Trains every member on the same tf-idf rows: one-vs-rest NBSVM (an L2-loss SVM on inputs scaled by
 * naive-Bayes log-count ratios), one-vs-rest plain L2-loss SVM, multinomial naive Bayes, and the nearest
 * class centroid (cosine to each class's mean vector). All four are linear in the features, so any mix
 * of them is one linear model again. `onClassDone` is called after each class's two SVMs.
 */
export function fitMembers(matrix: CsrMatrix, classOf: Int32Array, classes: number, settings: ModelSettings, onClassDone: () => void): MemberSet {
  const counts = new Float64Array(classes);
  classOf.forEach((c) => counts[c]++);
  const totals = classFeatureTotals(matrix, classOf, classes, false);
  const nb = fitMultinomialNaiveBayes(totals, counts, settings.nbSmoothing);
  const ratios = logCountRatios(classFeatureTotals(matrix, classOf, classes, true), 1);
  const random = seededRandom(settings.seed);
  const nbsvm: LinearMember = { weights: [], bias: new Float64Array(classes), mass: new Float64Array(classes) };
  const svm: LinearMember = { weights: [], bias: new Float64Array(classes), mass: new Float64Array(classes) };
  ratios.forEach((ratio, c) => {
    const positive = Uint8Array.from(classOf, (value) => (value === c ? 1 : 0));
    const scaled = trainBinarySvm(matrix, positive, { cost: settings.svmCost, tolerance: 0.1, maxIterations: 200, random, featureScale: ratio });
    nbsvm.weights.push(interpolate(scaled.weights, ratio, settings.nbInterpolation));
    nbsvm.bias[c] = scaled.bias;
    const plain = trainBinarySvm(matrix, positive, { cost: settings.svmCost, tolerance: 0.1, maxIterations: 200, random, featureScale: null });
    svm.weights.push(plain.weights);
    svm.bias[c] = plain.bias;
    onClassDone();
  });
  return {
    nbsvm,
    svm,
    naiveBayes: { weights: nb.logLikelihoodGain, bias: nb.logPrior, mass: nb.unseen },
    centroid: { weights: totals.map(unitLength), bias: new Float64Array(classes), mass: new Float64Array(classes) },
  };
}

/** NBSVM interpolation w' = (1 − β)·mean|w| + β·w, then the ratio folded in so w' applies to raw inputs. */
function interpolate(weights: Float64Array, ratio: Float64Array, beta: number): Float64Array {
  let magnitude = 0;
  for (let j = 0; j < weights.length; j++) magnitude += Math.abs(weights[j]);
  const mean = weights.length > 0 ? magnitude / weights.length : 0;
  const result = new Float64Array(weights.length);
  for (let j = 0; j < weights.length; j++) result[j] = ratio[j] * ((1 - beta) * mean + beta * weights[j]);
  return result;
}

function unitLength(vector: Float64Array): Float64Array {
  let squares = 0;
  for (const value of vector) squares += value * value;
  const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0;
  return vector.map((value) => value * scale);
}

/** A member's scores of every row: scores[row * classes + c]. */
export function memberScores(matrix: CsrMatrix, member: LinearMember): Float64Array {
  const classes = member.bias.length;
  const scores = new Float64Array(matrix.rows * classes);
  for (let row = 0; row < matrix.rows; row++) {
    const from = matrix.rowStart[row];
    const to = matrix.rowStart[row + 1];
    let mass = 0;
    for (let k = from; k < to; k++) mass += matrix.values[k];
    for (let c = 0; c < classes; c++) {
      const weights = member.weights[c];
      let sum = member.bias[c] + member.mass[c] * mass;
      for (let k = from; k < to; k++) sum += weights[matrix.indices[k]] * matrix.values[k];
      scores[row * classes + c] = sum;
    }
  }
  return scores;
}

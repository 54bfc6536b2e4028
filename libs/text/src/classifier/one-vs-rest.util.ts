import type { ClassifierHyperParameters } from './classifier.types';
import { trainBinarySvm, type LinearFunction } from './linear-svm.util';
import { classFeatureTotals, fitMultinomialNaiveBayes, logCountRatios, type MultinomialNaiveBayes } from './naive-bayes.util';
import { seededRandom } from './seeded-random.util';
import type { CsrMatrix } from './sparse-matrix.util';

export interface OneVsRestModels {
  /** Per class, NBSVM weights on the raw (tf-idf) inputs. */
  svm: LinearFunction[];
  nb: MultinomialNaiveBayes;
}

type ModelSettings = Pick<ClassifierHyperParameters, 'svmCost' | 'nbInterpolation' | 'nbSmoothing' | 'seed'>;

/** One NBSVM per class (that class against the rest) and one multinomial naive Bayes over all classes. */
export function fitOneVsRest(matrix: CsrMatrix, classOf: Int32Array, classes: number, settings: ModelSettings, onClassDone: () => void): OneVsRestModels {
  const counts = new Float64Array(classes);
  classOf.forEach((c) => counts[c]++);
  const nb = fitMultinomialNaiveBayes(classFeatureTotals(matrix, classOf, classes, false), counts, settings.nbSmoothing);
  const ratios = logCountRatios(classFeatureTotals(matrix, classOf, classes, true), 1);
  const random = seededRandom(settings.seed);
  const svm = ratios.map((ratio, c) => {
    const positive = Uint8Array.from(classOf, (value) => (value === c ? 1 : 0));
    const model = trainBinarySvm(matrix, positive, { cost: settings.svmCost, tolerance: 0.1, maxIterations: 200, random, featureScale: ratio });
    onClassDone();
    return { weights: interpolate(model.weights, ratio, settings.nbInterpolation), bias: model.bias };
  });
  return { svm, nb };
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

/** Naive-Bayes log posteriors (up to a per-row constant): scores[row * classes + c]. */
export function naiveBayesScores(matrix: CsrMatrix, nb: MultinomialNaiveBayes): Float64Array {
  const classes = nb.logPrior.length;
  const scores = new Float64Array(matrix.rows * classes);
  for (let row = 0; row < matrix.rows; row++) {
    let mass = 0;
    for (let k = matrix.rowStart[row]; k < matrix.rowStart[row + 1]; k++) mass += matrix.values[k];
    for (let c = 0; c < classes; c++) {
      const gain = nb.logLikelihoodGain[c];
      let sum = nb.logPrior[c] + nb.unseen[c] * mass;
      for (let k = matrix.rowStart[row]; k < matrix.rowStart[row + 1]; k++) sum += gain[matrix.indices[k]] * matrix.values[k];
      scores[row * classes + c] = sum;
    }
  }
  return scores;
}

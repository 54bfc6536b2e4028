import { CLASSIFIER_FORMAT, CLASSIFIER_FORMAT_VERSION, DEFAULT_HYPER_PARAMETERS } from './classifier-defaults';
import { clipText, normalizeForClassifier } from './classifier-normalize.util';
import type { ClassifierHyperParameters, ClassifierModel, LabelledExample, ProgressListener, TrainClassifierOptions, TrainingStage } from './classifier.types';
import { fitEnsembleWeights } from './ensemble-calibration.util';
import { FeatureSpace } from './feature-space';
import { ENSEMBLE_MEMBERS, fitMembers, memberScores } from './one-vs-rest.util';
import { encodeClassWeights } from './sparse-weights.util';
import { selectRows, type CsrMatrix } from './sparse-matrix.util';
import { stratifiedFolds } from './stratified-split.util';

/**
 * Trains our classifier: character n-grams (sublinear tf-idf, unit length) feeding four linear models —
 * one-vs-rest NBSVM (an L2-loss SVM on inputs scaled by naive-Bayes log-count ratios), one-vs-rest plain
 * L2-loss SVM, multinomial naive Bayes and the nearest class centroid — stacked with weights fitted on
 * held-out folds, which also calibrates the confidences. The result is one sparse linear model per class,
 * so prediction costs one pass over the text's n-grams.
 */
export function trainClassifier(examples: readonly LabelledExample[], options: TrainClassifierOptions = {}, onProgress?: ProgressListener): ClassifierModel {
  const { normalize, ...overrides } = options;
  const hyperParameters: ClassifierHyperParameters = { ...DEFAULT_HYPER_PARAMETERS, ...definedOnly(overrides) };
  const labels = [...new Set(examples.map((example) => example.label))].sort();
  if (labels.length < 2) throw new RangeError(`training needs at least two labels, got ${labels.length}`);
  const classOf = Int32Array.from(examples, (example) => labels.indexOf(example.label));
  const classCounts = labels.map((_, c) => classOf.filter((value) => value === c).length);
  const folds = Math.min(hyperParameters.calibrationFolds, Math.min(...classCounts));
  const progress = progressReporter(onProgress, 1 + labels.length * (folds >= 2 ? folds + 1 : 1));

  const prepare = normalize ?? normalizeForClassifier;
  const texts = examples.map((example) => clipText(prepare(example.text), hyperParameters.maxTextLength));
  const space = FeatureSpace.fit(texts, {
    minGram: hyperParameters.minGram,
    maxGram: hyperParameters.maxGram,
    minDocumentFrequency: Math.min(hyperParameters.minDocumentFrequency, Math.max(1, Math.floor(examples.length / 10))),
    maxFeatures: hyperParameters.maxFeatures,
    sublinearTf: true,
    useIdf: true,
    l2Normalize: true,
  });
  const matrix = space.matrix(texts);
  progress('features');

  const calibration = folds >= 2 ? calibrate(matrix, classOf, labels.length, folds, hyperParameters, () => progress('calibration')) : { weights: ENSEMBLE_MEMBERS.map((name) => (name === 'nbsvm' ? 1 : 0)), logLoss: Number.NaN };
  const final = fitMembers(matrix, classOf, labels.length, hyperParameters, () => progress('final'));

  const bias: number[] = [];
  const massCoefficient: number[] = [];
  const weights = labels.map((_, c) => {
    const merged = new Float64Array(space.size);
    let classBias = 0;
    let classMass = 0;
    ENSEMBLE_MEMBERS.forEach((name, m) => {
      const weight = calibration.weights[m];
      if (weight === 0) return;
      const member = final[name];
      const memberWeights = member.weights[c];
      for (let j = 0; j < merged.length; j++) merged[j] += weight * memberWeights[j];
      classBias += weight * member.bias[c];
      classMass += weight * member.mass[c];
    });
    bias.push(classBias);
    massCoefficient.push(classMass);
    return encodeClassWeights(merged, hyperParameters.weightPruning);
  });

  return {
    format: CLASSIFIER_FORMAT,
    formatVersion: CLASSIFIER_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    normalizer: normalize ? 'custom' : 'builtin-v2',
    labels,
    hyperParameters,
    trainingSetSize: examples.length,
    classCounts,
    calibration: { members: ENSEMBLE_MEMBERS.map((name, m) => ({ name, weight: calibration.weights[m] })), heldOutLogLoss: calibration.logLoss },
    features: { grams: [...space.grams], idf: Array.from(space.idf, (value) => Math.round(value * 1e4) / 1e4) },
    weights,
    bias,
    massCoefficient,
  };
}

/** Out-of-fold scores of every member on every row, then the stacking weights that fit them best. */
function calibrate(matrix: CsrMatrix, classOf: Int32Array, classes: number, folds: number, hyperParameters: ClassifierHyperParameters, onUnit: () => void) {
  const labelsOfRows = Array.from(classOf, String);
  const foldOf = stratifiedFolds(labelsOfRows, folds, hyperParameters.seed);
  const members = ENSEMBLE_MEMBERS.map(() => new Float64Array(matrix.rows * classes));
  const truth = new Int32Array(matrix.rows);
  let at = 0;
  for (let fold = 0; fold < folds; fold++) {
    const trainRows: number[] = [];
    const heldRows: number[] = [];
    foldOf.forEach((value, row) => (value === fold ? heldRows : trainRows).push(row));
    const models = fitMembers(selectRows(matrix, trainRows), Int32Array.from(trainRows, (row) => classOf[row]), classes, { ...hyperParameters, seed: hyperParameters.seed + fold + 1 }, onUnit);
    const held = selectRows(matrix, heldRows);
    ENSEMBLE_MEMBERS.forEach((name, m) => members[m].set(memberScores(held, models[name]), at * classes));
    heldRows.forEach((row, k) => (truth[at + k] = classOf[row]));
    at += heldRows.length;
  }
  return fitEnsembleWeights({ classes, truth, members });
}

function progressReporter(listener: ProgressListener | undefined, total: number) {
  let done = 0;
  return (stage: TrainingStage) => {
    done++;
    listener?.({ stage, done, total });
  };
}

function definedOnly(values: Partial<ClassifierHyperParameters>): Partial<ClassifierHyperParameters> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}

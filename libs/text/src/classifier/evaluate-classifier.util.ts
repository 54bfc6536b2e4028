import type { ClassMetrics, EvaluationReport, LabelledExample, Prediction } from './classifier.types';

/** Anything that ranks labels for a text: our classifier and the comparison baselines. */
export interface LabelPredictor {
  readonly labels: readonly string[];
  predict(text: string, top?: number): Prediction[];
}

/** Predicts every example and scores the answers (see computeEvaluation). */
export function evaluateClassifier(classifier: LabelPredictor, examples: readonly LabelledExample[]): EvaluationReport {
  const predicted: string[] = [];
  const confidence: number[] = [];
  for (const example of examples) {
    const [best] = classifier.predict(example.text, 1);
    predicted.push(best?.label ?? '');
    confidence.push(best?.confidence ?? 0);
  }
  return computeEvaluation(
    classifier.labels,
    examples.map((example) => example.label),
    predicted,
    confidence,
  );
}

const CALIBRATION_BINS = 10;

/**
 * Accuracy, macro- and support-weighted F1, per-class precision/recall/F1, the confusion matrix
 * (rows = actual, columns = predicted) and the expected calibration error of the top confidence.
 * Labels seen only in `actual` are appended to `labels`, so a label the model never learnt counts as missed.
 */
export function computeEvaluation(labels: readonly string[], actual: readonly string[], predicted: readonly string[], confidence: readonly number[]): EvaluationReport {
  const allLabels = [...labels];
  for (const label of actual) if (!allLabels.includes(label)) allLabels.push(label);
  const position = new Map(allLabels.map((label, index) => [label, index]));
  const confusion = allLabels.map(() => new Array<number>(allLabels.length).fill(0));
  let correct = 0;
  const binCount = new Array<number>(CALIBRATION_BINS).fill(0);
  const binCorrect = new Array<number>(CALIBRATION_BINS).fill(0);
  const binConfidence = new Array<number>(CALIBRATION_BINS).fill(0);
  actual.forEach((label, row) => {
    const a = position.get(label) ?? 0;
    const p = position.get(predicted[row]);
    if (p !== undefined) confusion[a][p]++;
    const hit = label === predicted[row];
    if (hit) correct++;
    const bin = Math.min(CALIBRATION_BINS - 1, Math.floor(confidence[row] * CALIBRATION_BINS));
    binCount[bin]++;
    binCorrect[bin] += hit ? 1 : 0;
    binConfidence[bin] += confidence[row];
  });
  const total = actual.length;
  const perClass: ClassMetrics[] = allLabels.map((label, c) => {
    const truePositive = confusion[c][c];
    const support = confusion[c].reduce((sum, count) => sum + count, 0);
    const predictedCount = confusion.reduce((sum, row) => sum + row[c], 0);
    const precision = predictedCount > 0 ? truePositive / predictedCount : 0;
    const recall = support > 0 ? truePositive / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const present = perClass.filter((metrics) => metrics.support > 0);
  const macroF1 = present.length > 0 ? present.reduce((sum, metrics) => sum + metrics.f1, 0) / present.length : 0;
  const weightedF1 = total > 0 ? present.reduce((sum, metrics) => sum + metrics.f1 * metrics.support, 0) / total : 0;
  let expectedCalibrationError = 0;
  for (let bin = 0; bin < CALIBRATION_BINS; bin++) {
    if (binCount[bin] > 0) expectedCalibrationError += Math.abs(binCorrect[bin] - binConfidence[bin]) / total;
  }
  return {
    labels: allLabels,
    total,
    accuracy: total > 0 ? correct / total : 0,
    macroF1,
    weightedF1,
    perClass,
    confusion,
    expectedCalibrationError,
    meanConfidence: total > 0 ? confidence.reduce((sum, value) => sum + value, 0) / total : 0,
  };
}
